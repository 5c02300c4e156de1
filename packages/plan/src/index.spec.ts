/**
 * The plugin entry keeps what Nx loads for inference small: executors and
 * generators are exported lazily (loaded on first access, invisible to the
 * object spread Nx applies to a plugin module).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as entry from './index';
import { validateExecutor } from './executors/validate/validate';
import { batchExecutionGenerator } from './generators/batch-execution/batch-execution';
import { BatchRefusal as RefusalClass } from './generators/lib/batch-refusal';

const REPO_ROOT = join(__dirname, '..', '..', '..');

describe('plugin entry', () => {
  it('spreads (as Nx loads a plugin) to the inference exports only', () => {
    const plugin = { ...entry } as Record<string, unknown>;
    expect(typeof plugin['createNodes']).toBe('object');
    expect(plugin['createNodesV2']).toBe(plugin['createNodes']);
    expect(plugin['validateExecutor']).toBeUndefined();
    expect(plugin['batchSubplanGenerator']).toBeUndefined();
  });

  it('still exports the executors, generators and helpers by name', () => {
    expect(entry.validateExecutor).toBe(validateExecutor);
    expect(entry.batchExecutionGenerator).toBe(batchExecutionGenerator);
    expect(entry.BatchRefusal).toBe(RefusalClass);
    expect(new entry.BatchRefusal('no')).toBeInstanceOf(RefusalClass);
  });

  it('requiring it in a fresh process loads no generator or executor module', () => {
    const script = `
      const { join } = require('node:path');
      const root = ${JSON.stringify(REPO_ROOT)};
      const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
      process.env.SWC_NODE_PROJECT = join(root, 'tsconfig.base.json');
      require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
      require('@swc-node/register');
      const plugin = { ...require(join(root, 'packages/plan/src/index.ts')) };
      if (!plugin.createNodes) throw new Error('no createNodes');
      const loaded = Object.keys(require.cache).filter((f) => /packages[\\\\/]plan[\\\\/]src[\\\\/](generators|executors)[\\\\/]/.test(f));
      process.stdout.write(JSON.stringify(loaded));
    `;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  }, 60_000);
});
