/**
 * Keeps machine-readable documents intact through `nx run`. Nx 23.2.1 streams
 * the output of a forked executor whose stdout is not a terminal (a file or a
 * pipe) through a line transformer that ends every 64 KiB chunk it reads with
 * a newline, even in the middle of a line, and drops empty lines
 * (addPrefixTransformer in nx/src/tasks-runner/running-tasks/output-prefix;
 * docs/performance.md § The plugin at scale): a `--format=json` document
 * larger than 64 KiB piped to `jq` gets newlines inside its strings.
 *
 * Nx runs a plugin's `preTasksExecution` before any task and copies the
 * environment variables it sets into its own process. When the command asks
 * one of the plan targets (validate/status/graph, by their configured names)
 * for a document (`--format=json|mermaid|dot`), the hook sets
 * NX_STREAM_OUTPUT=false: Nx then collects the task's output and prints it
 * whole when the task ends, unchanged — as it already does for `nx run-many`
 * and `nx affected`. A value the user set for NX_STREAM_OUTPUT is left alone.
 */
import type { NormalizedPlanPluginOptions } from '../plan-nodes';

const DOCUMENT_FORMATS = new Set(['json', 'mermaid', 'dot']);

type TargetNames = Pick<NormalizedPlanPluginOptions, 'validateTargetName' | 'statusTargetName' | 'graphTargetName'>;

/** The environment variables to set before Nx runs the tasks of this command line ({} for none). */
export function documentOutputEnv(argv: readonly string[], targets: TargetNames, env: NodeJS.ProcessEnv): Record<string, string> {
  if (env['NX_STREAM_OUTPUT'] !== undefined) return {};
  if (!asksForDocument(argv) || !namesPlanTarget(argv, targets)) return {};
  return { NX_STREAM_OUTPUT: 'false' };
}

/** `--format=json`, `--format json` (also mermaid and dot). */
export function asksForDocument(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format' && DOCUMENT_FORMATS.has(argv[i + 1] ?? '')) return true;
    if (arg.startsWith('--format=') && DOCUMENT_FORMATS.has(arg.slice('--format='.length))) return true;
  }
  return false;
}

/**
 * Whether a word of the command line names a plan target: `plan:status`,
 * `run-many -t validate,status`, `nx graph plan-x` is not (that is Nx's own
 * graph command, but it runs no task either).
 */
export function namesPlanTarget(argv: readonly string[], targets: TargetNames): boolean {
  const names = new Set([targets.validateTargetName, targets.statusTargetName, targets.graphTargetName]);
  for (const arg of argv) {
    const value = arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    for (const part of value.split(/[:,]/)) {
      if (names.has(part)) return true;
    }
  }
  return false;
}
