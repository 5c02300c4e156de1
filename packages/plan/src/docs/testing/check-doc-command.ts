/**
 * Test support for the docs test: decide whether a documented `npx nx …`
 * command can work in this repository (static check), and whether it is safe
 * to run for real (read-only).
 */
import { parseArgs, type DocCommand, type ParsedArgs } from './doc-commands';
import type { CommandCatalog, PlanProject, SchemaInfo } from './command-catalog';

/** Options Nx itself takes, by subcommand (camelCase). */
const NX_GENERATE_FLAGS = new Set(['dryRun', 'd', 'interactive', 'verbose', 'quiet', 'help', 'defaults']);
const NX_RUN_FLAGS = new Set([
  'parallel',
  'maxParallel',
  'skipNxCache',
  'skipRemoteCache',
  'skipSync',
  'excludeTaskDependencies',
  'outputStyle',
  'verbose',
  'nxBail',
  'nxIgnoreCycles',
  'configuration',
  'c',
  'graph',
  'tui',
  'help',
  'batch',
]);
const NX_RUN_VALUE_FLAGS = new Set(['parallel', 'maxParallel', 'outputStyle', 'configuration', 'c', 'graph']);
const NX_RUN_MANY_FLAGS = new Set([...NX_RUN_FLAGS, 'targets', 'target', 't', 'projects', 'p', 'exclude', 'all']);
const NX_RUN_MANY_VALUE_FLAGS = new Set([...NX_RUN_VALUE_FLAGS, 'targets', 'target', 't', 'projects', 'p', 'exclude']);
const NX_SHOW_FLAGS = new Set(['json', 'web', 'affected', 'type', 'projects', 'p', 'withTarget', 'sep', 'open', 'verbose', 'help']);
const NX_ADD_FLAGS = new Set(['updatePackageScripts', 'verbose', 'help']);
/** Nx subcommands documented without further checks. */
const PLAIN_SUBCOMMANDS = new Set(['graph', 'reset', 'report', 'list', 'daemon', 'release']);

const hasPlaceholder = (value: string) => /<[^>]*>/.test(value) || value.includes('…') || value.includes('...');

export interface CommandCheck {
  problems: string[];
  /** Read-only and resolvable here: the docs test runs it for real. */
  safeToRun: boolean;
  /** Kind of command for picking a representative sample to run. */
  shape: string;
  /** Target name when the command runs one (validate, status…). */
  target?: string;
}

function optionName(schema: SchemaInfo, name: string): string | undefined {
  if (schema.options.has(name)) return name;
  return schema.aliases.get(name);
}

function takesValue(schema: SchemaInfo | undefined, nxValueFlags: ReadonlySet<string>) {
  return (name: string) => {
    if (nxValueFlags.has(name)) return true;
    if (!schema) return false;
    const real = optionName(schema, name);
    const type = real ? schema.options.get(real)?.type : undefined;
    return type !== undefined && type !== 'boolean';
  };
}

function checkOptions(args: ParsedArgs, schema: SchemaInfo | undefined, nxFlags: ReadonlySet<string>, where: string, problems: string[]): void {
  for (const option of args.options) {
    if (nxFlags.has(option.name)) continue;
    const real = schema ? optionName(schema, option.name) : undefined;
    if (!real) {
      problems.push(`${option.raw}: no such option for ${where}${schema ? ` (schema ${schema.file})` : ''}`);
      continue;
    }
    const info = schema!.options.get(real)!;
    if (option.value !== undefined && info.enum && !hasPlaceholder(option.value)) {
      const values = info.type === 'array' ? option.value.split(',') : [option.value];
      for (const v of values) if (!info.enum.includes(v)) problems.push(`${option.raw}: "${v}" is not one of ${info.enum.join('|')}`);
    }
  }
}

function findPlan(catalog: CommandCatalog, value: string): PlanProject | undefined {
  const key = value.replace(/^\.\//, '').replace(/\/+$/, '').toLowerCase();
  return catalog.plans.find((p) => p.name.toLowerCase() === key || p.dir.toLowerCase() === key || p.project === key);
}

/** Targets of a project as the plugin infers them here, or from project.json. */
function targetsOf(catalog: CommandCatalog, project: string): { targets: Set<string>; plan?: PlanProject } | undefined {
  const t = catalog.targetNames;
  if (project === t.aggregateProjectName) {
    return { targets: new Set([t.validateTargetName, t.statusTargetName, t.graphTargetName]) };
  }
  const plan = catalog.plans.find((p) => p.project === project);
  if (plan) {
    const targets = new Set([t.validateTargetName, t.statusTargetName, t.graphTargetName]);
    if (plan.achievementIds.size > 0) targets.add(t.executeTargetName);
    for (const id of plan.achievementIds) targets.add(`${t.achievementTargetPrefix}${id}`);
    return { targets, plan };
  }
  const declared = catalog.projectTargets.get(project);
  return declared ? { targets: declared } : undefined;
}

/**
 * The executor schema behind an inferred target, undefined for project.json
 * targets. Achievement targets run `nx-plan run-achievement`, whose options are
 * the run-achievement executor's; `execute` forwards its flags to them
 * (`dependsOn` with `params: "forward"`).
 */
function executorFor(catalog: CommandCatalog, target: string): SchemaInfo | undefined {
  const t = catalog.targetNames;
  if (target === t.validateTargetName) return catalog.executors.get('validate');
  if (target === t.statusTargetName) return catalog.executors.get('status');
  if (target === t.graphTargetName) return catalog.executors.get('graph');
  if (target.startsWith(t.achievementTargetPrefix)) return catalog.executors.get('run-achievement');
  if (target === t.executeTargetName) return catalog.executors.get('run-achievement');
  return undefined;
}

function checkGenerate(words: string[], catalog: CommandCatalog, problems: string[]): CommandCheck {
  const spec = words[0] ?? '';
  const colon = spec.lastIndexOf(':');
  const collection = colon >= 0 ? spec.slice(0, colon) : '';
  const name = colon >= 0 ? spec.slice(colon + 1) : spec;
  if (!catalog.collections.has(collection)) {
    problems.push(`generator "${spec}": write it as ${catalog.pluginPackage}:<generator>`);
    return { problems, safeToRun: false, shape: `g ${spec}` };
  }
  const schema = catalog.generators.get(name);
  if (!schema) {
    problems.push(`no generator "${name}" in generators.json (have: ${[...catalog.generators.keys()].join(', ')})`);
    return { problems, safeToRun: false, shape: `g ${name}` };
  }
  const args = parseArgs(words.slice(1), takesValue(schema, new Set()));
  checkOptions(args, schema, NX_GENERATE_FLAGS, `generator ${name}`, problems);
  if (args.positional.length > schema.positional) problems.push(`unexpected argument(s): ${args.positional.join(' ')}`);
  const planValue = args.options.find((o) => o.name === 'plan')?.value ?? args.positional[0];
  let resolvable = true;
  if (planValue !== undefined) {
    if (hasPlaceholder(planValue)) resolvable = false;
    else {
      const plan = findPlan(catalog, planValue);
      if (!plan) problems.push(`--plan=${planValue}: no such plan in this repository (have: ${catalog.plans.map((p) => p.name).join(', ') || 'none'})`);
      for (const o of args.options.filter((o) => (o.name === 'achievement' || o.name === 'achievements') && o.value !== undefined)) {
        for (const id of o.value!.split(',')) {
          if (plan && !hasPlaceholder(id) && !plan.achievementIds.has(id)) problems.push(`${o.raw}: plan ${plan.name} has no achievement ${id}`);
        }
      }
    }
  }
  const dryRun = args.options.some((o) => (o.name === 'dryRun' || o.name === 'd') && o.value !== 'false');
  return { problems, safeToRun: dryRun && resolvable && problems.length === 0, shape: `g ${name}` };
}

function checkRun(projectTarget: string, rest: string[], catalog: CommandCatalog, problems: string[]): CommandCheck {
  const [project, target] = projectTarget.split(':');
  const shape = `run ${target ?? '?'}`;
  if (!project || !target) {
    problems.push(`"${projectTarget}": expected <project>:<target>`);
    return { problems, safeToRun: false, shape };
  }
  const executor = executorFor(catalog, target);
  const args = parseArgs(rest, takesValue(executor, NX_RUN_VALUE_FLAGS));
  if (args.positional.length > 0) problems.push(`unexpected argument(s): ${args.positional.join(' ')}`);
  const placeholder = hasPlaceholder(project) || hasPlaceholder(target);
  if (!placeholder) {
    const known = targetsOf(catalog, project);
    if (!known) problems.push(`no project "${project}" in this repository`);
    else if (!known.targets.has(target)) problems.push(`project ${project} has no target "${target}" (has: ${[...known.targets].join(', ')})`);
  }
  const isPluginTarget = executor !== undefined || target === catalog.targetNames.executeTargetName;
  if (isPluginTarget) checkOptions(args, executor, NX_RUN_FLAGS, `target ${target}`, problems);
  const t = catalog.targetNames;
  const readOnly =
    [t.validateTargetName, t.statusTargetName, t.graphTargetName].includes(target) &&
    !args.options.some((o) => o.name === 'outputFile' || o.name === 'output');
  return { problems, safeToRun: readOnly && !placeholder && problems.length === 0, shape, target };
}

function checkRunMany(rest: string[], catalog: CommandCatalog, problems: string[]): CommandCheck {
  const args = parseArgs(rest, (name) => NX_RUN_MANY_VALUE_FLAGS.has(name));
  checkOptions(args, undefined, NX_RUN_MANY_FLAGS, 'run-many', problems);
  const list = (names: string[]) =>
    args.options.filter((o) => names.includes(o.name)).flatMap((o) => (o.value ?? '').split(',').filter((v) => v !== ''));
  const targets = list(['targets', 'target', 't']);
  const projects = list(['projects', 'p']);
  if (targets.length === 0) problems.push('run-many without -t <targets>');
  for (const project of projects) {
    if (hasPlaceholder(project)) continue;
    const known = targetsOf(catalog, project);
    if (!known) {
      problems.push(`no project "${project}" in this repository`);
      continue;
    }
    for (const target of targets) {
      if (!hasPlaceholder(target) && !known.targets.has(target)) problems.push(`project ${project} has no target "${target}"`);
    }
  }
  return { problems, safeToRun: false, shape: 'run-many' };
}

export function checkDocCommand(command: DocCommand, catalog: CommandCatalog): CommandCheck {
  const problems: string[] = [];
  const [npx, nx, sub, ...rest] = command.argv;
  if (npx !== 'npx' || nx !== 'nx' || sub === undefined) {
    return { problems: ['expected "npx nx <command>"'], safeToRun: false, shape: '?' };
  }
  switch (sub) {
    case 'g':
    case 'generate':
      return checkGenerate(rest, catalog, problems);
    case 'run':
      return checkRun(rest[0] ?? '', rest.slice(1), catalog, problems);
    case 'run-many':
      return checkRunMany(rest, catalog, problems);
    case 'show': {
      const args = parseArgs(rest, (name) => ['type', 'projects', 'p', 'withTarget', 'sep'].includes(name));
      checkOptions(args, undefined, NX_SHOW_FLAGS, 'nx show', problems);
      const [what, project] = args.positional;
      if (what !== 'project' && what !== 'projects') problems.push(`nx show ${what ?? ''}: expected "project <name>" or "projects"`);
      if (what === 'project' && project !== undefined && !hasPlaceholder(project) && !targetsOf(catalog, project)) {
        problems.push(`no project "${project}" in this repository`);
      }
      return { problems, safeToRun: false, shape: `show ${what}` };
    }
    case 'add': {
      const args = parseArgs(rest, () => false);
      checkOptions(args, undefined, NX_ADD_FLAGS, 'nx add', problems);
      if (args.positional[0] !== catalog.pluginPackage) problems.push(`nx add ${args.positional[0] ?? ''}: the plugin is ${catalog.pluginPackage}`);
      return { problems, safeToRun: false, shape: 'add' };
    }
    default:
      if (PLAIN_SUBCOMMANDS.has(sub)) return { problems, safeToRun: false, shape: sub };
      // `npx nx <target> <project>` shorthand.
      if (rest[0] !== undefined && !rest[0].startsWith('-')) return checkRun(`${rest[0]}:${sub}`, rest.slice(1), catalog, problems);
      return { problems: [`unknown nx command "${sub}"`], safeToRun: false, shape: sub };
  }
}
