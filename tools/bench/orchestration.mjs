#!/usr/bin/env node
// orchestration.mjs — SPEC §8: running a plan through Nx's task graph with
// simulated agents takes ≤ 1.1× its critical path.
//
//   node tools/bench/orchestration.mjs [--n 30] [--width 6] [--sleep 60] [--parallel W]
//                                      [--mode source|dist] [--json FILE] [--keep]
//
// Builds a throw-away Nx workspace in the OS temp folder (the plugin from this
// repository's sources or its built dist, see installPlugin; nx.json registers
// @nx-plan/plan with an agentCommand), writes a
// generated layered plan with a SUBPLAN and an EXECUTION_TASK for every
// achievement, and runs `nx run plan-<name>:execute --parallel=W` once.
// The agent is a Node script that logs its start and end and sleeps --sleep
// seconds. Reports:
//   - total wall time of the nx command vs the critical path (levels × sleep);
//   - the span from the first agent start to the last agent end vs the critical path
//     (Nx's own start-up — project graph, plugin loading — is outside the span);
//   - whether any achievement started before all its dependencies had ended.
// Exits non-zero when the order is violated, nx fails, or the span misses 1.1×.
// Nx starts a fresh process for every task of a custom executor, so each level
// costs a fixed start-up (about 0.7 CPU-second per task, 0.4 of it Nx's task
// process, so roughly widest wave × 0.7 s / cores per level); the default agent time of 60 s keeps
// that small next to the work, as real agents run for minutes. --sleep 2 shows
// the fixed cost on its own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultMode, installPlugin } from './bench-workspace.mjs';
import { generateAchievements, writePlan } from './generate-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET_RATIO = 1.1;

function option(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? fallback : process.argv[k + 1];
}
const flag = (name) => process.argv.includes(`--${name}`);

const n = Number(option('n', '30'));
const width = Number(option('width', '6'));
const sleepSeconds = Number(option('sleep', '60'));
const name = 'ORCH';
const project = 'plan-orch';
// dist (compiled, as users install it) when it has been built, else the sources.
const mode = option('mode', defaultMode());
if (!['source', 'dist'].includes(mode)) throw new Error(`--mode must be source or dist`);

const FAKE_AGENT = `// Simulated agent: log start, sleep, log end (one appended line each, O_APPEND).
import fs from 'node:fs';
const id = process.env.NX_PLAN_ACHIEVEMENT;
const log = process.env.ORCH_LOG;
const ms = Number(process.env.ORCH_SLEEP_MS);
fs.appendFileSync(log, JSON.stringify({ id, event: 'start', t: Date.now(), argv: process.argv.slice(2) }) + '\\n');
setTimeout(() => {
  fs.appendFileSync(log, JSON.stringify({ id, event: 'end', t: Date.now() }) + '\\n');
}, ms);
`;


function setUpWorkspace(mode) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-orchestration-'));
  fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'orchestration-bench', private: true }, null, 2));
  installPlugin(ws, mode);
  fs.writeFileSync(path.join(ws, 'fake-agent.mjs'), FAKE_AGENT);
  fs.writeFileSync(
    path.join(ws, 'nx.json'),
    JSON.stringify(
      {
        $schema: './node_modules/nx/schemas/nx-schema.json',
        plugins: [{ plugin: '@nx-plan/plan', options: { agentCommand: 'node fake-agent.mjs {achievement} {executionFile}', startDependentsOn: 'agentSuccess' } }],
      },
      null,
      2,
    ),
  );

  const planDir = writePlan({ out: path.join(ws, 'plans'), name, n, shape: 'layered', width, fan: 2, seed: 7 });
  const achievements = generateAchievements({ n, shape: 'layered', width, fan: 2, seed: 7 });
  fs.mkdirSync(path.join(planDir, 'subplans'), { recursive: true });
  fs.mkdirSync(path.join(planDir, 'execution'), { recursive: true });
  for (const a of achievements) {
    const nm = a.id.replace('.', '');
    fs.writeFileSync(path.join(planDir, 'subplans', `SUBPLAN_${name}_${nm}.md`), `# SUBPLAN ${a.id}\n`);
    fs.writeFileSync(path.join(planDir, 'execution', `EXECUTION_TASK_${name}_${nm}_01.md`), `# EXECUTION_TASK ${a.id}\n`);
  }
  return { ws, planDir, achievements };
}

/** Level of every achievement (0 = no dependencies), iteratively in list order (deps come first). */
function levelsOf(achievements) {
  const level = new Map();
  for (const a of achievements) level.set(a.id, a.deps.reduce((m, d) => Math.max(m, level.get(d) + 1), 0));
  return level;
}

/**
 * Run nx; on Linux also report the CPU time of nx and everything it started
 * (task processes, shells, agents), read from the waiting shell's cutime/cstime.
 */
function runNx(ws, args, env) {
  const nxBin = path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  const statFile = path.join(ws, `.cpu-${Date.now()}`);
  const linux = process.platform === 'linux';
  const [command, commandArgs] = linux
    ? ['/bin/sh', ['-c', 'node "$@"; code=$?; cat /proc/$$/stat > "$CPU_STAT_FILE"; exit $code', 'sh', nxBin, ...args]]
    : [process.execPath, [nxBin, ...args]];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: ws, env: { ...env, CPU_STAT_FILE: statFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => {
      let cpuSeconds;
      if (linux && fs.existsSync(statFile)) {
        const stat = fs.readFileSync(statFile, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // fields[13], fields[14] = cutime, cstime (3-based numbering 16, 17) in clock ticks
        cpuSeconds = (Number(fields[13]) + Number(fields[14])) / 100;
      }
      resolve({ code, output, ms: performance.now() - started, cpuSeconds });
    });
  });
}

async function main() {
  const { ws, achievements } = setUpWorkspace(mode);
  const level = levelsOf(achievements);
  const levels = Math.max(...level.values()) + 1;
  const waveWidth = Math.max(...[...Array(levels).keys()].map((l) => [...level.values()].filter((x) => x === l).length));
  const parallel = Number(option('parallel', String(waveWidth)));
  const criticalMs = levels * sleepSeconds * 1000;
  const log = path.join(ws, 'agents.log');

  const env = {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_SKIP_NX_CACHE: 'true',
    ORCH_LOG: log,
    ORCH_SLEEP_MS: String(sleepSeconds * 1000),
  };

  console.log(`workspace: ${ws}`);
  console.log(`plugin: ${mode === 'dist' ? 'built dist/packages (compiled JavaScript)' : 'TypeScript sources (loaded through @swc-node/register)'}`);
  console.log(`plan: ${n} achievements, ${levels} levels, widest wave ${waveWidth}; agent sleeps ${sleepSeconds} s; --parallel=${parallel}`);

  // Nx start-up alone (project graph with the plugin, no tasks), for reference.
  const show = await runNx(ws, ['show', 'project', project, '--json'], env);
  if (show.code !== 0) {
    console.error(show.output);
    throw new Error(`nx show project ${project} failed`);
  }
  const targets = Object.keys(JSON.parse(show.output.slice(show.output.indexOf('{'))).targets ?? {});
  const achievementTargets = targets.filter((t) => t.startsWith('achievement-')).length;
  console.log(`nx show project ${project}: ${(show.ms / 1000).toFixed(2)} s, ${achievementTargets} achievement targets`);

  const run = await runNx(ws, ['run', `${project}:execute`, `--parallel=${parallel}`, '--outputStyle=static'], env);
  if (run.code !== 0) {
    console.error(run.output);
    throw new Error(`nx run ${project}:execute failed (exit ${run.code})`);
  }

  const events = fs.readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const start = new Map();
  const end = new Map();
  for (const e of events) (e.event === 'start' ? start : end).set(e.id, e.t);
  const violations = [];
  for (const a of achievements) {
    if (!start.has(a.id) || !end.has(a.id)) violations.push(`${a.id} did not run to the end`);
    for (const d of a.deps) if (start.get(a.id) < end.get(d)) violations.push(`${a.id} started ${end.get(d) - start.get(a.id)} ms before its dependency ${d} ended`);
  }
  const firstStart = Math.min(...start.values());
  const lastEnd = Math.max(...end.values());
  const spanMs = lastEnd - firstStart;
  const result = {
    mode,
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
    cores: os.cpus().length,
    achievements: n,
    levels,
    widestWave: waveWidth,
    parallel,
    sleepSeconds,
    criticalPathSeconds: criticalMs / 1000,
    nxShowProjectSeconds: +(show.ms / 1000).toFixed(2),
    wallSeconds: +(run.ms / 1000).toFixed(2),
    ...(run.cpuSeconds !== undefined ? { cpuSecondsNxRun: run.cpuSeconds, cpuSecondsNxShow: show.cpuSeconds } : {}),
    spanSeconds: +(spanMs / 1000).toFixed(2),
    wallRatio: +(run.ms / criticalMs).toFixed(3),
    spanRatio: +(spanMs / criticalMs).toFixed(3),
    overheadPerLevelSeconds: +((spanMs - criticalMs) / levels / 1000).toFixed(2),
    agentsRun: start.size,
    orderViolations: violations.length,
  };

  console.log(`critical path: ${levels} levels × ${sleepSeconds} s = ${criticalMs / 1000} s`);
  console.log(`wall time of nx run ${project}:execute: ${result.wallSeconds} s  → ratio ${result.wallRatio}× (includes Nx start-up)`);
  console.log(`span first agent start → last agent end: ${result.spanSeconds} s → ratio ${result.spanRatio}× (target ≤ ${TARGET_RATIO}×)`);
  console.log(`overhead per level (Nx task process start + run-achievement + agent start): ${result.overheadPerLevelSeconds} s`);
  if (run.cpuSeconds !== undefined) {
    const perTask = (run.cpuSeconds - show.cpuSeconds) / n;
    console.log(
      `CPU: nx run ${run.cpuSeconds.toFixed(1)} s in all, nx start-up alone (nx show project) ${show.cpuSeconds.toFixed(1)} s → ` +
        `≈ ${perTask.toFixed(2)} CPU-s per achievement task (Nx task process + run-achievement + agent)`,
    );
    result.cpuSecondsPerTask = +perTask.toFixed(2);
  }
  console.log(`dependency order: ${violations.length === 0 ? `respected by all ${start.size} agents` : violations.join('; ')}`);
  console.log(JSON.stringify(result));

  const jsonOut = option('json', undefined);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(result, null, 2) + '\n');
  if (!flag('keep')) fs.rmSync(ws, { recursive: true, force: true });

  const ok = violations.length === 0 && start.size === n && result.spanRatio <= TARGET_RATIO;
  if (!ok) console.error('orchestration: target missed');
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(`orchestration: ${error.message}`);
  process.exit(1);
});
