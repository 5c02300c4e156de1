#!/usr/bin/env node
// wave-setup.mjs — issue 12: preparing a wave. Priority 3 of the corpus plan
// PARALLEL-EXECUTION-AUTOMATION (3 SUBPLANs + 3 EXECUTION_TASKs, prefilled)
// set up as ONE `nx g` process (batch-execution --createSubplans) in under
// 6 s, and under 10 s for the two-command path (batch-subplan, then
// batch-execution). Also reports Nx's `Load Nx Plugin: @nx-plan/plan`
// (NX_PERF_LOGGING=true, daemon off) of every run, and a no-op `nx g`
// (batch-execution --dryRun with nothing to do) as Nx's own floor.
//
//   node tools/bench/wave-setup.mjs [--runs 3] [--mode repo|source|dist] [--dist DIR]
//                                   [--corpus DIR] [--json FILE] [--keep]
//
//   --mode repo    (default) in this repository, as the issue measured it: the plan
//                  is copied to tmp/wave-bench-<pid>/ and the commands run from the
//                  repository root with its nx.json (the plugin from source).
//   --mode source  a throw-away workspace laid out like this repository: the
//                  three packages' TypeScript sources, tsconfig paths, this
//                  repository's node_modules; Nx loads the plugin from source
//                  (compiled on the fly), as `nx g plan:…` does here.
//   --mode dist    the built packages (dist/packages, or --dist DIR) copied into
//                  node_modules/@nx-plan, as users install them.
// Every run starts from a fresh copy of the plan with the priority-3 SUBPLANs
// and EXECUTION_TASKs removed, and checks that the 6 files exist afterwards.
// Exits non-zero when a command fails, the files are wrong, or a goal is missed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PLAN = 'PARALLEL-EXECUTION-AUTOMATION';
const WAVE = ['31', '32', '33'];
const GOAL_ONE_MS = 6000;
const GOAL_TWO_MS = 10000;

function option(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? fallback : process.argv[k + 1];
}
const flag = (name) => process.argv.includes(`--${name}`);

const runs = Number(option('runs', '3'));
const mode = option('mode', 'repo');
const distDir = path.resolve(option('dist', path.join(root, 'dist', 'packages')));
const corpus = path.resolve(option('corpus', path.join(root, '..', 'shared', 'corpus')));
if (!['repo', 'source', 'dist'].includes(mode)) throw new Error('--mode must be repo, source or dist');
if (!fs.existsSync(path.join(corpus, PLAN))) {
  console.log(`skipped: ${path.join(corpus, PLAN)} not found (pass --corpus DIR)`);
  process.exit(0);
}

/** Where the plan goes (a folder of the workspace) and how the commands name it. */
const planParent = mode === 'repo' ? path.join('tmp', `wave-bench-${process.pid}`) : 'plans';
const planArg = mode === 'repo' ? `${planParent}/${PLAN}` : PLAN;

function setUp() {
  if (mode === 'repo') return root;
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-wave-bench-'));
  fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'wave-bench', private: true }, null, 2));
  fs.writeFileSync(
    path.join(ws, 'nx.json'),
    JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json', plugins: [{ plugin: '@nx-plan/plan', options: { plansGlob: 'plans/**/PLAN_*.md' } }] }, null, 2),
  );
  if (mode === 'source') {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(ws, 'node_modules'), 'dir');
    for (const pkg of ['schema', 'core', 'plan']) {
      fs.cpSync(path.join(root, 'packages', pkg), path.join(ws, 'packages', pkg), {
        recursive: true,
        filter: (from) => !/(^|[\\/])(node_modules|dist)$/.test(from) && !/\.spec\.ts$/.test(from),
      });
    }
    const src = (pkg) => [`packages/${pkg}/src/index.ts`];
    const base = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
    base.compilerOptions.paths = { '@nx-plan/schema': src('schema'), '@nx-plan/core': src('core'), '@nx-plan/plan': src('plan'), plan: src('plan') };
    fs.writeFileSync(path.join(ws, 'tsconfig.base.json'), JSON.stringify(base, null, 2));
  } else {
    const modules = path.join(ws, 'node_modules');
    fs.mkdirSync(path.join(modules, '@nx-plan'), { recursive: true });
    for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
      if (entry === '@nx-plan' || entry === '.bin') continue;
      fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
    }
    fs.mkdirSync(path.join(modules, '.bin'));
    fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules', '.bin', 'nx')), path.join(modules, '.bin', 'nx'));
    for (const pkg of ['schema', 'core', 'plan']) {
      if (!fs.existsSync(path.join(distDir, pkg, 'package.json'))) throw new Error(`${distDir}/${pkg} is missing: build first`);
      fs.cpSync(path.join(distDir, pkg), path.join(modules, '@nx-plan', pkg), { recursive: true });
    }
  }
  return ws;
}

function freshPlan(ws) {
  const dir = path.join(ws, planParent, PLAN);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(corpus, PLAN), dir, { recursive: true });
  for (const nm of WAVE) {
    fs.rmSync(path.join(dir, 'subplans', `SUBPLAN_${PLAN}_${nm}.md`), { force: true });
    fs.rmSync(path.join(dir, 'execution', `EXECUTION_TASK_${PLAN}_${nm}_01.md`), { force: true });
  }
  return dir;
}

function checkWave(dir) {
  for (const nm of WAVE) {
    const subplan = path.join(dir, 'subplans', `SUBPLAN_${PLAN}_${nm}.md`);
    const execution = path.join(dir, 'execution', `EXECUTION_TASK_${PLAN}_${nm}_01.md`);
    for (const file of [subplan, execution]) {
      if (!fs.existsSync(file)) throw new Error(`${path.basename(file)} was not created`);
    }
    if (!fs.readFileSync(execution, 'utf8').includes(`Achievement ${nm[0]}.${nm.slice(1)}`)) throw new Error(`${path.basename(execution)} is not prefilled`);
  }
}

function nx(ws, args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(path.join(ws, 'node_modules', '.bin', 'nx'), args, {
    cwd: ws,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_PERF_LOGGING: 'true', NX_NO_CLOUD: 'true', NX_TUI: 'false', NO_COLOR: '1', NX_SKIP_FORMAT: 'true' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`nx ${args.join(' ')} exited ${result.status ?? result.error}\n${output.split('\n').filter((l) => !l.startsWith('Time taken')).join('\n')}`);
  const load = /Time taken for 'Load Nx Plugin: (?:@nx-plan\/plan|plan)' ([\d.]+)ms/.exec(output);
  return { ms, pluginLoadMs: load ? Number(load[1]) : undefined };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

const ws = setUp();
const result = { mode, runs, load: os.loadavg(), oneCommand: [], twoCommands: [], noop: [], pluginLoad: [] };
try {
  console.log(`wave set-up bench — mode ${mode}, ${runs} runs, ${os.cpus().length} cores, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`);
  for (let i = 0; i < runs; i++) {
    let dir = freshPlan(ws);
    const one = nx(ws, ['g', '@nx-plan/plan:batch-execution', planArg, '--createSubplans', '--yes']);
    checkWave(dir);
    result.oneCommand.push(one.ms);

    // Nothing left to do: Nx start-up, plugin load and the generator's read of the plan.
    const noop = nx(ws, ['g', '@nx-plan/plan:batch-execution', planArg, '--dryRun']);
    result.noop.push(noop.ms);

    dir = freshPlan(ws);
    const a = nx(ws, ['g', '@nx-plan/plan:batch-subplan', planArg, '--yes']);
    const b = nx(ws, ['g', '@nx-plan/plan:batch-execution', planArg, '--yes']);
    checkWave(dir);
    result.twoCommands.push(a.ms + b.ms);
    for (const r of [one, noop, a, b]) if (r.pluginLoadMs !== undefined) result.pluginLoad.push(r.pluginLoadMs);
    console.log(`run ${i + 1}: one command ${fmt(one.ms)}, two commands ${fmt(a.ms + b.ms)} (${fmt(a.ms)} + ${fmt(b.ms)}), no-op nx g ${fmt(noop.ms)}`);
  }
} finally {
  const scratch = mode === 'repo' ? path.join(root, planParent) : ws;
  if (!flag('keep')) fs.rmSync(scratch, { recursive: true, force: true });
  else console.log(`kept ${scratch}`);
}

const one = median(result.oneCommand);
const two = median(result.twoCommands);
console.log(`median: one command ${fmt(one)} (goal < ${fmt(GOAL_ONE_MS)}: ${one < GOAL_ONE_MS ? 'met' : 'missed'}), two commands ${fmt(two)} (goal < ${fmt(GOAL_TWO_MS)}: ${two < GOAL_TWO_MS ? 'met' : 'missed'}), no-op nx g ${fmt(median(result.noop))}`);
if (result.pluginLoad.length > 0) {
  console.log(`Load Nx Plugin: @nx-plan/plan — median ${Math.round(median(result.pluginLoad))} ms, min ${Math.round(Math.min(...result.pluginLoad))} ms over ${result.pluginLoad.length} nx processes`);
}
const json = option('json', undefined);
if (json) fs.writeFileSync(json, JSON.stringify(result, null, 2));
if (one >= GOAL_ONE_MS || two >= GOAL_TWO_MS) process.exitCode = 1;
