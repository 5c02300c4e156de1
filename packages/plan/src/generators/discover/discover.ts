/**
 * `nx g @nx-plan/plan:discover --plan=<NAME>`: writes the parallel-discovery
 * prompt for an LLM and a draft parallel.json inferred from the PLAN (SPEC §6.3).
 * Never overwrites: with an existing dependency tree the draft goes to
 * `parallel.draft.json`, and a file that already exists is skipped and listed.
 * Only Tree I/O, so `--dryRun` writes nothing.
 */
import { formatFiles, generateFiles, joinPathFragments, logger, offsetFromRoot, OverwriteStrategy, readNxJson, type Tree } from '@nx/devkit';
import {
  ACHIEVEMENT_ID_PATTERN,
  compareAchievementIds,
  inferDependencyTree,
  type DependencyOrigin,
  PARALLEL_FILE_NAMES,
  parseAchievementId,
  type HoursRange,
  type PlanAchievementText,
} from '@nx-plan/core';
import * as path from 'node:path';
import { loadTreePlan } from '../../utils/load-tree-plan';
import { schemaFile } from '../init/lib/add-schema-references';
import { isDryRun } from '../lib/confirm-batch';
import { planCommands } from '../../utils/plan-targets';
import type { DiscoverGeneratorSchema } from './schema';

export const PROMPT_FILE = 'PARALLEL_DISCOVERY_PROMPT.md';
export const DRAFT_FILE = 'parallel.draft.json';

/** Longest approach text copied into the prompt per achievement; the rest is pointed to by line. */
const MAX_APPROACH_CHARS = 6000;

export interface DiscoverResult {
  created: string[];
  skipped: { file: string; reason: string }[];
  /** Where the draft went, or undefined when it was skipped. */
  draftFile?: string;
}

interface PromptAchievement {
  id: string;
  title: string;
  priority: number | string;
  estimate?: string;
  goal?: string;
  deliverables: string[];
  approach?: string;
  /** The dependency field as the PLAN writes it, when it states one. */
  statedLine?: string;
  referenced: string[];
  draftDependencies: string[];
  /** 'stated' (kept from the PLAN) or 'inferred'. */
  draftSource: DependencyOrigin['source'];
  line: number;
}

function formatHours(range: HoursRange | undefined): string | undefined {
  if (!range) return undefined;
  return range.min === range.max ? `${range.min} h` : `${range.min}-${range.max} h`;
}

function trimApproach(text: string | undefined, planFile: string, line: number): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length <= MAX_APPROACH_CHARS) return trimmed;
  const cut = trimmed.lastIndexOf('\n', MAX_APPROACH_CHARS);
  const head = trimmed.slice(0, cut > 0 ? cut : MAX_APPROACH_CHARS);
  // Close a code fence left open by the cut, so the rest of the prompt stays readable.
  const fences = (head.match(/^\s*```/gm) ?? []).length;
  return `${head}${fences % 2 === 1 ? '\n```' : ''}\n\n_(cut here; the full text is in \`${planFile}\` from line ${line})_`;
}

function toPromptAchievement(a: PlanAchievementText, draft: Map<string, string[]>, origins: Map<string, DependencyOrigin>, planFile: string): PromptAchievement {
  const ownIds = new Set([a.id]);
  return {
    id: a.id,
    title: a.title,
    priority: parseAchievementId(a.id)?.priority ?? '?',
    estimate: formatHours(a.estimate),
    goal: a.goal?.trim() || undefined,
    deliverables: a.deliverables.map((d) => d.trim()).filter((d) => d !== ''),
    approach: trimApproach(a.approach, planFile, a.location.line),
    statedLine: origins.get(a.id)?.statedLine,
    referenced: [...new Set(a.referencedIds)].filter((id) => !ownIds.has(id)).sort(compareAchievementIds),
    draftDependencies: draft.get(a.id) ?? [],
    draftSource: origins.get(a.id)?.source ?? 'inferred',
    line: a.location.line,
  };
}

/**
 * The `$schema` reference `init` writes into a parallel.json of `dir`: a path
 * to the installed schema (the tolerant one, or the strict one when the
 * plugin runs with `strict: true`).
 */
export function schemaReference(tree: Tree, dir: string): string {
  return `${offsetFromRoot(dir)}${schemaFile(pluginStrict(tree))}`;
}

function pluginStrict(tree: Tree): boolean {
  const entry = (readNxJson(tree)?.plugins ?? []).find((p) => typeof p !== 'string' && p.plugin === '@nx-plan/plan');
  return typeof entry === 'object' && (entry.options as { strict?: unknown } | undefined)?.strict === true;
}

function existingTree(tree: Tree, dir: string): string | undefined {
  return PARALLEL_FILE_NAMES.map((name) => joinPathFragments(dir, name)).find((file) => tree.exists(file));
}

/** The work of the generator, returning what it wrote and skipped (for tests and callers). */
export async function runDiscover(tree: Tree, options: DiscoverGeneratorSchema): Promise<DiscoverResult> {
  const { location, loaded } = loadTreePlan(tree, options.plan, 'discover');
  const plan = loaded.plan!;
  const commands = planCommands(tree, location.name);
  const result: DiscoverResult = { created: [], skipped: [] };

  const reference = schemaReference(tree, location.dir);
  const { tree: draft, origins } = inferDependencyTree(plan, location.name, { schemaReference: reference });
  const draftDeps = new Map(draft.achievements.map((a) => [a.achievement_id, a.dependencies] as const));
  const originById = new Map(origins.map((o) => [o.id, o] as const));

  // Where the draft goes: parallel.json when the plan has no tree yet, else beside it.
  const existing = existingTree(tree, location.dir);
  const draftTarget = joinPathFragments(location.dir, existing ? DRAFT_FILE : 'parallel.json');
  let draftSentence: string;
  if (tree.exists(draftTarget)) {
    result.skipped.push({ file: draftTarget, reason: 'already exists; delete or rename it to get a fresh draft' });
    draftSentence = `The plan already has \`${path.posix.basename(existing ?? draftTarget)}\` and an earlier draft in \`${DRAFT_FILE}\`; nx-plan left both untouched.`;
  } else {
    tree.write(draftTarget, `${JSON.stringify(draft, null, 2)}\n`);
    result.created.push(draftTarget);
    result.draftFile = draftTarget;
    draftSentence = existing
      ? `The plan already has \`${path.posix.basename(existing)}\` (left untouched); a draft inferred mechanically from the PLAN was written beside it to \`${DRAFT_FILE}\`.`
      : `A draft inferred mechanically from the PLAN was written to \`parallel.json\`.`;
  }

  const promptFile = joinPathFragments(location.dir, PROMPT_FILE);
  if (tree.exists(promptFile)) {
    result.skipped.push({ file: promptFile, reason: 'already exists; delete it to regenerate the prompt' });
  } else {
    const planFileName = path.posix.basename(location.planFile);
    const achievements = plan.achievements.map((a) => toPromptAchievement(a, draftDeps, originById, planFileName));
    const exampleAchievements = draft.achievements.slice(0, 3).map((a) => ({
      id: a.achievement_id,
      title: a.title ?? '',
      dependencies: a.dependencies.filter((d) => ACHIEVEMENT_ID_PATTERN.test(d)),
      hours: a.estimated_hours === undefined ? undefined : JSON.stringify(a.estimated_hours),
    }));
    generateFiles(
      tree,
      path.join(__dirname, 'files'),
      location.dir,
      {
        planName: location.name,
        planFile: location.planFile,
        planDir: location.dir,
        draftSentence,
        achievements,
        exampleAchievements,
        schemaReference: reference,
        today: new Date().toISOString().slice(0, 10),
        validateCommand: commands.validate,
        statusCommand: commands.status,
        graphCommand: commands.graph,
      },
      { overwriteStrategy: OverwriteStrategy.KeepExisting },
    );
    result.created.push(promptFile);
  }

  if (!options.skipFormat) await formatFiles(tree);
  logger.info(summarize(result, location.name, existing, commands.validate));
  return result;
}

export async function discoverGenerator(tree: Tree, options: DiscoverGeneratorSchema): Promise<void> {
  await runDiscover(tree, options);
}

function summarize(result: DiscoverResult, planName: string, existing: string | undefined, validate: string): string {
  const lines = [`discover ${planName}:`];
  const verb = isDryRun() ? 'would create' : 'created';
  for (const file of result.created) lines.push(`  ${verb}  ${file}`);
  for (const { file, reason } of result.skipped) lines.push(`  skipped  ${file} (${reason})`);
  lines.push('', 'Next:');
  lines.push(`  1. Give ${PROMPT_FILE} to your LLM and let it write the dependency tree.`);
  if (existing) {
    lines.push(`  2. Compare its answer and ${DRAFT_FILE} with ${path.posix.basename(existing)}; edit ${path.posix.basename(existing)} yourself (nx-plan never overwrites it).`);
  } else {
    lines.push('  2. Replace the draft parallel.json with the reviewed tree.');
  }
  lines.push(`  3. ${validate}`);
  return lines.join('\n');
}

export default discoverGenerator;
