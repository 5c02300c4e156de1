import { validateParallelJson } from '@nx-plan/schema';
import { parsePlanMarkdown } from '../markdown/parse-plan-markdown';
import type { PlanAchievementText, PlanDocument } from '../model/types';
import { inferDependencyTree, inferParallelJson, TOLERANT_PARALLEL_SCHEMA_ID } from './infer-parallel-json';

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
    expect(result).toMatchObject({ plan_name: 'X', parallelization_level: 'level_2', created_date: '2025-11-14', $schema: 'https://nx-plan.dev/schemas/parallel.tolerant.schema.json' });
    expect(TOLERANT_PARALLEL_SCHEMA_ID).toBe('https://nx-plan.dev/schemas/parallel.tolerant.schema.json');
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

  it('keeps estimate ranges as "min-max" strings and single values as numbers', () => {
    const result = inferParallelJson(
      doc([achievement('1.1', { estimate: { min: 4, max: 6 } }), achievement('1.2', { estimate: { min: 3, max: 3 } }), achievement('1.3', { estimate: { min: 1.5, max: 2.5 } }), achievement('1.4')]),
      'X',
    );
    expect(result.achievements.map((a) => a.estimated_hours)).toEqual(['4-6', 3, '1.5-2.5', undefined]);
    expect(result.notes).toContain('Draft by nx-plan from PLAN_X.md');
    expect(result.notes).toMatch(/review/i);
  });

  it('takes $schema from the options (the discover generator passes what init writes)', () => {
    const result = inferParallelJson(doc([achievement('1.1')]), 'X', { schemaReference: '../../node_modules/x.json' });
    expect(result.$schema).toBe('../../node_modules/x.json');
  });

  it('keeps only the first of duplicate ids and skips ids that do not parse', () => {
    const result = inferParallelJson(doc([achievement('1.1'), achievement('1.1', { title: 'again' }), achievement('x.y')]), 'X');
    expect(result.achievements.map((a) => [a.achievement_id, a.title])).toEqual([['1.1', 'Title 1.1']]);
  });

  it('produces a document that the tolerant schema accepts, and the strict one when no estimate is a range', () => {
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
    expect(draft.achievements.map((a) => [a.achievement_id, a.dependencies, a.estimated_hours])).toEqual([
      ['1.1', [], '4-6'],
      ['1.2', ['1.1'], 2],
      ['2.1', ['1.1', '1.2'], undefined],
    ]);
    expect(validateParallelJson(JSON.stringify(draft, null, 2), { file: 'parallel.json' }).diagnostics).toEqual([]);
    const strict = validateParallelJson(JSON.stringify(draft, null, 2), { file: 'parallel.json', strict: true }).diagnostics;
    expect(strict.map((d) => d.pointer)).toEqual(['/achievements/0/estimated_hours']);
  });
});

/** A PLAN in the style of the README's examples (index list, `###` sections with `- **Field**:` lines). */
function readmeStylePlan(sections: Record<string, string[]>): PlanDocument {
  const ids = Object.keys(sections);
  const lines = ['# PLAN: Example', '', '## Achievement Index', ''];
  for (const id of ids) lines.push(`- Achievement ${id}: Title ${id} (2-3h)`);
  lines.push('', '## Achievements', '');
  for (const id of ids) lines.push(`### Achievement ${id}: Title ${id}`, '', `- **Goal**: Build part ${id}.`, ...sections[id], '- **Estimate**: 2-3 hours', '');
  return parsePlanMarkdown(lines.join('\n'), 'PLAN_X.md');
}

function depsOf(plan: PlanDocument): Record<string, string[]> {
  return Object.fromEntries(inferParallelJson(plan, 'X').achievements.map((a) => [a.achievement_id, a.dependencies]));
}

describe('inferParallelJson: dependencies the PLAN states', () => {
  it('uses a **Dependencies** field exactly instead of the whole previous priority (the README style)', () => {
    const plan = readmeStylePlan({ '1.1': [], '1.2': [], '1.3': [], '2.1': [], '2.2': [], '2.3': ['- **Dependencies**: 1.2'] });
    const deps = depsOf(plan);
    expect(deps['2.3']).toEqual(['1.2']);
    // Nothing stated: inferred from the previous priority.
    expect(deps['2.1']).toEqual(['1.1', '1.2', '1.3']);
  });

  it.each([
    ['**Dependencies**: 1.2', ['1.2']],
    ['- **Dependencies**: 1.1, 1.3', ['1.1', '1.3']],
    ['**Dependencies:** Achievement 1.1 and Achievement 1.3', ['1.1', '1.3']],
    ['Depends on: 1.3', ['1.3']],
    ['- **Depends on**: 1.1', ['1.1']],
    ['Prerequisites: 1.1', ['1.1']],
    ['- **Prerequisite**: 1.2 (schema)', ['1.2']],
    ['Requires: 1.1-1.3', ['1.1', '1.2', '1.3']],
    ['**Requires**: 1.1 to 1.2', ['1.1', '1.2']],
    ['- Dependencies: 1.2 (complete)', ['1.2']],
    ['**Dependencies**: None', []],
    ['- **Dependencies**: none (can start at once)', []],
    ['Depends on: -', []],
    ['**Prerequisites**: N/A', []],
  ])('reads `%s` as %j', (line, expected) => {
    const plan = readmeStylePlan({ '1.1': [], '1.2': [], '1.3': [], '2.1': [line] });
    expect(depsOf(plan)['2.1']).toEqual(expected);
  });

  it('reads a list under an empty field', () => {
    const plan = readmeStylePlan({ '1.1': [], '1.2': [], '1.3': [], '2.1': ['- **Dependencies**:', '  - 1.1', '  - 1.3 (its API)'] });
    expect(depsOf(plan)['2.1']).toEqual(['1.1', '1.3']);
  });

  it('ignores a field that names no achievement and does not say "none", and fields inside code blocks', () => {
    const plan = readmeStylePlan({
      '1.1': [],
      '1.2': [],
      '2.1': ['- **Prerequisites**: Docker installed on the CI runner'],
      '2.2': ['```md', '**Dependencies**: 1.1', '```'],
    });
    const deps = depsOf(plan);
    expect(deps['2.1']).toEqual(['1.1', '1.2']);
    expect(deps['2.2']).toEqual(['1.1', '1.2']);
  });

  it('keeps stated dependencies on later achievements (level 3) and leaves out unknown ids and the achievement itself, saying so', () => {
    const plan = readmeStylePlan({ '1.1': ['- **Dependencies**: 2.1'], '1.2': ['- **Dependencies**: 1.2, 9.9, 1.1'], '2.1': ['- **Dependencies**: None'] });
    const { tree, origins } = inferDependencyTree(plan, 'X');
    expect(Object.fromEntries(tree.achievements.map((a) => [a.achievement_id, a.dependencies]))).toEqual({ '1.1': ['2.1'], '1.2': ['1.1'], '2.1': [] });
    expect(origins.find((o) => o.id === '1.2')).toEqual({ id: '1.2', source: 'stated', statedLine: '- **Dependencies**: 1.2, 9.9, 1.1', ignored: ['1.2', '9.9'] });
    expect(tree.notes).toContain('1.2 ← 1.1 (left out 1.2, 9.9: not another achievement of this plan)');
  });

  it('drops an inferred edge that would close a cycle with a stated dependency on a later achievement', () => {
    const plan = readmeStylePlan({ '1.1': ['- **Dependencies**: 2.1'], '1.2': [], '2.1': [], '2.2': [] });
    // 2.1 would infer 1.1 and 1.2; 1.1 states it waits for 2.1, so 2.1 keeps only 1.2.
    expect(depsOf(plan)).toEqual({ '1.1': ['2.1'], '1.2': [], '2.1': ['1.2'], '2.2': ['1.1', '1.2'] });
  });

  it('marks in the notes, per achievement, which dependencies were stated and which inferred', () => {
    const plan = readmeStylePlan({ '1.1': ['- **Dependencies**: None'], '1.2': [], '2.1': ['- **Dependencies**: 1.2'], '2.2': [] });
    const { tree, origins } = inferDependencyTree(plan, 'X');
    expect(origins.map((o) => `${o.id}:${o.source}`)).toEqual(['1.1:stated', '1.2:inferred', '2.1:stated', '2.2:inferred']);
    expect(tree.notes).toContain('Stated in the PLAN (kept as written): 1.1 ← none; 2.1 ← 1.2.');
    expect(tree.notes).toContain('Inferred, the PLAN states none (previous priority, plus earlier achievements the text names): 1.2 ← none; 2.2 ← 1.1, 1.2.');
  });

  it('reads the corpus style (`**Achievement x.y**` headings, `- **Dependencies**:` lines, `⏱️` estimates)', () => {
    const plan = parsePlanMarkdown(
      [
        '# PLAN_X',
        '## 📋 Achievements',
        '**Achievement 1.1**: Schema ⏱️ 3-4 hours',
        '- **Goal**: Write the schema',
        '- **Dependencies**: None',
        '',
        '**Achievement 1.2**: Validator ⏱️ 4 hours',
        '- **Goal**: Validate files',
        '- **Dependencies**: 1.1',
        '',
        '**Achievement 1.3**: Docs ⏱️ 2-3 hours',
        '- **Goal**: Document the schema from Achievement 1.1',
        '',
        '**Achievement 2.1**: Batch generator ⏱️ 5-6 hours',
        '- **Goal**: Generate files',
        '- **Dependencies**: 1.2',
      ].join('\n'),
      'PLAN_X.md',
    );
    const draft = inferParallelJson(plan, 'X');
    expect(draft.achievements.map((a) => [a.achievement_id, a.dependencies, a.estimated_hours])).toEqual([
      ['1.1', [], '3-4'],
      ['1.2', ['1.1'], 4],
      ['1.3', ['1.1'], '2-3'],
      ['2.1', ['1.2'], '5-6'],
    ]);
  });
});
