import { agentEnvironment, shellQuote, substitutePlaceholders, type AgentCommandValues } from './agent-command';

const values: AgentCommandValues = {
  plan: 'DEMO',
  planDir: 'plans/DEMO',
  achievement: '1.2',
  subplanFile: 'plans/DEMO/subplans/SUBPLAN_DEMO_12.md',
  executionFile: 'plans/DEMO/execution/EXECUTION_TASK_DEMO_12_02.md',
  workspaceRoot: '/repo/.nx-plan/worktrees/demo/12',
  mainWorkspaceRoot: '/repo',
  attempt: '2',
};

describe('shellQuote', () => {
  it('leaves plain words bare', () => {
    expect(shellQuote('plans/DEMO/subplans/SUBPLAN_DEMO_12.md', 'linux')).toBe('plans/DEMO/subplans/SUBPLAN_DEMO_12.md');
    expect(shellQuote('1.2', 'linux')).toBe('1.2');
  });

  it('single-quotes words with spaces or shell characters (POSIX)', () => {
    expect(shellQuote('my plans/A B', 'linux')).toBe("'my plans/A B'");
    expect(shellQuote('$(rm -rf /);`x`', 'darwin')).toBe("'$(rm -rf /);`x`'");
    expect(shellQuote('', 'linux')).toBe("''");
  });

  it("escapes a single quote as '\\''", () => {
    expect(shellQuote("it's", 'linux')).toBe("'it'\\''s'");
  });

  it('double-quotes on Windows, doubling inner double quotes', () => {
    expect(shellQuote('C:\\my plans\\a "b"', 'win32')).toBe('"C:\\my plans\\a ""b"""');
  });
});

describe('substitutePlaceholders', () => {
  it('replaces every known placeholder', () => {
    expect(
      substitutePlaceholders(
        'agent {plan} {planDir} {achievement} {subplanFile} {executionFile} {workspaceRoot}',
        values,
        'linux',
      ),
    ).toBe(
      'agent DEMO plans/DEMO 1.2 plans/DEMO/subplans/SUBPLAN_DEMO_12.md plans/DEMO/execution/EXECUTION_TASK_DEMO_12_02.md /repo/.nx-plan/worktrees/demo/12',
    );
  });

  it('replaces a placeholder used several times and inside a word', () => {
    expect(substitutePlaceholders('log-{achievement}.txt {achievement}', values, 'linux')).toBe('log-1.2.txt 1.2');
  });

  it('quotes values that need it, and does not quote twice when the user quoted the placeholder', () => {
    const spaced = { ...values, planDir: "my plans/it's here" };
    expect(substitutePlaceholders('cd {planDir}', spaced, 'linux')).toBe("cd 'my plans/it'\\''s here'");
    expect(substitutePlaceholders('cd "{planDir}"', spaced, 'linux')).toBe("cd 'my plans/it'\\''s here'");
    expect(substitutePlaceholders("cd '{planDir}'", spaced, 'linux')).toBe("cd 'my plans/it'\\''s here'");
  });

  it('leaves unknown placeholders, shell braces and variables alone', () => {
    expect(substitutePlaceholders('echo {a,b} ${HOME} {unknown} {Plan}', values, 'linux')).toBe(
      'echo {a,b} ${HOME} {unknown} {Plan}',
    );
  });

  it('does not substitute inside substituted values', () => {
    const tricky = { ...values, plan: '{achievement}' };
    expect(substitutePlaceholders('x {plan}', tricky, 'linux')).toBe("x '{achievement}'");
  });
});

describe('agentEnvironment', () => {
  it('names every value with an NX_PLAN_ variable', () => {
    expect(agentEnvironment(values)).toEqual({
      NX_PLAN_NAME: 'DEMO',
      NX_PLAN_DIR: 'plans/DEMO',
      NX_PLAN_ACHIEVEMENT: '1.2',
      NX_PLAN_SUBPLAN_FILE: 'plans/DEMO/subplans/SUBPLAN_DEMO_12.md',
      NX_PLAN_EXECUTION_FILE: 'plans/DEMO/execution/EXECUTION_TASK_DEMO_12_02.md',
      NX_PLAN_WORKSPACE_ROOT: '/repo/.nx-plan/worktrees/demo/12',
      NX_PLAN_MAIN_WORKSPACE_ROOT: '/repo',
      NX_PLAN_ATTEMPT: '2',
    });
  });
});
