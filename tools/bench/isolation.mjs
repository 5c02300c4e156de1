#!/usr/bin/env node
// isolation.mjs — what worktree isolation costs per achievement (issue 10):
// worktree create + setup (open), commit, merge and worktree removal, against
// the same plan run with isolation "none".
//
//   node tools/bench/isolation.mjs [--n 30] [--width 6] [--parallel 3] [--mode source|dist] [--json FILE] [--keep]
//
// For each mode it builds a throw-away git-initialised Nx workspace (plugin from
// the built dist, else the sources), writes a generated layered plan with only
// PLAN + parallel.json (the run prepares SUBPLAN and EXECUTION_TASK itself), an
// agent that writes one file and exits, and `reviewCommand: "true"` so every
// achievement completes and dependents start. It runs
// `nx run plan-iso:execute --parallel=P` with NX_PLAN_TIMINGS=1 and reads the
// per-step timings every run prints (check, open, prepare, agent, review,
// commit, merge, remove). Reports the mean of each step and the wall time of
// both runs; no target (a measurement, see docs/performance.md).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultMode, installPlugin } from './bench-workspace.mjs';
import { writePlan } from './generate-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const option = (name, fallback) => {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? fallback : process.argv[k + 1];
};
const n = Number(option('n', '30'));
const width = Number(option('width', '6'));
const parallel = Number(option('parallel', '3'));
const mode = option('mode', defaultMode());

const AGENT = `import fs from 'node:fs';
fs.mkdirSync('out', { recursive: true });
fs.writeFileSync('out/' + process.env.NX_PLAN_ACHIEVEMENT + '.txt', 'done\\n');
`;

function git(ws, ...args) {
  const r = spawnSync('git', args, { cwd: ws, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function setUp(isolation) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), `nx-plan-isolation-${isolation}-`));
  fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'isolation-bench', private: true }, null, 2));
  installPlugin(ws, mode);
  fs.writeFileSync(path.join(ws, 'agent.mjs'), AGENT);
  fs.writeFileSync(path.join(ws, '.gitignore'), 'node_modules\n.nx/\n.nx-plan/worktrees/\n**/execution/.in-progress/\n**/execution/.runs/\n');
  const options = { agentCommand: 'node agent.mjs', reviewCommand: 'true', isolation };
  fs.writeFileSync(path.join(ws, 'nx.json'), JSON.stringify({ plugins: [{ plugin: '@nx-plan/plan', options }] }, null, 2));
  writePlan({ out: path.join(ws, 'plans'), name: 'ISO', n, shape: 'layered', width, fan: 2, seed: 11 });
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'config', 'user.name', 'Bench');
  git(ws, 'config', 'user.email', 'bench@example.com');
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '-m', 'bench workspace');
  return ws;
}

function runExecute(ws) {
  const nxBin = path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [nxBin, 'run', 'plan-iso:execute', `--parallel=${parallel}`], {
      cwd: ws,
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true', CI: 'true', NO_COLOR: '1', NX_PLAN_TIMINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}

function stepMeans(output) {
  const sums = new Map();
  let runs = 0;
  for (const match of output.matchAll(/nx-plan timings [\d.]+: (.*)/g)) {
    runs++;
    for (const part of match[1].trim().split(' ')) {
      const [step, value] = part.split('=');
      sums.set(step, (sums.get(step) ?? 0) + Number(value.replace('ms', '')));
    }
  }
  return { runs, means: Object.fromEntries([...sums].map(([k, v]) => [k, Math.round(v / Math.max(runs, 1))])) };
}

async function main() {
  const result = { mode, achievements: n, parallel, cores: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) };
  for (const isolation of ['none', 'worktree']) {
    const ws = setUp(isolation);
    const run = await runExecute(ws);
    const merges = git(ws, 'log', '--format=%s').split('\n').filter((s) => s.startsWith('nx-plan: merge ')).length;
    const steps = stepMeans(run.output);
    result[isolation] = { exitCode: run.code, wallSeconds: Math.round(run.ms / 10) / 100, timedRuns: steps.runs, meanStepMs: steps.means, merges };
    console.log(`${isolation.padEnd(8)} exit ${run.code}, ${(run.ms / 1000).toFixed(1)} s wall, ${steps.runs} runs timed, ${merges} merges, mean per achievement: ${JSON.stringify(steps.means)}`);
    if (run.code !== 0) {
      const logFile = `${ws}.log`;
      fs.writeFileSync(logFile, run.output);
      console.log(`  nx failed; its whole output: ${logFile}`);
    }
    if (process.argv.includes('--keep')) console.log(`  workspace kept: ${ws}`);
    else fs.rmSync(ws, { recursive: true, force: true });
  }
  const w = result.worktree.meanStepMs;
  const isolationMs = (w.open ?? 0) + (w.commit ?? 0) + (w.merge ?? 0) + (w.remove ?? 0);
  result.isolationMsPerAchievement = isolationMs;
  console.log(`isolation cost per achievement (open + commit + merge + remove): ${isolationMs} ms`);
  const json = option('json', undefined);
  if (json) fs.writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
