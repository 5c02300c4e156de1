/** The `--help` texts of `nx-plan` and of each read-only command. */

export const READ_ONLY_COMMANDS = ['validate', 'status', 'next', 'graph'] as const;
export type ReadOnlyCommand = (typeof READ_ONLY_COMMANDS)[number];

/** Subcommands implemented by other modules, loaded only when called. */
export const DELEGATED_COMMANDS = ['run-achievement', 'mcp', 'clean'] as const;
export type DelegatedCommand = (typeof DELEGATED_COMMANDS)[number];

const PLAN_ARGUMENT = `A plan is a plan folder, a plan NAME (as in PLAN_<NAME>.md) or its Nx project
name (plan-<name>). Plans are found with the @nx-plan/plan options of nx.json
(plansGlob, include, exclude); the workspace is the nearest folder with nx.json.`;

const EXIT_CODES = 'Exit codes: 0 success, 1 failure (see above), 2 bad command line.';

export const GLOBAL_HELP = `nx-plan — answers about nx-plan plans without starting Nx

Usage: nx-plan <command> [options]

Commands:
  validate [plan…]   Check parallel.json, dependencies, cycles, file names and
                     PLAN consistency (same report as nx run plan:validate)
  status [plan…]     Achievements with derived status, next available work,
                     time savings and the recommended action
  next [plan…]       What can start now and the recommended next step
  graph [plan]       The dependency graph: ascii, mermaid, dot or json

  run-achievement    Run one achievement's agent (called by the achievement-<id> targets)
  mcp                Serve the plans to an AI assistant over MCP (stdio)
  clean              Remove worktrees and branches left by achievement runs

Options:
  -h, --help         Show help; nx-plan <command> --help shows a command's options
  -v, --version      Print the version of @nx-plan/plan

${PLAN_ARGUMENT}
Without a plan argument a command works on every plan of the workspace.

${EXIT_CODES}
`;

export const COMMAND_HELP: Record<ReadOnlyCommand, string> = {
  validate: `Usage: nx-plan validate [plan…] [options]

Validates each plan: parallel.json against the schema, dependencies, cycles,
<NM> file-name collisions, PLAN ↔ parallel.json consistency. Every problem is
printed as file:line:col  severity  CODE  message, with a hint.

Options:
  --strict             The published schema exactly; warnings fail too
  --json               Print the validate document (JSON) instead of the report
  --outputFile <file>  Also write the report (or the document) to this file
  -h, --help           Show this help

${PLAN_ARGUMENT}

Exit codes: 0 valid, 1 errors (or warnings with --strict), 2 bad command line.
`,
  status: `Usage: nx-plan status [plan…] [options]

Per plan: the table of achievements with their status read from the plan
folder's files, next available work, parallel opportunities, time savings,
critical path and the recommended action with its command.

Options:
  --json               Print the status document (docs/status-json.md)
  --strict             Validate with the published schema exactly
  --outputFile <file>  Also write the table (or the document) to this file
  -h, --help           Show this help

${PLAN_ARGUMENT}

Exit codes: 0 success, 1 a plan could not be read, 2 bad command line.
`,
  next: `Usage: nx-plan next [plan…] [options]

What can start now in each plan (ready achievements not started yet), what
can run side by side, and the recommended action with its exact command.

Options:
  --json               Print the next document (docs/cli.md) instead of text
  --strict             Validate with the published schema exactly
  -h, --help           Show this help

${PLAN_ARGUMENT}

Exit codes: 0 success, 1 a plan could not be read, 2 bad command line.
`,
  graph: `Usage: nx-plan graph [plan] [options]

The achievement dependency graph. Without a plan, every plan of the workspace
(the json format then gives { version, plans: [...] }).

Options:
  --format <format>    ascii (default), mermaid, dot or json
  --json               Same as --format=json
  --outputFile <file>  Write the document to this file instead of stdout
  --strict             Validate with the published schema exactly
  -h, --help           Show this help

${PLAN_ARGUMENT}

Exit codes: 0 success, 1 a plan could not be read or mermaid of several
plans, 2 bad command line.
`,
};
