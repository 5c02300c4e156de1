import fc from 'fast-check';
import { checkConsistency } from '../checks/check-consistency';
import { loadPlanFromSource, type PlanSource } from './load-plan-folder';

const PLAN = '## Achievement Index\n**Achievement 1.1**: A\n**Achievement 1.2**: B\n';

/** parallel.json-like values: right shape, wrong types, junk. */
const entry = fc.record(
  {
    achievement_id: fc.oneof(fc.constantFrom('1.1', '1.2', '2.1', '1.11', '11.1'), fc.string(), fc.integer()),
    title: fc.oneof(fc.string(), fc.constant(null)),
    dependencies: fc.oneof(fc.array(fc.oneof(fc.constantFrom('1.1', '1.2', '9.9'), fc.integer())), fc.string()),
    estimated_hours: fc.oneof(fc.integer(), fc.constantFrom('4-6', '6-4', 'x'), fc.double()),
    blocks: fc.array(fc.constantFrom('1.1', '1.2', '2.1', 5)),
    parallelizable_with: fc.array(fc.constantFrom('1.1', '1.2', '2.1')),
    priority: fc.oneof(fc.integer(), fc.string()),
  },
  { requiredKeys: [] },
);
const parallelText = fc.oneof(
  fc.string(),
  fc
    .record(
      {
        plan_name: fc.oneof(fc.constantFrom('P', '../x', 'a/b'), fc.string(), fc.integer()),
        parallelization_level: fc.constantFrom('level_1', 'level_2', 'bad'),
        achievements: fc.oneof(fc.array(fc.oneof(entry, fc.constant(null), fc.integer())), fc.string()),
        total_achievements: fc.integer(),
        priority_groups: fc.array(fc.record({ priority: fc.integer({ min: 0, max: 3 }), achievements: fc.array(fc.constantFrom('1.1', '2.1', 7)) })),
      },
      { requiredKeys: [] },
    )
    .map((doc) => JSON.stringify(doc, null, 2)),
);
const filePath = fc.oneof(
  fc.string(),
  fc
    .tuple(
      fc.constantFrom('subplans/SUBPLAN_P_', 'execution/EXECUTION_TASK_P_', 'execution/feedbacks/APPROVED_', 'execution/feedbacks/FIX_', 'execution/SKIPPED_', 'execution/.in-progress/IN_PROGRESS_'),
      fc.constantFrom('11', '12', '111', '99', 'x', ''),
      fc.constantFrom('.md', '_01.md', '_02.md', '.json', ''),
    )
    .map(([a, b, c]) => a + b + c),
);

describe('loadPlanFromSource (properties)', () => {
  it('never throws, whatever parallel.json and the file list hold, and checkConsistency neither', () => {
    fc.assert(
      fc.property(parallelText, fc.array(filePath, { maxLength: 12 }), fc.string(), (text, paths, marker) => {
        const files: Record<string, string> = { 'PLAN_P.md': PLAN, 'parallel.json': text };
        for (const p of paths) files[p] = p.endsWith('.json') ? marker : 'x';
        const source: PlanSource = { dir: 'plans/P', list: () => Object.keys(files), read: (p) => files[p], isDirectory: () => false };
        const plan = loadPlanFromSource(source, { isProcessAlive: () => false });
        for (const d of [...plan.diagnostics, ...checkConsistency(plan)]) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(typeof d.message).toBe('string');
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
