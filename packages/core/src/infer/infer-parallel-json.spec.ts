import { validateParallelJson } from '@nx-plan/schema';
import { parsePlanMarkdown } from '../markdown/parse-plan-markdown';
import type { PlanAchievementText, PlanDocument } from '../model/types';
import { inferParallelJson, STRICT_PARALLEL_SCHEMA_ID } from './infer-parallel-json';

function achievement(id: string, extra: Partial<PlanAchievementText> = {}): PlanAchievementText {
  return {
    id,
    title: `Title ${id}`,
    deliverables: [],
    successCriteria: [],
    tests: [],
    referencedIds: [],
    body: '',
    location: { file: 'PLAN_X.md', line: 1, column: 1 },
    ...extra,
  };
}

function doc(achievements: PlanAchievementText[]): PlanDocument {
  return { file: 'plans/X/PLAN_X.md', achievements };
}

describe('inferParallelJson', () => {
  it('runs priorities in order and keeps each priority independent', () => {
    const result = inferParallelJson(
      doc([achievement('0.1'), achievement('0.2'), achievement('1.1'), achievement('1.2'), achievement('3.1')]),
      'X',
      { createdDate: '2025-11-14' },
    );
    expect(result.achievements.map((a) => [a.achievement_id, a.dependencies])).toEqual([
      ['0.1', []],
      ['0.2', []],
      ['1.1', ['0.1', '0.2']],
      ['1.2', ['0.1', '0.2']],
      // Priority 2 is absent: 3.x waits for the nearest lower priority present.
      ['3.1', ['1.1', '1.2']],
    ]);
    expect(result).toMatchObject({ plan_name: 'X', parallelization_level: 'level_2', created_date: '2025-11-14', $schema: 'https://nx-plan.dev/schemas/parallel.schema.json' });
    expect(STRICT_PARALLEL_SCHEMA_ID).toBe('https://nx-plan.dev/schemas/parallel.schema.json');
  });

  it('adds prerequisites the text names when they are earlier achievements of the plan', () => {
    const result = inferParallelJson(
      doc([
        achievement('1.1'),
        achievement('1.2', { referencedIds: ['1.1'] }),
        // self, later, unknown and other-plan ids are dropped; 1.1 (same priority, earlier) is kept.
        achievement('1.3', { referencedIds: ['1.3', '1.4', '9.9', '1.1'] }),
        achievement('1.4', { referencedIds: ['1.2'] }),
        achievement('2.1', { referencedIds: ['1.1'] }),
      ]),
      'X',
    );
    expect(Object.fromEntries(result.achievements.map((a) => [a.achievement_id, a.dependencies]))).toEqual({
      '1.1': [],
      '1.2': ['1.1'],
      '1.3': ['1.1'],
      '1.4': ['1.2'],
      '2.1': ['1.1', '1.2', '1.3', '1.4'],
    });
  });

  it('writes the upper bound of estimate ranges and lists the ranges in notes', () => {
    const result = inferParallelJson(
      doc([achievement('1.1', { estimate: { min: 4, max: 6 } }), achievement('1.2', { estimate: { min: 3, max: 3 } }), achievement('1.3')]),
      'X',
    );
    expect(result.achievements.map((a) => a.estimated_hours)).toEqual([6, 3, undefined]);
    expect(result.notes).toContain('Draft inferred by nx-plan from PLAN_X.md');
    expect(result.notes).toMatch(/review/i);
    expect(result.notes).toContain('1.1: 4-6h');
    expect(result.notes).not.toContain('1.2:');
  });

  it('keeps only the first of duplicate ids and skips ids that do not parse', () => {
    const result = inferParallelJson(doc([achievement('1.1'), achievement('1.1', { title: 'again' }), achievement('x.y')]), 'X');
    expect(result.achievements.map((a) => [a.achievement_id, a.title])).toEqual([['1.1', 'Title 1.1']]);
  });

  it('produces a document that the strict schema accepts', () => {
    const plan = parsePlanMarkdown(
      [
        '## Achievement Index',
        '**Achievement 1.1**: First (4-6h)',
        '**Achievement 1.2**: Second (2h)',
        '**Achievement 2.1**: Third',
        '## Achievements',
        '**Achievement 1.2: Second** ⏱️ 2 hours',
        '- **Goal**: g (depends on 1.1)',
      ].join('\n'),
      'PLAN_X.md',
    );
    const draft = inferParallelJson(plan, 'X', { createdDate: '2025-11-14' });
    expect(draft.achievements.map((a) => [a.achievement_id, a.dependencies])).toEqual([
      ['1.1', []],
      ['1.2', ['1.1']],
      ['2.1', ['1.1', '1.2']],
    ]);
    const checked = validateParallelJson(JSON.stringify(draft, null, 2), { file: 'parallel.json', strict: true });
    expect(checked.diagnostics).toEqual([]);
  });
});
