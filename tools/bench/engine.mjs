#!/usr/bin/env node
// engine.mjs — SPEC §8 engine benchmark: loadPlanFolder + validatePlan +
// analyzePlan on generated plans (1k … 1M achievements, layered and chain),
// compared with a bare JSON.parse of the same parallel.json.
//
//   node tools/bench/engine.mjs [--sizes 1000,10000] [--shapes layered,chain] [--json FILE]
//
// Every case runs in its own Node process (fresh heap), with the engine's
// TypeScript source loaded through @swc-node/register. Plans are generated
// once into tmp/bench/plans and reused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlan } from './generate-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const self = fileURLToPath(import.meta.url);
const TARGET_100K_MS = 1000;
const TARGET_SCALING = 12;
const TARGET_RATIO = 3;

function option(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? fallback : process.argv[k + 1];
}

/** Child mode: time one case and print one JSON line. */
function runCase(dir, repeats) {
  process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.base.json');
  const require = createRequire(import.meta.url);
  require('@swc-node/register');
  const core = require(path.join(root, 'packages/core/src/index.ts'));
  const text = fs.readFileSync(path.join(dir, 'parallel.json'), 'utf8');

  const best = { total: Infinity, load: 0, validate: 0, analyze: 0, parse: Infinity, checkGraph: Infinity, checkConsistency: Infinity };
  let summary;
  // Warm-up runs (not timed) so that small plans measure optimised code, not the JIT.
  const warmups = repeats > 1 ? Math.max(1, Math.min(20, Math.round(200_000 / Math.max(1, text.length / 100)))) : 0;
  for (let r = 0; r < warmups + repeats; r++) {
    const t0 = performance.now();
    const plan = core.loadPlanFolder(dir);
    const t1 = performance.now();
    const diagnostics = core.validatePlan(plan);
    const t2 = performance.now();
    const analysis = core.analyzePlan(plan, { diagnostics });
    const t3 = performance.now();
    if (r < warmups) continue;
    if (t3 - t0 < best.total) Object.assign(best, { total: t3 - t0, load: t1 - t0, validate: t2 - t1, analyze: t3 - t2 });
    // The two halves of validatePlan, timed apart for the breakdown (not part of the total).
    const t4 = performance.now();
    core.checkGraph(plan);
    const t5 = performance.now();
    core.checkConsistency(plan);
    const t6 = performance.now();
    best.checkGraph = Math.min(best.checkGraph, t5 - t4);
    best.checkConsistency = Math.min(best.checkConsistency, t6 - t5);
    summary = {
      achievements: analysis.achievements.length,
      waves: analysis.waves.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      firstProblem: diagnostics.find((d) => d.severity !== 'info')?.message,
      criticalPath: analysis.criticalPath.ids.length,
    };
  }
  for (let r = 0; r < warmups + repeats; r++) {
    const t0 = performance.now();
    JSON.parse(text);
    if (r >= warmups) best.parse = Math.min(best.parse, performance.now() - t0);
  }
  process.stdout.write(JSON.stringify({ ...best, ...summary, bytes: Buffer.byteLength(text) }) + '\n');
}

function planDir(n, shape) {
  const name = `BENCH-${shape.toUpperCase()}-${n}`;
  const out = path.join(root, 'tmp', 'bench', 'plans', `v1-${shape}-${n}`);
  const dir = path.join(out, name);
  if (!fs.existsSync(path.join(dir, 'parallel.json'))) {
    fs.rmSync(out, { recursive: true, force: true });
    writePlan({ out, name, n, shape, width: 100, fan: 2, seed: 42 });
  }
  return dir;
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const pad = (s, w) => String(s).padStart(w);

function main() {
  const sizes = option('sizes', '1000,10000,100000,1000000').split(',').map(Number);
  const shapes = option('shapes', 'layered,chain').split(',');
  const results = [];
  console.log(`engine bench — Node ${process.version}, ${process.platform}/${process.arch}`);
  console.log('case times in ms: load+validate+analyze (best of 3 after warm-up up to 100k, 1 cold run for 1M) vs JSON.parse of the same parallel.json\n');
  console.log(`${pad('n', 9)}  ${'shape'.padEnd(8)}  ${pad('load', 8)}  ${pad('validate', 8)}  ${pad('analyze', 8)}  ${pad('total ms', 9)}  ${pad('JSON.parse', 10)}  ${pad('ratio', 6)}  notes`);
  for (const shape of shapes) {
    for (const n of sizes) {
      const dir = planDir(n, shape);
      const repeats = n > 100_000 ? 1 : 3;
      const child = spawnSync(process.execPath, ['--max-old-space-size=8192', self, '--case', dir, '--repeats', String(repeats)], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      const line = child.stdout.trim().split('\n').pop();
      if (child.status !== 0 || !line) {
        console.log(`${pad(n, 9)}  ${shape.padEnd(8)}  FAILED: ${(child.stderr || '').trim().split('\n').slice(0, 5).join(' | ')}`);
        results.push({ n, shape, failed: true });
        continue;
      }
      const r = { n, shape, ...JSON.parse(line) };
      results.push(r);
      const ratio = r.total / r.parse;
      const notes = [
        `${r.waves} waves`,
        r.errors || r.warnings ? `${r.errors} errors, ${r.warnings} warnings (${r.firstProblem})` : 'valid',
        `validate = checkGraph ${fmt(r.checkGraph)} + checkConsistency ${fmt(r.checkConsistency)}`,
      ].join(', ');
      console.log(
        `${pad(n, 9)}  ${shape.padEnd(8)}  ${pad(fmt(r.load), 8)}  ${pad(fmt(r.validate), 8)}  ${pad(fmt(r.analyze), 8)}  ${pad(fmt(r.total), 9)}  ${pad(fmt(r.parse), 10)}  ${pad(ratio.toFixed(1) + '×', 6)}  ${notes}`,
      );
    }
  }

  console.log('');
  let pass = true;
  const verdict = (ok, text) => {
    if (!ok) pass = false;
    console.log(`${ok ? 'PASS' : 'MISS'}  ${text}`);
  };
  for (const shape of shapes) {
    const at = (n) => results.find((r) => r.n === n && r.shape === shape && !r.failed);
    const k10 = at(10_000);
    const k100 = at(100_000);
    if (k100) verdict(k100.total < TARGET_100K_MS, `${shape}: 100k in ${fmt(k100.total)} ms (target < ${TARGET_100K_MS} ms)`);
    if (k10 && k100) {
      const scaling = k100.total / k10.total;
      verdict(scaling <= TARGET_SCALING, `${shape}: 10k → 100k scaling ${scaling.toFixed(1)}× (target ≤ ${TARGET_SCALING}×)`);
    }
    for (const r of results.filter((x) => x.shape === shape && !x.failed)) {
      verdict(r.total <= TARGET_RATIO * r.parse, `${shape}: ${r.n} load+validate+analyze ${(r.total / r.parse).toFixed(1)}× JSON.parse (target ≤ ${TARGET_RATIO}×)`);
    }
    for (const r of results.filter((x) => x.shape === shape && x.failed)) verdict(false, `${shape}: ${r.n} failed to run`);
  }
  const jsonFile = option('json', undefined);
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify({ node: process.version, results }, null, 2) + '\n');
  return pass;
}

if (process.argv.includes('--case')) {
  runCase(option('case'), Number(option('repeats', '1')));
} else {
  const pass = main();
  process.exitCode = pass ? 0 : 1;
}
