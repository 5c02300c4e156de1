/**
 * The shape every read-only command shares: parse the command line, open the
 * workspace, resolve the plan arguments, print a report. Nx is never loaded.
 */
import { resolve } from 'node:path';
import type { PlanFolder } from '../../executors/lib/resolve-plan-folders';
import { EXIT_FAILURE, EXIT_OK } from '../cli-usage-error';
import { parseCommandLine, type OptionSpec, type ParsedCommandLine } from '../parse-command-line';
import { openWorkspace, resolvePlanArguments, type CliWorkspace } from '../workspace-plans';

export interface ReportCommand {
  name: string;
  options: OptionSpec;
  maxPlans: number;
  run(folders: PlanFolder[], line: ParsedCommandLine, workspace: CliWorkspace, cwd: string): boolean;
}

export const COMMON_OPTIONS: OptionSpec = {
  strict: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const OUTPUT_FILE_OPTIONS: OptionSpec = {
  outputFile: { type: 'string' },
  'output-file': { type: 'string' },
  output: { type: 'string' },
};

export function runReportCommand(command: ReportCommand, argv: readonly string[], cwd = process.cwd()): number {
  const line = parseCommandLine(command.name, argv, command.options, command.maxPlans);
  const workspace = openWorkspace(cwd);
  const folders = resolvePlanArguments(workspace, line.positionals, cwd);
  return command.run(folders, line, workspace, cwd) ? EXIT_OK : EXIT_FAILURE;
}

/** --strict on the command line, or the plugin's `strict` option in nx.json (as the inferred targets pass it). */
export function strictOf(line: ParsedCommandLine, workspace: CliWorkspace): boolean {
  return line.values['strict'] === true || workspace.strict;
}

/** --outputFile (or --output-file, --output), made absolute from the current folder. */
export function outputFileOf(line: ParsedCommandLine, cwd: string): string | undefined {
  const value = line.values['outputFile'] ?? line.values['output-file'] ?? line.values['output'];
  return typeof value === 'string' && value !== '' ? resolve(cwd, value) : undefined;
}
