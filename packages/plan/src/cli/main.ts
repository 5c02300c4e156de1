/**
 * `nx-plan`: the command-line entry (packages/plan/bin/nx-plan.js calls
 * `main`). The read-only commands (validate, status, next, graph) answer
 * from the plan files with the same reports as the executors and never load
 * Nx; run-achievement, mcp and clean live in their own modules, loaded only
 * when called. Returns the exit code; never throws.
 */
import { NxJsonError } from '../config/read-plugin-options';
import { UsageError } from '../executors/lib/usage-error';
import { taskLogger } from '../executors/lib/task-logger';
import { endQuietlyOnBrokenPipe } from './broken-pipe';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './cli-usage-error';
import { closest } from './parse-command-line';
import { COMMAND_HELP, DELEGATED_COMMANDS, GLOBAL_HELP, READ_ONLY_COMMANDS, type DelegatedCommand, type ReadOnlyCommand } from './help-text';
import { packageVersion } from './version';
import type { ReportCommand } from './commands/run-report-command';

type SubcommandModule = { main(argv: string[]): Promise<number> };

/** Lazy: each subcommand module is required only when it runs. */
const DELEGATED: Record<DelegatedCommand, () => SubcommandModule> = {
  'run-achievement': () => require('../run/cli') as SubcommandModule,
  mcp: () => require('../mcp/cli') as SubcommandModule,
  clean: () => require('../worktree/clean-cli') as SubcommandModule,
};

const READ_ONLY: Record<ReadOnlyCommand, () => ReportCommand> = {
  validate: () => (require('./commands/validate-command') as typeof import('./commands/validate-command')).validateCommand,
  status: () => (require('./commands/status-command') as typeof import('./commands/status-command')).statusCommand,
  next: () => (require('./commands/next-command') as typeof import('./commands/next-command')).nextCommand,
  graph: () => (require('./commands/graph-command') as typeof import('./commands/graph-command')).graphCommand,
};

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

export async function main(argv: string[], cwd: string = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || isHelp(command) || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      if (topic !== undefined && (READ_ONLY_COMMANDS as readonly string[]).includes(topic)) {
        process.stdout.write(COMMAND_HELP[topic as ReadOnlyCommand]);
        return EXIT_OK;
      }
      // No command at all is a usage error: the help goes to stderr.
      (command === undefined ? process.stderr : process.stdout).write(GLOBAL_HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      process.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    if ((DELEGATED_COMMANDS as readonly string[]).includes(command)) {
      return await DELEGATED[command as DelegatedCommand]().main(rest);
    }
    if ((READ_ONLY_COMMANDS as readonly string[]).includes(command)) {
      const name = command as ReadOnlyCommand;
      // Help wins over everything else on the line (even an unknown option), but not after `--`.
      const end = rest.indexOf('--');
      if ((end === -1 ? rest : rest.slice(0, end)).some(isHelp)) {
        process.stdout.write(COMMAND_HELP[name]);
        return EXIT_OK;
      }
      endQuietlyOnBrokenPipe();
      const { runReportCommand } = require('./commands/run-report-command') as typeof import('./commands/run-report-command');
      return runReportCommand(READ_ONLY[name](), rest, cwd);
    }
    throw new CliUsageError(unknownCommand(command));
  } catch (error) {
    return reportError(error);
  }
}

function unknownCommand(command: string): string {
  if (command.startsWith('-')) return `unknown option ${command}; options go after a command (nx-plan <command> ${command})`;
  const suggestion = closest(command, [...READ_ONLY_COMMANDS, ...DELEGATED_COMMANDS]);
  return `unknown command "${command}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
}

function reportError(error: unknown): number {
  if (error instanceof CliUsageError) {
    taskLogger.error(`error: ${error.message}`);
    process.stderr.write(`Run nx-plan ${error.command ? `${error.command} ` : ''}--help for usage.\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  taskLogger.error(`error: ${message.split('\n')[0]}`);
  if (!(error instanceof UsageError) && !(error instanceof NxJsonError) && process.env['NX_PLAN_VERBOSE'] === 'true' && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  return EXIT_FAILURE;
}
