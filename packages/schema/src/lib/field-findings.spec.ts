import { closestName, fieldFindings } from './field-findings';
import { ACHIEVEMENT_FIELDS, ROOT_FIELDS } from './schema-validators';

describe('fieldFindings', () => {
  const data = {
    plan_name: 'D',
    parallelization_level: 'level_1',
    achievements: [
      { achievement_id: '1.1', dependencies: [], blocks: ['1.2'], status: 'complete' },
      'not an object',
      { achievement_id: '1.2', dependencies: ['1.1'], 'a/b': 1 },
    ],
    total_achievements: 2,
  };

  it('reports every unknown field occurrence (warning) and one status info', () => {
    const findings = fieldFindings(data, { strict: false });
    expect(findings.map((f) => [f.code, f.severity, f.pointer, f.atKey])).toEqual([
      ['PLAN011', 'warning', '/total_achievements', true],
      ['PLAN011', 'warning', '/achievements/0/blocks', true],
      ['PLAN011', 'warning', '/achievements/2/a~1b', true],
      ['PLAN017', 'info', '/achievements/0/status', true],
    ]);
    expect(findings[1].message).toBe('achievement 1.1: unknown field "blocks" (kept, not used by nx-plan)');
  });

  it('makes unknown fields errors with --strict', () => {
    const findings = fieldFindings(data, { strict: true });
    expect(findings.filter((f) => f.code === 'PLAN011').every((f) => f.severity === 'error')).toBe(true);
  });

  it('does not mutate or drop anything', () => {
    const copy = JSON.parse(JSON.stringify(data));
    fieldFindings(copy, { strict: false });
    expect(copy).toEqual(data);
  });

  it('ignores non-object documents', () => {
    expect(fieldFindings([1, 2], { strict: false })).toEqual([]);
    expect(fieldFindings(null, { strict: true })).toEqual([]);
  });
});

describe('closestName', () => {
  it('suggests a known field for a near miss', () => {
    expect(closestName('dependancies', ACHIEVEMENT_FIELDS)).toBe('dependencies');
    expect(closestName('estimate_hours', ACHIEVEMENT_FIELDS)).toBe('estimated_hours');
    expect(closestName('Plan_Name', ROOT_FIELDS)).toBe('plan_name');
  });

  it('suggests nothing for genuinely different names', () => {
    expect(closestName('priority', ACHIEVEMENT_FIELDS)).toBeUndefined();
    expect(closestName('priority_groups', ROOT_FIELDS)).toBeUndefined();
    expect(closestName('x', ROOT_FIELDS)).toBeUndefined();
  });
});
