/**
 * `nx g @nx-plan/plan:next --plan=<NAME>`: the guided workflow. Prints the
 * plan's state (status table, next available, parallel opportunities, time
 * savings, recommended action) and the menu of next steps, then runs the step
 * given by `--action` or chosen in the terminal. Without a terminal and
 * without `--action` it prints the command for every step, writes nothing and
 * returns: it never waits on input. It never runs `nx` itself: option 3
 * prints the commands that run the wave.
 */
import { formatFiles, joinPathFragments, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import {
  ACHIEVEMENT_ID_PATTERN,
  analyzePlan,
  nmOf,
  renderGraph,
  renderStatus,
  validatePlan,
  type PlanAnalysis,
} from '@nx-plan/core';
import { loadTreePlan, PlanRefusedError, type TreePlan } from '../../utils/load-tree-plan';
import { planCommands, type PlanCommands } from '../../utils/plan-targets';
import { rawStringOption } from '../../utils/raw-option';
import { findPlansInTree, treePlanSource } from '../../utils/tree-plan';
import { batchExecutionGenerator } from '../batch-execution/batch-execution';
import { batchSubplanGenerator } from '../batch-subplan/batch-subplan';
import { exitOnPromptInterrupt, isDryRun, PromptInterrupted } from '../lib/confirm-batch';
import { buildExecutionPrompt } from './lib/execution-prompt';
import { buildFillSubplansPrompt, findSubplansToFill } from './lib/fill-subplans-prompt';
import { answersFix } from '../batch-execution/fix-answer-marker';
import { buildMenu, planRun, renderMenu, type MenuEntry, type RunPlan } from './lib/next-menu';
import { terminalChoiceIO, type ChoiceIO } from './lib/terminal-choice';
import type { NextAction, NextGeneratorSchema } from './schema';

export const PROMPTS_DIR = 'prompts';

export interface NextResult {
  /** The step that ran, or undefined when none did. */
  action?: NextAction;
  created: string[];
  skipped: { file: string; reason: string }[];
  /** Returned by a batch generator (e.g. its plan lock release), to run after Nx flushes the tree. */
  callback?: GeneratorCallback;
}

export interface NextRuntime {
  io?: ChoiceIO;
  /** Colour the status table (default: stdout is a TTY and NO_COLOR is unset). */
  color?: boolean;
  print?: (text: string) => void;
  /** How Ctrl+C at the menu ends the process (default process.exit). */
  exit?: (code: number) => never | void;
}

const ACTIONS: readonly NextAction[] = ['subplans', 'executions', 'prepare', 'run', 'graph', 'prompt', 'fill-subplans', 'status'];

function defaultColor(): boolean {
  return Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env['FORCE_COLOR'] !== '0';
}

/** `--plan`, or the only plan of the workspace. */
function planOption(tree: Tree, plan: string | undefined): string {
  if (plan !== undefined && plan.trim() !== '') return plan;
  const plans = findPlansInTree(tree);
  if (plans.length === 1) return plans[0].dir;
  throw new PlanRefusedError(
    plans.length === 0
      ? 'next: no PLAN_<NAME>.md found in this workspace'
      : `next: this workspace has ${plans.length} plans (${plans.map((p) => p.name).join(', ')}); pass --plan=<NAME>`,
  );
}

export async function runNext(tree: Tree, options: NextGeneratorSchema, runtime: NextRuntime = {}): Promise<NextResult> {
  if (options.action !== undefined && !ACTIONS.includes(options.action)) {
    throw new PlanRefusedError(`next: unknown --action "${options.action}"; use one of ${ACTIONS.join(', ')}`);
  }
  const achievement = rawStringOption('achievement', options.achievement);
  if (achievement !== undefined && !ACHIEVEMENT_ID_PATTERN.test(achievement)) {
    throw new PlanRefusedError(`next: --achievement "${achievement}" is not an achievement id such as 1.2`);
  }
  options = { ...options, achievement };
  const print = runtime.print ?? ((text: string) => logger.info(text));
  const color = runtime.color ?? defaultColor();
  const planned = loadTreePlan(tree, planOption(tree, options.plan), 'next');
  const commands = planCommands(tree, planned.location.name);
  const diagnostics = validatePlan(planned.loaded);
  const analysis = analyzePlan(planned.loaded, { projectName: commands.project, diagnostics });
  const run = planRun(analysis, retryAttemptCheck(tree, planned));
  const menu = buildMenu(analysis, commands, planned.location.name, run);

  print(renderStatus(analysis, { color }));

  let action = options.action;
  if (action === undefined) {
    print(renderMenu(menu));
    const io = runtime.io ?? terminalChoiceIO();
    if (!io.interactive) {
      print('\nNo terminal to ask in: nothing was run or written. Run one of the commands above.');
      return { created: [], skipped: [] };
    }
    try {
      action = await choose(io, menu, print);
    } catch (error) {
      if (!(error instanceof PromptInterrupted)) throw error;
      // Ctrl+C means "stop" (exit 130), not "nothing chosen" (exit 0).
      exitOnPromptInterrupt('next', runtime.exit);
      return { created: [], skipped: [] };
    }
    if (action === undefined) return { created: [], skipped: [] };
  }
  return runAction(tree, action, planned, analysis, run, commands, options, print, color);
}

/** A failed achievement is ready to run again once its latest attempt answers the current FIX (batch-execution marks it). */
function retryAttemptCheck(tree: Tree, planned: TreePlan): (id: string) => boolean {
  const source = treePlanSource(tree, planned.location.dir);
  return (id) => {
    const files = planned.loaded.files.byNm.get(nmOf(id));
    const latest = files?.executions[files.executions.length - 1];
    const fix = files?.fix ? source.read(files.fix) : undefined;
    return latest !== undefined && fix !== undefined && answersFix(source.read(latest.file), fix);
  };
}

async function choose(io: ChoiceIO, menu: readonly MenuEntry[], print: (text: string) => void): Promise<NextAction | undefined> {
  const answer = (await io.ask(`\nChoose 1-${menu.length} (Enter: nothing): `)).trim();
  if (answer === '') {
    print('Nothing chosen; nothing was written.');
    return undefined;
  }
  const entry = menu.find((m) => m.key === answer || m.action === answer);
  if (!entry) {
    print(`"${answer}" is not on the menu; nothing was written.`);
    return undefined;
  }
  return entry.action;
}

async function runAction(
  tree: Tree,
  action: NextAction,
  planned: TreePlan,
  analysis: PlanAnalysis,
  run: RunPlan,
  commands: PlanCommands,
  options: NextGeneratorSchema,
  print: (text: string) => void,
  color: boolean,
): Promise<NextResult> {
  const result: NextResult = { action, created: [], skipped: [] };
  const batchOptions = { plan: planned.location.dir, yes: options.yes, skipFormat: options.skipFormat };
  switch (action) {
    case 'status':
      return result;
    case 'subplans': {
      const callback = await batchSubplanGenerator(tree, batchOptions);
      if (typeof callback === 'function') result.callback = callback;
      return result;
    }
    case 'executions': {
      const callback = await batchExecutionGenerator(tree, batchOptions);
      if (typeof callback === 'function') result.callback = callback;
      return result;
    }
    case 'prepare': {
      const callback = await batchExecutionGenerator(tree, { ...batchOptions, createSubplans: true });
      if (typeof callback === 'function') result.callback = callback;
      return result;
    }
    case 'graph':
      print(renderGraph(analysis, 'ascii', { color }));
      return result;
    case 'run':
      print(describeRun(run, commands, planned.location.name));
      return result;
    case 'prompt':
      writeExecutionPrompt(tree, planned, analysis, commands, options.achievement as string | undefined, result, print);
      break;
    case 'fill-subplans':
      writeFillSubplansPrompt(tree, planned, commands, result, print);
      break;
  }
  if (result.created.length > 0 && !options.skipFormat) await formatFiles(tree);
  return result;
}

function describeRun(run: RunPlan, commands: PlanCommands, planName: string): string {
  const lines: string[] = [];
  if (run.wave.length === 0) {
    lines.push('Nothing is ready to run: every achievement is done, in progress or blocked.');
    lines.push(`See why with: ${commands.status}`);
    return lines.join('\n');
  }
  lines.push(`Run the whole plan with Nx's scheduler (independent achievements at the same time, dependents after):`);
  lines.push(`  ${commands.execute(run.parallel)}`);
  if (run.runnable.length > 0) {
    lines.push('Or only the ready achievements that have an EXECUTION_TASK:');
    lines.push(`  ${commands.runMany(run.runnable, run.runnable.length)}`);
  }
  if (run.retry.length > 0) {
    lines.push(`Failed, waiting for a new attempt that answers the review: ${run.retry.join(', ')}; create it first:`);
    lines.push(`  ${commands.generator('batch-execution', `--achievements=${run.retry.join(',')}`)}`);
  }
  if (run.unprepared.length > 0) {
    lines.push(`Ready but without an EXECUTION_TASK: ${run.unprepared.join(', ')}; their targets fail until you create them:`);
    lines.push(`  ${commands.generator('batch-execution')}`);
  }
  lines.push(`(next prints these commands for plan ${planName} and never runs nx itself)`);
  return lines.join('\n');
}

function writeOnce(tree: Tree, file: string, content: string, result: NextResult, print: (text: string) => void): void {
  const folder = file.slice(0, file.lastIndexOf('/'));
  if (tree.exists(folder) && tree.isFile(folder)) {
    throw new PlanRefusedError(`next: ${folder} is a file, so ${file} cannot be written; rename it (nothing was written)`);
  }
  if (tree.exists(file)) {
    result.skipped.push({ file, reason: 'already exists; delete it to regenerate' });
    print(`skipped  ${file} (already exists; delete it to regenerate)`);
    return;
  }
  tree.write(file, content);
  result.created.push(file);
  print(`${isDryRun() ? 'would create' : 'created'}  ${file}`);
}

function writeExecutionPrompt(
  tree: Tree,
  planned: TreePlan,
  analysis: PlanAnalysis,
  commands: PlanCommands,
  requested: string | undefined,
  result: NextResult,
  print: (text: string) => void,
): void {
  const { loaded, location } = planned;
  const id = requested ?? analysis.nextAvailable[0] ?? analysis.achievements.find((a) => a.ready && a.status === 'failed')?.id;
  if (id === undefined) {
    print(`No achievement is available to start; pass --achievement=<id> to write a prompt for a specific one.`);
    return;
  }
  if (!analysis.achievements.some((a) => a.id === id)) {
    throw new PlanRefusedError(`next: plan ${location.name} has no achievement ${id}; nothing was written`);
  }
  const nm = nmOf(id);
  const collision = analysis.achievements.find((a) => a.id !== id && nmOf(a.id) === nm);
  if (collision) {
    throw new PlanRefusedError(
      `next: achievements ${id} and ${collision.id} share the file name part ${nm}; rename one in the plan before writing prompts (nothing was written)`,
    );
  }
  const source = treePlanSource(tree, location.dir);
  const prompt = buildExecutionPrompt({
    loaded,
    analysis,
    id,
    planDir: location.dir,
    read: (rel) => source.read(rel),
    validateCommand: commands.validate,
    statusCommand: commands.status,
    batchSubplanCommand: commands.generator('batch-subplan', `--achievements=${id}`),
    batchExecutionCommand: commands.generator('batch-execution', `--achievements=${id}`),
  });
  const file = joinPathFragments(location.dir, PROMPTS_DIR, `PROMPT_${location.name}_${nm}.md`);
  writeOnce(tree, file, prompt.text, result, print);
  if (prompt.missing.length > 0) {
    print(`note: ${id} has no ${prompt.missing.join(' and no ')} yet; the prompt tells the agent to create ${prompt.missing.length > 1 ? 'them' : 'it'} first.`);
  }
}

function writeFillSubplansPrompt(
  tree: Tree,
  planned: TreePlan,
  commands: PlanCommands,
  result: NextResult,
  print: (text: string) => void,
): void {
  const { loaded, location } = planned;
  const source = treePlanSource(tree, location.dir);
  const read = (rel: string) => source.read(rel);
  const subplans = findSubplansToFill(loaded, read);
  if (subplans.length === 0) {
    print('Every SUBPLAN is filled in (no placeholder or empty section found); nothing was written.');
    return;
  }
  for (const s of subplans) print(`  ${s.file}: ${s.sections.length} section(s) to fill`);
  const file = joinPathFragments(location.dir, PROMPTS_DIR, `PROMPT_${location.name}_FILL_SUBPLANS.md`);
  writeOnce(tree, file, buildFillSubplansPrompt(loaded, location.dir, subplans, read, commands.validate), result, print);
}

export async function nextGenerator(tree: Tree, options: NextGeneratorSchema): Promise<void | GeneratorCallback> {
  const result = await runNext(tree, options);
  return result.callback;
}

export default nextGenerator;
