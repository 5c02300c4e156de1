/**
 * Runs batch-subplan the way `nx g` does (FsTree → generator → flush →
 * callback) in its own process, asking for confirmation on this process's
 * stdin exactly as on a terminal (the test's pipes stand in for one), for the
 * Ctrl+C tests. Usage:
 *   node -r @swc-node/register run-prompt-child.ts <workspaceRoot> <optionsJson>
 */
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { batchSubplanGenerator } from '../../batch-subplan/batch-subplan';
import { askOnTerminal, type ConfirmIo } from '../confirm-batch';

async function main(): Promise<void> {
  const [root, optionsJson] = process.argv.slice(2);
  const tree = new FsTree(root, false);
  const io: ConfirmIo = { stdinIsTTY: true, stdoutIsTTY: true, interactive: true, ask: (question) => askOnTerminal(question) };
  const callback = await batchSubplanGenerator(tree, JSON.parse(optionsJson), { dryRun: false, io });
  flushChanges(root, tree.listChanges());
  if (callback) await callback();
}

// Like `nx g` (nx/src/command-line/generate/command-object.js), end with
// process.exit: stdin stays open after the question, as on a terminal.
main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
