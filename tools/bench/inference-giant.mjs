#!/usr/bin/env node
// inference-giant.mjs — issue 11 item 2: what one plan with many achievements
// costs every `nx` command, with per-achievement targets ("before": the limit
// raised above the plan) and with the default maxAchievementTargets ("after").
//
//   node tools/bench/inference-giant.mjs [--sizes 1000,3000,10000,100000] [--runs 3]
//        [--before-timeout 120] [--dist DIR] [--json FILE] [--keep]
//
// For each size: a throw-away workspace (plugin from <DIST>/packages/*, default
// this repository's dist/) holding one generated layered plan; `nx show
// projects` as a whole process (NX_DAEMON=false, NX_PERF_LOGGING=true) with
// the inference cache deleted first (a plan that changed), median of --runs;
// reported: wall time and Nx's `createNodes:merge`. A "before" run that takes
// longer than --before-timeout seconds is killed and reported as such.
// Then the workspace of the goal: one 100,000- and one 10,000-
// achievement plan, `nx show projects` against the same workspace without
// them (goal ≤ 1.5×), and `nx run <plan>:status --format=json > file` on
// each as a whole process, the document to stdout (goal < 10 s for 100k).
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
  writeNxJson,
} from './inference-workspace.mjs';

const sizes = option('sizes', '1000,3000,10000,100000').split(',').map(Number);
const runs = Number(option('runs', '3'));
const beforeTimeoutMs = Number(option('before-timeout', '120')) * 1000;
const dist = path.resolve(option('dist', path.join(repoRoot, 'dist')));
const workspaces = [];
const report = { sizes: [], goal: {} };

async function showProjects(ws, timeoutMs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    removeInferenceCache(ws);
    const r = await runNx(ws, ['show', 'projects'], { timeoutMs });
    if (r.signal) return { killed: true, ms: r.ms };
    if (r.code !== 0) throw new Error(`nx show projects failed in ${ws}:\n${r.stdout}\n${r.stderr}`);
    samples.push({ ms: r.ms, merge: r.perf['createNodes:merge'] ?? 0, createNodes: r.perf['@nx-plan/plan:createNodes'] ?? 0 });
  }
  return {
    ms: median(samples.map((s) => s.ms)),
    merge: median(samples.map((s) => s.merge)),
    createNodes: median(samples.map((s) => s.createNodes)),
    samples,
  };
}

console.log(`plugin from ${dist}; load average ${loadAverage()}`);
const empty = createBenchWorkspace({ prefix: 'nx-plan-giant-none-', dist });
workspaces.push(empty);
const baseline = await showProjects(empty, 600_000);
console.log(`no plan: nx show projects ${fmt(baseline.ms)}`);

console.log('');
console.log('| achievements in the plan | version | nx show projects | createNodes:merge | @nx-plan/plan:createNodes |');
console.log('| ---: | --- | ---: | ---: | ---: |');
for (const n of sizes) {
  const ws = createBenchWorkspace({ prefix: `nx-plan-giant-${n}-`, dist });
  workspaces.push(ws);
  addPlans(ws, [{ name: `G${n}`, n, width: 100, seed: 3 }]);
  const row = { n };
  for (const version of ['before', 'after']) {
    writeNxJson(ws, version === 'before' ? { maxAchievementTargets: n } : {});
    const result = await showProjects(ws, version === 'before' ? beforeTimeoutMs : 600_000);
    row[version] = result;
    console.log(
      result.killed
        ? `| ${n.toLocaleString('en')} | ${version} (per-achievement targets) | killed after ${fmt(result.ms)} | — | — |`
        : `| ${n.toLocaleString('en')} | ${version}${version === 'before' ? ' (per-achievement targets)' : n > 1000 ? ' (no achievement targets)' : ''} | ${fmt(result.ms)} | ${fmt(result.merge)} | ${fmt(result.createNodes)} |`,
    );
  }
  report.sizes.push(row);
}

// The goal workspace: a 100k and a 10k plan next to the baseline.
const goal = createBenchWorkspace({ prefix: 'nx-plan-giant-goal-', dist });
workspaces.push(goal);
addPlans(goal, [
  { name: 'L100000', n: 100_000, width: 100, seed: 5 },
  { name: 'L10000', n: 10_000, width: 100, seed: 6 },
]);
const goalShow = await showProjects(goal, 600_000);
const warm = await runNx(goal, ['show', 'projects']);
report.goal.showProjects = { baseline: baseline.ms, cold: goalShow.ms, warm: warm.ms };
console.log('');
console.log(
  `100k + 10k plans: nx show projects ${fmt(goalShow.ms)} with a cold inference cache, ${fmt(warm.ms)} warm; ` +
    `no plans ${fmt(baseline.ms)} → ${(goalShow.ms / baseline.ms).toFixed(2)}× cold, ${(warm.ms / baseline.ms).toFixed(2)}× warm (goal ≤ 1.5×)`,
);
for (const project of ['plan-l100000', 'plan-l10000']) {
  const samples = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    // The document to stdout (a pipe), as a script reading it would get it.
    const r = await runNx(goal, ['run', `${project}:status`, '--format=json']);
    if (r.code !== 0) throw new Error(`status of ${project} failed:\n${r.stdout}\n${r.stderr}`);
    samples.push(r.ms);
    size = Buffer.byteLength(r.stdout);
  }
  report.goal[project] = { ms: median(samples), samples, bytes: size };
  console.log(`nx run ${project}:status --format=json (whole process, median of ${runs}): ${fmt(median(samples))}; output ${(size / 1e6).toFixed(1)} MB`);
}

if (option('json')) fs.writeFileSync(option('json'), JSON.stringify({ dist, runs, baseline, ...report }, null, 2));
if (!flag('keep')) for (const ws of workspaces) fs.rmSync(ws, { recursive: true, force: true });
