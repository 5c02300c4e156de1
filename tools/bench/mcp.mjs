#!/usr/bin/env node
// mcp.mjs — start-up of `nx-plan mcp` and a plan_status call on a plan of
// 10,000 achievements, measured from an MCP client's side over real stdio.
//
//   node tools/bench/mcp.mjs [--n 10000] [--runs 3] [--bin FILE] [--json FILE] [--keep]
//
// Writes a temporary workspace (nx.json + a generated layered plan of --n
// achievements, every tenth one with a SUBPLAN so statuses vary) and, --runs
// times: spawns `node <bin> mcp --workspace <ws>` (default bin: this
// repository's packages/plan/bin/nx-plan.js, which compiles the TypeScript
// sources on the fly; pass an installed package's bin to time compiled JS),
// then times with the SDK's own client:
//   start-up:     spawn → the initialize handshake answered
//   tools/list:   the first listing (schemas turned into JSON Schema)
//   plan_status:  the first call on the 10k plan (load, validate, analyse,
//                 status document checked against the output schema, sent)
//   plan_status again, and list_plans.
// Reports medians; deletes the workspace unless --keep.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlan } from './generate-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const n = Number(option('n', '10000'));
const runs = Number(option('runs', '3'));
const bin = path.resolve(option('bin', path.join(root, 'packages/plan/bin/nx-plan.js')));
const jsonFile = option('json', undefined);
const keep = process.argv.includes('--keep');

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-bench-mcp-'));
fs.writeFileSync(path.join(ws, 'nx.json'), JSON.stringify({ plugins: ['@nx-plan/plan'] }, null, 2));
const name = `BENCH-MCP-${n}`;
writePlan({ out: path.join(ws, 'plans'), name, n, shape: 'layered' });
const planDir = path.join(ws, 'plans', name);
fs.mkdirSync(path.join(planDir, 'subplans'));
const ids = JSON.parse(fs.readFileSync(path.join(planDir, 'parallel.json'), 'utf8')).achievements.map((a) => a.achievement_id);
ids.forEach((id, k) => {
  if (k % 10 === 0) fs.writeFileSync(path.join(planDir, 'subplans', `SUBPLAN_${name}_${id.replace('.', '')}.md`), `# SUBPLAN ${id}\n`);
});

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once() {
  const t0 = process.hrtime.bigint();
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', '--workspace', ws], stderr: 'ignore' });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  const startup = seconds(t0);

  let t = process.hrtime.bigint();
  await client.listTools();
  const listTools = seconds(t);

  t = process.hrtime.bigint();
  const status = await client.callTool({ name: 'plan_status', arguments: { plan: name } });
  const planStatus = seconds(t);
  if (status.isError) throw new Error(`plan_status failed: ${status.content[0].text}`);
  const count = status.structuredContent.plans[0].achievements.length;
  if (count !== n) throw new Error(`plan_status returned ${count} achievements, expected ${n}`);
  const bytes = JSON.stringify(status).length;

  t = process.hrtime.bigint();
  await client.callTool({ name: 'plan_status', arguments: { plan: name } });
  const planStatusAgain = seconds(t);

  t = process.hrtime.bigint();
  await client.callTool({ name: 'list_plans', arguments: {} });
  const listPlans = seconds(t);

  await client.close();
  return { startup, listTools, planStatus, planStatusAgain, listPlans, bytes };
}

const samples = [];
try {
  for (let r = 0; r < runs; r++) samples.push(await once());
} finally {
  if (!keep) fs.rmSync(ws, { recursive: true, force: true });
}

const keys = ['startup', 'listTools', 'planStatus', 'planStatusAgain', 'listPlans'];
const result = { n, runs, bin: path.relative(root, bin) || bin, node: process.version, cores: os.cpus().length, load: os.loadavg().map((x) => Number(x.toFixed(2))), responseBytes: samples[0].bytes };
for (const key of keys) result[key] = { median: Number(median(samples.map((s) => s[key])).toFixed(3)), samples: samples.map((s) => Number(s[key].toFixed(3))) };

console.log(`nx-plan mcp, plan of ${n} achievements, ${runs} runs (${result.bin}, Node ${process.version}, load ${result.load.join(' ')})`);
for (const key of keys) console.log(`  ${key.padEnd(16)} median ${result[key].median.toFixed(3)} s  (${result[key].samples.map((x) => x.toFixed(3)).join(', ')})`);
console.log(`  plan_status response: ${(result.responseBytes / 1024 / 1024).toFixed(1)} MB`);
if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
