// inference-workspace.mjs — shared by the "plugin at scale" benchmarks
// (inference.mjs, inference-giant.mjs): a throw-away Nx 23.2.1 workspace with
// the plugin installed from built packages, generated plans, and whole `nx`
// processes timed with NX_PERF_LOGGING=true.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlan } from './generate-plan.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function option(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k === -1 ? fallback : process.argv[k + 1];
}
export const flag = (name) => process.argv.includes(`--${name}`);

/**
 * A workspace whose node_modules links this repository's, except @nx-plan/*,
 * which are copies of `<dist>/packages/*` (compiled JavaScript, as users get
 * it from npm). `dist` defaults to this repository's dist folder.
 */
export function createBenchWorkspace({ prefix, dist = path.join(repoRoot, 'dist'), pluginOptions = {} }) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const modules = path.join(ws, 'node_modules');
  fs.mkdirSync(path.join(modules, '@nx-plan'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (entry === '@nx-plan' || entry === '.bin') continue;
    fs.symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(modules, entry));
  }
  for (const pkg of ['schema', 'core', 'plan']) {
    const built = path.join(dist, 'packages', pkg);
    if (!fs.existsSync(path.join(built, 'package.json'))) {
      throw new Error(`${built} is missing: build first (npx nx run-many -t build -p schema core plan-plugin)`);
    }
    fs.cpSync(built, path.join(modules, '@nx-plan', pkg), { recursive: true });
  }
  fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: path.basename(ws), private: true }, null, 2));
  writeNxJson(ws, pluginOptions);
  return ws;
}

export function writeNxJson(ws, pluginOptions) {
  fs.writeFileSync(
    path.join(ws, 'nx.json'),
    JSON.stringify(
      {
        $schema: './node_modules/nx/schemas/nx-schema.json',
        plugins: [{ plugin: '@nx-plan/plan', options: pluginOptions }],
      },
      null,
      2,
    ),
  );
}

/** Generated plans under `<ws>/plans/<name>`; returns their folders. */
export function addPlans(ws, plans) {
  return plans.map(({ name, n, shape = 'layered', width = 50, seed = 1 }) =>
    writePlan({ out: path.join(ws, 'plans'), name, n, shape, width, fan: 2, seed }),
  );
}

export function removeInferenceCache(ws) {
  const dir = path.join(ws, '.nx', 'workspace-data');
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) if (/^nx-plan-.*\.json$/.test(f)) fs.rmSync(path.join(dir, f));
}

/** Nx's project graph cache too, so every measured process infers again (as after any file change). */
export function removeProjectGraphCache(ws) {
  const dir = path.join(ws, '.nx', 'workspace-data');
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    if (/^(project-graph|file-map|source-maps|parsed-lock-file|nx_files)/.test(f)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  }
}

/**
 * Runs `nx <args>` in the workspace as a whole process (daemon off, perf
 * logging on); resolves with exit code, wall ms, stdout, stderr and the
 * `NX_PERF_LOGGING` measures (name → ms, summed when repeated).
 */
export function runNx(ws, args, { env = {}, timeoutMs = 600_000 } = {}) {
  const nxBin = path.join(repoRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [nxBin, ...args], {
      cwd: ws,
      env: {
        ...process.env,
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
        NX_TUI: 'false',
        NX_PERF_LOGGING: 'true',
        NX_SKIP_NX_CACHE: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, stdout, stderr, perf: perfMeasures(stdout + stderr) });
    });
  });
}

/** `Time taken for 'name' 123.4ms` lines of NX_PERF_LOGGING. */
export function perfMeasures(text) {
  const measures = {};
  for (const m of text.matchAll(/Time taken for '([^']+)' ([\d.]+)ms/g)) measures[m[1]] = (measures[m[1]] ?? 0) + Number(m[2]);
  return measures;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const fmt = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

export function loadAverage() {
  return os.loadavg()[0].toFixed(1);
}
