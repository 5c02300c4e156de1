import { isReadOnlyNxCommand, nxCommandsInMarkdown } from './doc-commands';

describe('nxCommandsInMarkdown', () => {
  it('takes the npx nx commands of fenced blocks only, cut at shell plumbing, once each', () => {
    const markdown = [
      'Run `npx nx run plan:validate` in prose: not taken.',
      '```bash',
      'npm ci && npx nx run plan:status',
      'npx nx run plan-a:graph --format=mermaid   # comment',
      'npx nx run plan:status',
      'npx nx g @nx-plan/plan:batch-subplan --plan=<NAME>',
      'npm test',
      '```',
      'npx nx show projects',
    ].join('\n');
    expect(nxCommandsInMarkdown(markdown)).toEqual(['run plan:status', 'run plan-a:graph --format=mermaid']);
  });
});

describe('isReadOnlyNxCommand', () => {
  it.each([
    ['show project plan-a', true],
    ['run plan-a:validate', true],
    ['run plan:status --format=json', true],
    ['run plan-a:graph', true],
    ['run plan-a:execute --parallel=3', false],
    ['run-many -t achievement-1.1 -p plan-a', false],
    ['g @nx-plan/plan:batch-subplan --plan=A --dryRun', true],
    ['g @nx-plan/plan:batch-subplan --plan=A --yes', false],
    ['g @nx-plan/plan:next --plan=A', true],
    ['g @nx-plan/plan:next --plan=A --action=prompt', false],
    ['add @nx-plan/plan', false],
  ])('%s → %s', (args, expected) => {
    expect(isReadOnlyNxCommand(args)).toBe(expected);
  });
});
