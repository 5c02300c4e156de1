#!/usr/bin/env node
// overlaps.mjs — cost of conflict foresight (PLAN036, fileOverlaps): plans whose
// PLAN detail sections name files, 1k … 100k achievements in layers of 100.
//
//   node tools/bench/overlaps.mjs [--sizes 1000,10000,100000] [--json FILE]
//
// Each achievement's `**Goal**:` names its own file, one of 20 files shared by
// its layer and, for one in fifty, package.json: so every layer has real
// overlaps (pairs and, for the shared files and package.json, groups).
// Every case runs in a fresh Node process loading the TypeScript source
// through @swc-node/register; timed: loadPlanFolder + validatePlan +
// analyzePlan (best of 3 after one warm-up), and the overlap part alone
// (namedPathsById on a fresh load + planFileOverlaps).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const self = fileURLToPath(import.meta.url);
const WIDTH = 100;

function option(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? fallback : process.argv[k + 1];
}

const idOf = (layer, index) => `${layer + 1}.${String(index + 1).padStart(3, '0')}`;

/** Writes the plan folder once; returns it. */
function writePlan(n) {
  const name = `BENCH-OVERLAPS-${n}`;
  const dir = path.join(root, 'tmp', 'bench', 'overlaps', name);
  if (fs.existsSync(path.join(dir, 'parallel.json'))) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const index = [`# PLAN: ${name}`, '', '## Achievement Index', ''];
  const details = ['', '## Achievements', ''];
  const entries = [];
  for (let i = 0; i < n; i++) {
    const layer = Math.floor(i / WIDTH);
    const k = i % WIDTH;
    const id = idOf(layer, k);
    index.push(`**Achievement ${id}**: Module ${id} (2-3h)`);
    const files = [`\`src/layer-${layer}/module-${k}.ts\``, `src/layer-${layer}/shared-${k % 20}.ts`];
    if (i % 50 === 0) files.push('package.json');
    details.push(`### Achievement ${id}: Module ${id}`, '', `**Goal**: write ${files.join(', ')} and its tests.`, '');
    const deps = layer === 0 ? [] : [idOf(layer - 1, k), idOf(layer - 1, (k + 1) % WIDTH)];
    entries.push(`    { "achievement_id": "${id}", "title": "Module ${id}", "estimated_hours": "2-3", "dependencies": [${deps.map((d) => `"${d}"`).join(', ')}] }`);
  }
  fs.writeFileSync(path.join(dir, `PLAN_${name}.md`), [...index, ...details].join('\n'));
  fs.writeFileSync(
    path.join(dir, 'parallel.json'),
    `{\n  "plan_name": "${name}",\n  "parallelization_level": "level_3",\n  "achievements": [\n${entries.join(',\n')}\n  ]\n}\n`,
  );
  return dir;
}

/** Child mode: time one case and print one JSON line. */
function runCase(dir) {
  process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.base.json');
  const require = createRequire(import.meta.url);
  require('@swc-node/register');
  const core = require(path.join(root, 'packages/core/src/index.ts'));
  const best = { total: Infinity, overlaps: Infinity };
  let summary;
  for (let r = 0; r < 4; r++) {
    const t0 = performance.now();
    const plan = core.loadPlanFolder(dir);
    const diagnostics = core.validatePlan(plan);
    const analysis = core.analyzePlan(plan, { diagnostics });
    const t1 = performance.now();
    // The overlap part alone, on a fresh load (its path cache is per loaded plan).
    const fresh = core.loadPlanFolder(dir);
    const graph = core.buildDependencyGraph(fresh.achievements);
    const levels = core.computeLevels(graph);
    const t2 = performance.now();
    core.planFileOverlaps(fresh, graph, levels, () => true);
    const t3 = performance.now();
    if (r === 0) continue;
    best.total = Math.min(best.total, t1 - t0);
    best.overlaps = Math.min(best.overlaps, t3 - t2);
    let mentions = 0;
    for (const paths of core.namedPathsById(plan).values()) mentions += paths.length;
    summary = {
      achievements: analysis.achievements.length,
      mentions,
      overlaps: analysis.fileOverlaps.length,
      pairs: analysis.fileOverlaps.filter((o) => o.ids.length === 2).length,
      groups: analysis.fileOverlaps.filter((o) => o.ids.length > 2).length,
      warnings: diagnostics.filter((d) => d.code === 'PLAN036').length,
    };
  }
  process.stdout.write(`${JSON.stringify({ ...summary, totalMs: best.total, overlapsMs: best.overlaps })}\n`);
}

function main() {
  const sizes = option('sizes', '1000,10000,100000').split(',').map(Number);
  const rows = [];
  console.log(`overlaps bench — Node ${process.version}, ${process.platform}/${process.arch}, layers of ${WIDTH}`);
  console.log('        n  mentions  overlaps (pairs + groups)  PLAN036  load+validate+analyze ms  overlap part ms');
  for (const n of sizes) {
    const dir = writePlan(n);
    const child = spawnSync(process.execPath, ['--max-old-space-size=8192', self, '--case', dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const row = { n, ...JSON.parse(child.stdout.trim().split('\n').pop()) };
    rows.push(row);
    console.log(
      `${String(n).padStart(9)}  ${String(row.mentions).padStart(8)}  ${`${row.overlaps} (${row.pairs} + ${row.groups})`.padStart(25)}  ${String(row.warnings).padStart(7)}  ${row.totalMs.toFixed(0).padStart(24)}  ${row.overlapsMs.toFixed(1).padStart(15)}`,
    );
  }
  const jsonFile = option('json', undefined);
  if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify(rows, null, 2)}\n`);
}

if (process.argv.includes('--case')) runCase(option('case'));
else main();
