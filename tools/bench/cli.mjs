#!/usr/bin/env node
// cli.mjs — issue 12: `nx-plan status --json` on a 10,000-achievement plan in
// under 1 s as a whole process, and what the other read-only commands cost.
//
//   node tools/bench/cli.mjs [--sizes 10000,100000] [--runs 5] [--mode dist|source]
//                            [--dist DIR] [--nx] [--json FILE] [--keep]
//
// Builds a throw-away workspace in the OS temp folder with one generated
// layered plan per size (tools/bench/generate-plan.mjs) and an nx.json that
// registers @nx-plan/plan, then runs each command --runs times as a whole
// process (spawn → exit, stdout read to the end) and prints min and median
// wall time next to `node -e ""` (the floor of any Node CLI), and the CPU time
// (user + system) the process reported at exit: on a busy machine wall time
// mostly measures the wait for a core, CPU time what the command costs.
//   --mode dist    the built package (as users install it): node_modules/@nx-plan/*
//                  are copies of dist/packages/* (or of --dist DIR, a dist/packages
//                  folder built elsewhere); the bin runs the compiled src/cli/main.js.
//                  Build first: npx nx run-many -t build -p schema,core,plan-plugin
//   --mode source  this repository's bin (packages/plan/bin/nx-plan.js), which
//                  compiles the TypeScript sources on the fly (@swc-node/register).
//   --nx           also time `nx run plan-<name>:status --format=json` once per size
//                  (Nx start-up + project graph + a forked executor), for comparison.
// Exits non-zero when status --json on 10k (if measured) misses 1 s (median, dist mode).
import { installPlugin } from './bench-workspace.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlan } from './generate-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET_MS = 1000;

function option(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? fallback : process.argv[k + 1];
}
const flag = (name) => process.argv.includes(`--${name}`);

const sizes = option('sizes', '10000,100000').split(',').map(Number);
const runs = Number(option('runs', '5'));
const distDir = path.resolve(option('dist', path.join(root, 'dist', 'packages')));
const mode = option('mode', fs.existsSync(path.join(distDir, 'plan', 'src', 'cli', 'main.js')) ? 'dist' : 'source');
if (!['source', 'dist'].includes(mode)) throw new Error('--mode must be source or dist');

/** node_modules of the bench workspace: the repo's third-party packages, @nx-plan/* from the build. */
function installDist(ws) {
  installPlugin(ws, 'dist', distDir);
  const modules = path.join(ws, 'node_modules');
  if (!fs.existsSync(path.join(modules, '@nx-plan', 'plan', 'src', 'cli', 'main.js'))) {
    throw new Error(`${distDir}/plan has no src/cli/main.js: rebuild the plugin`);
  }
  return path.join(modules, '@nx-plan', 'plan', 'bin', 'nx-plan.js');
}

function setUp() {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-cli-bench-'));
  fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'cli-bench', private: true }, null, 2));
  fs.writeFileSync(
    path.join(ws, 'nx.json'),
    JSON.stringify({ plugins: [{ plugin: '@nx-plan/plan', options: { plansGlob: 'plans/**/PLAN_*.md' } }] }, null, 2),
  );
  const bin = mode === 'dist' ? installDist(ws) : path.join(root, 'packages', 'plan', 'bin', 'nx-plan.js');
  if (mode === 'source' && flag('nx')) fs.symlinkSync(path.join(root, 'node_modules'), path.join(ws, 'node_modules'), 'dir');
  const plans = sizes.map((n) => ({ n, name: `CLI${n}`, dir: writePlan({ out: path.join(ws, 'plans'), name: `CLI${n}`, n, shape: 'layered', width: 100 }) }));
  return { ws, bin, plans };
}

/** Preloaded into node processes: writes the process's own CPU time (ms) at exit. */
const CPU_HOOK = `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });`;

function time(command, args, cwd) {
  const cpuFile = path.join(cwd, '.bench-cpu');
  fs.rmSync(cpuFile, { force: true });
  const isNode = command === process.execPath;
  const started = process.hrtime.bigint();
  const result = spawnSync(command, isNode ? ['--require', path.join(cwd, '.bench-cpu-hook.js'), ...args] : args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1', NX_DAEMON: 'false', BENCH_CPU_FILE: cpuFile },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = fs.existsSync(cpuFile) ? Number(fs.readFileSync(cpuFile, 'utf8')) : NaN;
  return { ms, cpu, code: result.status, bytes: (result.stdout ?? '').length, stderr: result.stderr };
}

function series(label, command, args, cwd, expectCodes = [0]) {
  const times = [];
  const cpus = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = time(command, args, cwd);
    if (!expectCodes.includes(last.code)) throw new Error(`${label}: exit ${last.code}\n${last.stderr}`);
    times.push(last.ms);
    cpus.push(last.cpu);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const row = { label, min: Math.round(times[0]), median: Math.round(times[mid]), cpuMedian: Math.round(cpus[mid]), bytes: last.bytes };
  console.log(
    `${label.padEnd(40)} wall min ${String(row.min).padStart(6)} ms  median ${String(row.median).padStart(6)} ms   cpu median ${String(row.cpuMedian).padStart(6)} ms   ${(row.bytes / 1024).toFixed(0)} KiB out`,
  );
  return row;
}

const { ws, bin, plans } = setUp();
fs.writeFileSync(path.join(ws, '.bench-cpu-hook.js'), CPU_HOOK);
const rows = [];
try {
  console.log(`nx-plan CLI bench — mode ${mode}, ${runs} runs each, ${os.cpus().length} cores, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`);
  rows.push(series('node -e ""', process.execPath, ['-e', ''], ws));
  rows.push(series('nx-plan --version', process.execPath, [bin, '--version'], ws));
  for (const plan of plans) {
    const rel = path.relative(ws, plan.dir);
    rows.push({ n: plan.n, ...series(`nx-plan status --json (${plan.n})`, process.execPath, [bin, 'status', rel, '--json'], ws) });
    rows.push({ n: plan.n, ...series(`nx-plan status (${plan.n})`, process.execPath, [bin, 'status', rel], ws) });
    rows.push({ n: plan.n, ...series(`nx-plan validate (${plan.n})`, process.execPath, [bin, 'validate', rel], ws, [0, 1]) });
    rows.push({ n: plan.n, ...series(`nx-plan next --json (${plan.n})`, process.execPath, [bin, 'next', rel, '--json'], ws) });
    if (flag('nx')) {
      const nx = path.join(ws, 'node_modules', '.bin', 'nx');
      const r = time(fs.existsSync(nx) ? nx : path.join(root, 'node_modules', '.bin', 'nx'), ['run', `plan-cli${plan.n}:status`, '--format=json', '--skip-nx-cache'], ws);
      console.log(`${`nx run plan-cli${plan.n}:status --format=json`.padEnd(44)} once   ${String(Math.round(r.ms)).padStart(6)} ms   exit ${r.code}`);
      rows.push({ n: plan.n, label: `nx run status (${plan.n})`, once: Math.round(r.ms), code: r.code });
    }
  }
} finally {
  if (!flag('keep')) fs.rmSync(ws, { recursive: true, force: true });
  else console.log(`workspace kept at ${ws}`);
}

const json = option('json', undefined);
if (json) fs.writeFileSync(json, JSON.stringify({ mode, runs, load: os.loadavg(), rows }, null, 2));
const tenK = rows.find((r) => r.n === 10000 && r.label.startsWith('nx-plan status --json'));
if (tenK) {
  const met = tenK.median < TARGET_MS;
  console.log(
    `status --json on 10,000 achievements: median ${tenK.median} ms wall, ${tenK.cpuMedian} ms CPU — target < ${TARGET_MS} ms ${met ? 'met' : 'missed'}` +
      `${mode === 'source' ? ' (source mode: the target is for the built package)' : ''}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  if (!met && mode === 'dist') process.exitCode = 1;
}
