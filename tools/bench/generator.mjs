#!/usr/bin/env node
// generator.mjs — SPEC §8: `nx g @nx-plan/plan:batch-subplan` creating 1,000
// SUBPLANs takes at most 2× a no-op `nx g` of the same generator.
//
//   node tools/bench/generator.mjs [--n 1000] [--runs 3] [--json FILE] [--keep]
//
// Writes a generated layered plan of --n achievements under
// tmp/bench-plans/<NAME> in this repository (tmp/ is gitignored, so Nx's
// project inference does not see it; the generator is pointed at the folder
// with --plan=tmp/bench-plans/<NAME>) and times, --runs times each, alternating:
//   no-op:  nx g …:batch-subplan --plan=<dir> --achievements=<first id> --dryRun
//           (the first id already has a SUBPLAN: the full plan is loaded,
//           validated and analysed, and nothing is written)
//   batch:  nx g …:batch-subplan --plan=<dir> --all --yes
//           (creates the other n-1 SUBPLANs; they are deleted after each run)
// and reports the medians and their ratio. Also times a no-op on a
// 1-achievement plan, which is Nx's own start-up plus the plugin. Deletes
// everything it wrote unless --keep. Exits non-zero when the ratio exceeds 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlan } from './generate-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET_RATIO = 2;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const n = Number(option('n', '1000'));
const runs = Number(option('runs', '3'));
const jsonFile = option('json', undefined);
const keep = process.argv.includes('--keep');

const benchRoot = path.join(root, 'tmp', 'bench-plans');
const name = `BENCH-GEN-${n}`;
const tinyName = 'BENCH-GEN-1';
const planDir = path.join(benchRoot, name);
const tinyDir = path.join(benchRoot, tinyName);
const rel = (dir) => path.relative(root, dir).split(path.sep).join('/');
const subplansDir = (dir) => path.join(dir, 'subplans');

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', FORCE_COLOR: '0' };
delete env.NX_DRY_RUN;

function nx(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync('npx', ['nx', 'g', '@nx-plan/plan:batch-subplan', ...args], { cwd: root, env, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`nx g ${args.join(' ')} exited with ${result.status}`);
  }
  return { seconds, stdout: result.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const countFiles = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0);

function firstIdOf(dir) {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'parallel.json'), 'utf-8'));
  return json.achievements[0].achievement_id;
}

function cleanup() {
  fs.rmSync(planDir, { recursive: true, force: true });
  fs.rmSync(tinyDir, { recursive: true, force: true });
}

cleanup();
writePlan({ out: benchRoot, name, n, shape: 'layered', width: 100 });
writePlan({ out: benchRoot, name: tinyName, n: 1, shape: 'chain' });
const firstId = firstIdOf(planDir);
const tinyId = firstIdOf(tinyDir);

try {
  // One SUBPLAN exists in each plan, so the no-op runs select it and skip it.
  nx([`--plan=${rel(planDir)}`, `--achievements=${firstId}`, '--yes']);
  nx([`--plan=${rel(tinyDir)}`, `--achievements=${tinyId}`, '--yes']);
  const keepOnly = fs.readdirSync(subplansDir(planDir));

  const noop = [];
  const tiny = [];
  const batch = [];
  for (let i = 0; i < runs; i++) {
    const quiet = nx([`--plan=${rel(planDir)}`, `--achievements=${firstId}`, '--dryRun']);
    if (!/\(dry run: nothing is written\)\ncreated \(0\)/.test(quiet.stdout)) throw new Error('the no-op run was expected to create nothing');
    noop.push(quiet.seconds);
    tiny.push(nx([`--plan=${rel(tinyDir)}`, `--achievements=${tinyId}`, '--dryRun']).seconds);

    const full = nx([`--plan=${rel(planDir)}`, '--all', '--yes']);
    const created = countFiles(subplansDir(planDir));
    if (created !== n) throw new Error(`expected ${n} SUBPLANs after the batch, found ${created}`);
    batch.push(full.seconds);
    for (const file of fs.readdirSync(subplansDir(planDir))) if (!keepOnly.includes(file)) fs.rmSync(path.join(subplansDir(planDir), file));
  }

  const result = {
    n,
    runs,
    noopSeconds: median(noop),
    tinyNoopSeconds: median(tiny),
    batchSeconds: median(batch),
    ratio: median(batch) / median(noop),
    samples: { noop, tiny, batch },
    target: TARGET_RATIO,
  };
  const f = (s) => `${s.toFixed(2)} s`;
  console.log(`batch-subplan of ${n - 1} SUBPLANs (plan of ${n}) via nx g, median of ${runs}:`);
  console.log(`  no-op nx g, same plan (--dryRun, selection already done): ${f(result.noopSeconds)}   samples ${noop.map(f).join(', ')}`);
  console.log(`  no-op nx g, 1-achievement plan:                          ${f(result.tinyNoopSeconds)}   samples ${tiny.map(f).join(', ')}`);
  console.log(`  batch nx g --all --yes (writes ${n - 1} files):             ${f(result.batchSeconds)}   samples ${batch.map(f).join(', ')}`);
  console.log(`  ratio batch / no-op: ${result.ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${result.ratio <= TARGET_RATIO ? 'OK' : 'MISSED'}`);
  if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.ratio <= TARGET_RATIO ? 0 : 1;
} finally {
  if (!keep) cleanup();
}
