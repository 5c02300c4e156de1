#!/usr/bin/env node
// `npm test`: type-check every package, then run every jest project (unit,
// corpus conformance, property, reliability and e2e tests) in one jest run,
// and finish with a plain "N passed, N failed, N skipped" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extraArgs = process.argv.slice(2);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

let failed = false;
for (const project of ['packages/schema', 'packages/core', 'packages/plan', 'e2e']) {
  const config = join(project, 'tsconfig.spec.json');
  console.log(`typecheck: ${project}`);
  if (run(bin('tsc'), ['--noEmit', '-p', config]) !== 0) failed = true;
}

const resultsFile = join(root, 'tmp', 'jest-results.json');
mkdirSync(dirname(resultsFile), { recursive: true });
const jestStatus = run(bin('jest'), ['--ci', '--json', `--outputFile=${resultsFile}`, ...extraArgs]);
if (jestStatus !== 0) failed = true;

if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
} else {
  console.log('\njest: 0 passed, 1 failed');
}
process.exit(failed ? 1 : 0);
