import type { ExecutorContext } from '@nx/devkit';
import { agentCommandFromNxJson, isNxPlanPluginEntry, normalizeOptions } from './normalize-options';

function context(plugins: NonNullable<ExecutorContext['nxJsonConfiguration']['plugins']>): ExecutorContext {
  return {
    root: '/repo',
    cwd: '/repo',
    isVerbose: false,
    projectName: 'plan-demo',
    targetName: 'achievement-1.2',
    projectGraph: { nodes: {}, dependencies: {} },
    projectsConfigurations: { projects: {}, version: 2 },
    nxJsonConfiguration: { plugins },
  };
}

describe('isNxPlanPluginEntry', () => {
  it.each(['@nx-plan/plan', 'plan', './packages/plan/src/index.ts', 'packages/plan/src/index', 'C:\\w\\packages\\plan\\src\\index.ts'])(
    'recognises %j',
    (entry) => expect(isNxPlanPluginEntry(entry)).toBe(true),
  );
  it.each(['@nx/jest/plugin', 'planner', '@other/plan', './packages/planner/src/index.ts'])('ignores %j', (entry) =>
    expect(isNxPlanPluginEntry(entry)).toBe(false),
  );
});

describe('agentCommandFromNxJson', () => {
  it('reads the first nx-plan entry that sets a non-empty agentCommand', () => {
    const ctx = context([
      '@nx/js/typescript',
      { plugin: '@nx/jest/plugin', options: { agentCommand: 'not ours' } },
      { plugin: '@nx-plan/plan', options: { agentCommand: '  ' } },
      { plugin: './packages/plan/src/index.ts', options: { agentCommand: 'agent {achievement}' } },
    ]);
    expect(agentCommandFromNxJson(ctx)).toBe('agent {achievement}');
  });

  it('is undefined without plugins or without the option', () => {
    expect(agentCommandFromNxJson(context([]))).toBeUndefined();
    expect(agentCommandFromNxJson(context(['@nx-plan/plan']))).toBeUndefined();
  });
});

describe('normalizeOptions', () => {
  it('keeps the plan folder workspace-relative and converts the timeout to milliseconds', () => {
    const o = normalizeOptions({ plan: './plans/DEMO/', achievement: ' 1.2 ', timeout: 1.5, env: { A: '1' } }, context([]));
    expect(o).toEqual({
      workspaceRoot: '/repo',
      planDirAbs: '/repo/plans/DEMO',
      planDir: 'plans/DEMO',
      achievement: '1.2',
      env: { A: '1' },
      timeoutMs: 1500,
      projectName: 'plan-demo',
      targetName: 'achievement-1.2',
    });
  });

  it('accepts an absolute plan folder inside the workspace', () => {
    expect(normalizeOptions({ plan: '/repo/plans/DEMO', achievement: '1.2' }, context([])).planDir).toBe('plans/DEMO');
  });

  it('names the source of the command', () => {
    const fromPlugin = normalizeOptions({ plan: 'p', achievement: '1.1' }, context([{ plugin: 'plan', options: { agentCommand: 'a' } }]));
    expect([fromPlugin.agentCommand, fromPlugin.agentCommandSource]).toEqual(['a', 'nx.json plugin option']);
    const fromTarget = normalizeOptions({ plan: 'p', achievement: '1.1', agentCommand: 'b' }, context([{ plugin: 'plan', options: { agentCommand: 'a' } }]));
    expect([fromTarget.agentCommand, fromTarget.agentCommandSource]).toEqual(['b', 'target option']);
  });

  it.each([
    [{ plan: '../x', achievement: '1.1' }, 'is outside the workspace'],
    [{ plan: 'p\0', achievement: '1.1' }, 'NUL'],
    [{ plan: 'p', achievement: '1.1', env: { 'A=B': 'x' } }, 'invalid variable name "A=B"'],
    [{ plan: 'p', achievement: '1.1', timeout: Number.NaN }, 'option "timeout"'],
  ])('refuses %j', (options, message) => {
    expect(() => normalizeOptions(options as never, context([]))).toThrow(message);
  });
});
