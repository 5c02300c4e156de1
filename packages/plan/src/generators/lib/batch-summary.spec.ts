import { emptySummary, renderSummary } from './batch-summary';
import { batchProgress } from './batch-progress';

describe('renderSummary', () => {
  it('prints created / skipped / refused with reasons, then the next command', () => {
    const summary = emptySummary('batch-subplan', 'DEMO', 'plans/demo', '--all', false);
    summary.created.push({ id: '1.2', file: 'plans/demo/subplans/SUBPLAN_DEMO_12.md' });
    summary.skipped.push({ id: '1.1', file: 'plans/demo/subplans/SUBPLAN_DEMO_11.md', reason: 'SUBPLAN exists' });
    summary.next = 'npx nx g @nx-plan/plan:batch-execution --plan=DEMO';
    expect(renderSummary(summary)).toBe(
      [
        'batch-subplan DEMO (plans/demo), selection: --all',
        'created (1):',
        '  1.2  plans/demo/subplans/SUBPLAN_DEMO_12.md',
        'skipped (1):',
        '  1.1  plans/demo/subplans/SUBPLAN_DEMO_11.md (SUBPLAN exists)',
        'refused (0)',
        'next: npx nx g @nx-plan/plan:batch-execution --plan=DEMO',
      ].join('\n'),
    );
  });
});

describe('renderSummary of a dry run', () => {
  it('lists the files under "would create", never "created"', () => {
    const summary = emptySummary('batch-execution', 'DEMO', 'plans/demo', 'default', true);
    summary.created.push({ id: '2.1', file: 'plans/demo/execution/EXECUTION_TASK_DEMO_21_01.md' });
    const text = renderSummary(summary);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'batch-execution DEMO (plans/demo), selection: default (dry run: nothing is written)',
      'would create (1):',
      '  2.1  plans/demo/execution/EXECUTION_TASK_DEMO_21_01.md',
    ]);
    expect(text).not.toMatch(/^created/m);
  });
});

describe('batchProgress', () => {
  it('reports every 50 files and at the end for batches over 50, nothing for small ones', () => {
    const lines: string[] = [];
    const big = batchProgress('batch-subplan', 101, (l) => lines.push(l));
    for (let i = 0; i < 101; i++) big.tick();
    expect(lines).toEqual(['batch-subplan: 50/101 files prepared', 'batch-subplan: 100/101 files prepared', 'batch-subplan: 101/101 files prepared']);
    const small: string[] = [];
    const few = batchProgress('x', 50, (l) => small.push(l));
    for (let i = 0; i < 50; i++) few.tick();
    expect(small).toEqual([]);
  });
});
