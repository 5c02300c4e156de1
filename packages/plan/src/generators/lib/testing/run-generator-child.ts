/**
 * Runs one batch generator the way `nx g` does (FsTree → generator → flush →
 * callback) in a separate node process, for the race test. Usage:
 *   node -r @swc-node/register run-generator-child.ts <workspaceRoot> <generator> <optionsJson> <startAtMs> <holdMs>
 * It waits until startAtMs so that both processes start together, and holds
 * for holdMs between the generator's return and the flush, which is where
 * Nx prints the changes: the window in which an unlocked second run would
 * decide to create the same files.
 */
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { batchExecutionGenerator } from '../../batch-execution/batch-execution';
import { batchSubplanGenerator } from '../../batch-subplan/batch-subplan';

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, Math.max(0, ms)));

async function main(): Promise<void> {
  const [root, generator, optionsJson, startAt, hold] = process.argv.slice(2);
  const options = JSON.parse(optionsJson);
  await sleep(Number(startAt) - Date.now());
  const tree = new FsTree(root, false);
  const runtime = { dryRun: false, lock: { pollMs: 20 } };
  const callback =
    generator === 'batch-execution' ? await batchExecutionGenerator(tree, options, runtime) : await batchSubplanGenerator(tree, options, runtime);
  await sleep(Number(hold));
  flushChanges(root, tree.listChanges());
  if (callback) await callback();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
