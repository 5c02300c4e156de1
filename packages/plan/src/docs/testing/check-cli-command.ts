/**
 * Test support for the docs test: whether a documented `nx-plan …` command
 * can work in this repository (known command, known options, plan arguments
 * that resolve, checked with the CLI's own parser and plan lookup), and
 * whether it is safe to run for real (read-only, no placeholders, nothing
 * written).
 */
import { graphCommand } from '../../cli/commands/graph-command';
import { nextCommand } from '../../cli/commands/next-command';
import type { ReportCommand } from '../../cli/commands/run-report-command';
import { statusCommand } from '../../cli/commands/status-command';
import { validateCommand } from '../../cli/commands/validate-command';
import { DELEGATED_COMMANDS } from '../../cli/help-text';
import { parseCommandLine } from '../../cli/parse-command-line';
import { openWorkspace, resolvePlanArguments } from '../../cli/workspace-plans';
import type { DocCommand } from './doc-commands';

const READ_ONLY: Record<string, ReportCommand> = {
  validate: validateCommand,
  status: statusCommand,
  next: nextCommand,
  graph: graphCommand,
};

const hasPlaceholder = (word: string) => /<[^>]*>/.test(word) || word.includes('…') || word.includes('...');

export interface CliCommandCheck {
  problems: string[];
  /** The arguments after `nx-plan` (up to a pipe or redirection). */
  args: string[];
  /** The subcommand (undefined for `nx-plan --help` and the like). */
  command?: string;
  safeToRun: boolean;
}

export function checkCliCommand(doc: DocCommand, workspaceRoot: string): CliCommandCheck {
  const words = doc.argv[0] === 'npx' ? doc.argv.slice(1) : doc.argv;
  const end = words.findIndex((w) => w === '|' || /^\d?>/.test(w));
  const args = (end === -1 ? words : words.slice(0, end)).slice(1);
  const problems: string[] = [];
  const [command, ...rest] = args;
  if (command === undefined || command.startsWith('-') || command === 'help') {
    const known = command === undefined || ['--help', '-h', '--version', '-v', 'help'].includes(command);
    if (!known) problems.push(`${command}: not an nx-plan option`);
    return { problems, args, safeToRun: known };
  }
  if ((DELEGATED_COMMANDS as readonly string[]).includes(command)) {
    return { problems, args, command, safeToRun: rest.length === 1 && rest[0] === '--help' };
  }
  const spec = READ_ONLY[command];
  if (!spec) {
    problems.push(`no nx-plan command "${command}"`);
    return { problems, args, command, safeToRun: false };
  }
  if (rest.some((w) => w === '--help' || w === '-h')) return { problems, args, command, safeToRun: true };
  const concrete = rest.filter((w) => !hasPlaceholder(w));
  let plans: string[] = [];
  try {
    const line = parseCommandLine(command, concrete, spec.options, spec.maxPlans);
    plans = line.positionals;
    const format = line.values['format'];
    if (typeof format === 'string' && !['ascii', 'mermaid', 'dot', 'json'].includes(format)) problems.push(`--format=${format} is not a graph format`);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length === 0 && plans.length > 0) {
    try {
      resolvePlanArguments(openWorkspace(workspaceRoot), plans, workspaceRoot);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const writes = rest.some((w) => /^--(outputFile|output-file|output)(=|$)/.test(w));
  return { problems, args, command, safeToRun: problems.length === 0 && concrete.length === rest.length && !writes };
}
