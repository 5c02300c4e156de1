#!/usr/bin/env node
// inference.mjs — issue 11 item 1: the cost of the plugin's inference on every
// `nx` command, with a cold and a warm inference cache.
//
//   node tools/bench/inference.mjs [--plans 200] [--n 50] [--finished 0] [--files 0] [--runs 5] [--dist DIR] [--json FILE] [--keep]
//
// Two throw-away workspaces with the plugin from `<DIST>/packages/*` (default
// this repository's dist/; pass the dist of another build to measure "before"):
//   - "no plans": the plugin registered, no plan;
//   - "plans": the same plus --plans generated plans of --n achievements.
// Each round runs, as whole processes with NX_DAEMON=false and
// NX_PERF_LOGGING=true: `nx show projects` in "no plans", in "plans" after
// deleting the inference cache (cold), and in "plans" again (warm). Reports the
// medians of the wall time, of `@nx-plan/plan:createNodes` and of
// `createNodes:merge`, and the goal: warm − no plans ≤ 0.15 s.
// --finished F (0–1): that share of the plans is finished (an APPROVED file for
// every achievement), as in a workspace that has used the method for a while;
// a finished plan gets no achievement targets.
// --files N: N unrelated source files in both workspaces (a monorepo's code):
// the plugin's cache key must not grow with them (Nx's per-folder hash did).
// NX_PLAN_DEBUG_CACHE=1 makes the plugin print its hit/miss counts, checked here.
import fs from 'node:fs';
import path from 'node:path';
import {
  addPlans,
  createBenchWorkspace,
  flag,
  fmt,
  loadAverage,
  median,
  option,
  removeInferenceCache,
  repoRoot,
  runNx,
} from './inference-workspace.mjs';

const plans = Number(option('plans', '200'));
const n = Number(option('n', '50'));
const runs = Number(option('runs', '5'));
const finishedShare = Number(option('finished', '0'));
const sourceFiles = Number(option('files', '0'));
const dist = path.resolve(option('dist', path.join(repoRoot, 'dist')));
const GOAL_MS = 150;

const empty = createBenchWorkspace({ prefix: 'nx-plan-inference-none-', dist });
const full = createBenchWorkspace({ prefix: 'nx-plan-inference-plans-', dist });
const planDirs = addPlans(
  full,
  Array.from({ length: plans }, (_, i) => ({ name: `P${String(i + 1).padStart(3, '0')}`, n, width: 10, seed: i + 1 })),
);
for (const ws of [empty, full]) addSourceFiles(ws, sourceFiles);
const finished = Math.round(finishedShare * plans);
for (const dir of planDirs.slice(0, finished)) approveEveryAchievement(dir);
console.log(`plugin from ${dist}`);
console.log(
  `workspaces: ${empty} (no plans), ${full} (${plans} plans × ${n} achievements, ${finished} of them finished)` +
    (sourceFiles > 0 ? `, both with ${sourceFiles} source files` : ''),
);

/** `count` small files under src/, 300 to a folder. */
function addSourceFiles(ws, count) {
  for (let i = 0; i < count; i++) {
    const dir = path.join(ws, 'src', `m${Math.floor(i / 300)}`);
    if (i % 300 === 0) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `f${i}.ts`), `export const v${i} = ${i};\n`);
  }
}

/** An APPROVED_<NM>.md for every achievement of the plan's parallel.json. */
function approveEveryAchievement(dir) {
  const feedbacks = path.join(dir, 'execution', 'feedbacks');
  fs.mkdirSync(feedbacks, { recursive: true });
  const { achievements } = JSON.parse(fs.readFileSync(path.join(dir, 'parallel.json'), 'utf8'));
  for (const a of achievements) fs.writeFileSync(path.join(feedbacks, `APPROVED_${a.achievement_id.replace('.', '')}.md`), 'Approved.\n');
}

const env = { NX_PLAN_DEBUG_CACHE: '1' };
const createNodesOf = (r) => r.perf['@nx-plan/plan:createNodes'];
const rows = { none: [], cold: [], warm: [] };

async function measure(ws, kind, expect) {
  const r = await runNx(ws, ['show', 'projects'], { env });
  if (r.code !== 0) throw new Error(`nx show projects failed in ${ws}:\n${r.stdout}\n${r.stderr}`);
  const counts = /nx-plan inference cache: (\d+) hit, (\d+) miss/.exec(r.stderr + r.stdout);
  if (expect && (!counts || `${counts[1]}/${counts[2]}` !== expect)) {
    throw new Error(`${kind}: expected hit/miss ${expect}, got ${counts ? `${counts[1]}/${counts[2]}` : 'no report'}`);
  }
  rows[kind].push({ ms: r.ms, createNodes: createNodesOf(r), merge: r.perf['createNodes:merge'] });
}

// Warm-up (fills the OS file cache and Nx's own caches once).
await measure(empty, 'none');
await measure(full, 'warm');
rows.none.length = 0;
rows.warm.length = 0;

for (let i = 0; i < runs; i++) {
  await measure(empty, 'none');
  removeInferenceCache(full);
  await measure(full, 'cold', `0/${plans}`);
  await measure(full, 'warm', `${plans}/0`);
  console.log(
    `run ${i + 1}/${runs} (load ${loadAverage()}): no plans ${fmt(rows.none.at(-1).ms)}, cold ${fmt(rows.cold.at(-1).ms)}, warm ${fmt(rows.warm.at(-1).ms)}`,
  );
}

const summary = {};
for (const kind of ['none', 'cold', 'warm']) {
  summary[kind] = {
    wallMs: median(rows[kind].map((r) => r.ms)),
    createNodesMs: rows[kind][0].createNodes === undefined ? undefined : median(rows[kind].map((r) => r.createNodes ?? 0)),
    mergeMs: median(rows[kind].map((r) => r.merge ?? 0)),
  };
}
const extraWarm = summary.warm.wallMs - summary.none.wallMs;
const extraCold = summary.cold.wallMs - summary.none.wallMs;
console.log('');
console.log(`| workspace | nx show projects (median of ${runs}) | @nx-plan/plan:createNodes | createNodes:merge |`);
console.log('| --- | ---: | ---: | ---: |');
console.log(`| no plans | ${fmt(summary.none.wallMs)} | ${fmt(summary.none.createNodesMs)} | ${fmt(summary.none.mergeMs)} |`);
const label =
  `${plans} × ${n}` +
  (finished > 0 ? ` (${finished} finished)` : '') +
  (sourceFiles > 0 ? `, ${sourceFiles} source files` : '');
console.log(`| ${label}, cold cache | ${fmt(summary.cold.wallMs)} | ${fmt(summary.cold.createNodesMs)} | ${fmt(summary.cold.mergeMs)} |`);
console.log(`| ${label}, warm cache | ${fmt(summary.warm.wallMs)} | ${fmt(summary.warm.createNodesMs)} | ${fmt(summary.warm.mergeMs)} |`);
console.log('');
console.log(`warm − no plans: ${(extraWarm / 1000).toFixed(2)} s (goal ≤ ${GOAL_MS / 1000} s); cold − no plans: ${(extraCold / 1000).toFixed(2)} s`);

if (option('json')) fs.writeFileSync(option('json'), JSON.stringify({ plans, n, finished, sourceFiles, runs, dist, rows, summary }, null, 2));
if (!flag('keep')) {
  fs.rmSync(empty, { recursive: true, force: true });
  fs.rmSync(full, { recursive: true, force: true });
}
process.exit(extraWarm <= GOAL_MS ? 0 : 1);
