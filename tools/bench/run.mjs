#!/usr/bin/env node
// `npm run bench`: runs every benchmark of tools/bench in turn (each is a
// standalone script; add new ones to BENCHES) and exits non-zero when one of
// them misses its target or fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES = ['engine.mjs', 'generator.mjs', 'orchestration.mjs', 'mcp.mjs', 'cli.mjs', 'wave-setup.mjs', 'inference.mjs', 'inference-giant.mjs', 'python-baseline.mjs'];

let failed = false;
for (const bench of BENCHES) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, [path.join(here, bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
