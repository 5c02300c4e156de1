/**
 * Fixtures for run-achievement tests: a small hand-written plan in a temporary
 * workspace, an ExecutorContext, and an agent script that records what it saw.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';

export interface TempWorkspace {
  root: string;
  /** Write a file (parents created) relative to the workspace root. */
  write(relativePath: string, content: string): string;
  cleanup(): void;
}

export function createTempWorkspace(prefix = 'nx-plan-run-'): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    write(relativePath, content) {
      const abs = join(root, relativePath);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const DEMO_PLAN_DIR = 'plans/DEMO';

/**
 * Plan DEMO: 1.1 (complete), 1.2 (two attempts, runnable), 1.3 (skipped),
 * 2.1 (SUBPLAN only), 2.2 (nothing yet). 1.2 ← 1.1; 2.1 and 2.2 ← 1.2.
 */
export function writeDemoPlan(ws: TempWorkspace, dir = DEMO_PLAN_DIR): void {
  ws.write(
    `${dir}/PLAN_DEMO.md`,
    [
      '# PLAN: DEMO',
      '',
      '## Achievement Index',
      '',
      '**Achievement 1.1**: Parser Written (2h)',
      '**Achievement 1.2**: Checker Written (2h)',
      '**Achievement 1.3**: Optional Extras (1h)',
      '**Achievement 2.1**: Report Added (3h)',
      '**Achievement 2.2**: Export Added (3h)',
      '',
    ].join('\n'),
  );
  ws.write(
    `${dir}/parallel.json`,
    JSON.stringify(
      {
        plan_name: 'DEMO',
        parallelization_level: 'level_3',
        achievements: [
          { achievement_id: '1.1', title: 'Parser Written', dependencies: [] },
          { achievement_id: '1.2', title: 'Checker Written', dependencies: ['1.1'] },
          { achievement_id: '1.3', title: 'Optional Extras', dependencies: [] },
          { achievement_id: '2.1', title: 'Report Added', dependencies: ['1.2'] },
          { achievement_id: '2.2', title: 'Export Added', dependencies: ['1.2'] },
        ],
      },
      null,
      2,
    ) + '\n',
  );
  ws.write(`${dir}/subplans/SUBPLAN_DEMO_11.md`, '# SUBPLAN 1.1\n');
  ws.write(`${dir}/execution/EXECUTION_TASK_DEMO_11_01.md`, '# EXECUTION 1.1\n');
  ws.write(`${dir}/execution/feedbacks/APPROVED_11.md`, '# APPROVED 1.1\n');
  ws.write(`${dir}/subplans/SUBPLAN_DEMO_12.md`, '# SUBPLAN 1.2\n');
  ws.write(`${dir}/execution/EXECUTION_TASK_DEMO_12_01.md`, '# EXECUTION 1.2 attempt 1\n');
  ws.write(`${dir}/execution/EXECUTION_TASK_DEMO_12_02.md`, '# EXECUTION 1.2 attempt 2\n');
  ws.write(`${dir}/execution/SKIPPED_13.md`, '# SKIPPED 1.3\n');
  ws.write(`${dir}/subplans/SUBPLAN_DEMO_21.md`, '# SUBPLAN 2.1\n');
}

/**
 * A node script (CommonJS) that writes `{ argv, env (NX_PLAN_* and extras), cwd,
 * marker, color (NO_COLOR, FORCE_COLOR) }` as JSON to the file named by RECORD_FILE, then exits with EXIT_CODE
 * (default 0). `marker` is the text of MARKER_FILE at that moment, or null.
 */
export const RECORDING_AGENT = `
const fs = require('node:fs');
const env = {};
for (const [k, v] of Object.entries(process.env)) if (k.startsWith('NX_PLAN_') || k.startsWith('EXTRA_')) env[k] = v;
let marker = null;
try { marker = fs.readFileSync(process.env.MARKER_FILE, 'utf-8'); } catch {}
const color = { NO_COLOR: process.env.NO_COLOR ?? null, FORCE_COLOR: process.env.FORCE_COLOR ?? null };
fs.writeFileSync(process.env.RECORD_FILE, JSON.stringify({ argv: process.argv.slice(2), env, cwd: process.cwd(), marker, color }));
process.exit(Number(process.env.EXIT_CODE || 0));
`;

export function executorContext(root: string, overrides: Partial<ExecutorContext> = {}): ExecutorContext {
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName: 'plan-demo',
    targetName: 'achievement-1.2',
    projectGraph: { nodes: {}, dependencies: {} },
    projectsConfigurations: { projects: {}, version: 2 },
    nxJsonConfiguration: {},
    ...overrides,
  };
}
