/**
 * Test helper: a real temporary Nx workspace (nx.json + plan folders) holding
 * a copy of the repository's example plans, or of any folders given.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../../../..');
export const EXAMPLE_PLANS = join(REPO_ROOT, 'examples', 'plans');

export interface ExampleWorkspace {
  root: string;
  cleanup(): void;
}

/** A workspace with `plans/<NAME>` copied from `source` (default: examples/plans) and the given nx.json. */
export function exampleWorkspace(nxJson: Record<string, unknown> = { plugins: ['@nx-plan/plan'] }, source = EXAMPLE_PLANS): ExampleWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'nx-plan-mcp-'));
  writeFileSync(join(root, 'nx.json'), `${JSON.stringify(nxJson, null, 2)}\n`);
  cpSync(source, join(root, 'plans'), { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
