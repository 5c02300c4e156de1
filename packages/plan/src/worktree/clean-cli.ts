/**
 * `nx-plan clean [plan…] [--dryRun] [--json]`: remove the worktrees and
 * branches of achievement runs whose work is merged (see clean.ts).
 */
import { parseCommandLine } from '../cli/parse-command-line';
import { openWorkspace, resolvePlanArguments, workspacePlans } from '../cli/workspace-plans';
import { cleanWorktrees } from './clean';

export const CLEAN_HELP = `Usage: nx-plan clean [plan…] [--dryRun] [--json]

Removes the git worktrees (.nx-plan/worktrees/…) and nx-plan/<plan>/<NM>
branches of achievement runs whose work is merged into the checked-out branch
(complete achievements, or branches with nothing left to merge). A branch
holding unmerged commits is kept and listed; nothing is forced or reset.

Options:
  --dryRun   list what would be removed, remove nothing
  --json     print the result as JSON
`;

export async function main(argv: string[]): Promise<number> {
  // A bad command line throws CliUsageError, which `nx-plan` reports like every command's (exit 2).
  const parsed = parseCommandLine(
    'clean',
    argv,
    { dryRun: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    Number.POSITIVE_INFINITY
  );
  if (parsed.values.help) {
    process.stdout.write(CLEAN_HELP);
    return 0;
  }
  try {
    const cwd = process.cwd();
    const workspace = openWorkspace(cwd);
    const all = workspacePlans(workspace);
    const chosen = parsed.positionals.length > 0 ? resolvePlanArguments(workspace, parsed.positionals, cwd) : all;
    const names = new Map(all.map((p) => [p.abs, p.name] as const));
    const plans = chosen.map((p) => ({ abs: p.abs, name: names.get(p.abs) ?? p.rel.split('/').pop()! }));
    const result = await cleanWorktrees(workspace.root, plans, { dryRun: Boolean(parsed.values.dryRun || parsed.values['dry-run']) });
    if (parsed.values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else if (result.notGit) {
      process.stdout.write('Not a git repository with a commit: there are no worktrees to clean.\n');
    } else if (result.items.length === 0) {
      process.stdout.write('No nx-plan worktrees or branches.\n');
    } else {
      for (const item of result.items) {
        const what = [item.branch, item.worktree ? `(${item.worktree})` : ''].filter(Boolean).join(' ');
        process.stdout.write(`${item.action.padEnd(12)} ${what}: ${item.reason}\n`);
      }
    }
    return 0;
  } catch (error) {
    process.stderr.write(`nx-plan clean: ${(error as Error).message}\n`);
    return 1;
  }
}
