import {
  ACHIEVEMENT_ID_PATTERN,
  compareAchievementIds,
  defaultProjectName,
  planProjectName,
  isSafeNameComponent,
  nmOf,
  parseAchievementId,
} from './ids';

describe('nmOf', () => {
  it('drops the dot, as the plan file names do', () => {
    expect(nmOf('1.1')).toBe('11');
    expect(nmOf('0.3')).toBe('03');
    expect(nmOf('2.10')).toBe('210');
    expect(nmOf('1.001')).toBe('1001');
  });
  it('gives the same NM for ambiguous ids (collisions are detected elsewhere)', () => {
    expect(nmOf('1.11')).toBe(nmOf('11.1'));
  });
});

describe('parseAchievementId', () => {
  it('splits priority and index numerically', () => {
    expect(parseAchievementId('2.10')).toEqual({ priority: 2, index: 10 });
    expect(parseAchievementId('0.3')).toEqual({ priority: 0, index: 3 });
    expect(parseAchievementId('1.001')).toEqual({ priority: 1, index: 1 });
  });
  it('rejects anything that is not <digits>.<digits>', () => {
    for (const bad of ['1', '1.', '.1', '1.1.1', 'a.b', ' 1.1', '1.1 ', '-1.1', '1,1', '', '99999999999999999999.1']) {
      expect(parseAchievementId(bad)).toBeUndefined();
    }
    expect(parseAchievementId(undefined as unknown as string)).toBeUndefined();
  });
  it('agrees with ACHIEVEMENT_ID_PATTERN', () => {
    expect(ACHIEVEMENT_ID_PATTERN.test('12.34')).toBe(true);
    expect(ACHIEVEMENT_ID_PATTERN.test('12.34a')).toBe(false);
  });
});

describe('compareAchievementIds', () => {
  it('orders numerically by priority then index', () => {
    const ids = ['2.1', '1.10', '10.1', '1.2', '0.4', '1.1'];
    expect([...ids].sort(compareAchievementIds)).toEqual(['0.4', '1.1', '1.2', '1.10', '2.1', '10.1']);
  });
  it('is deterministic for numerically equal ids and puts invalid ids last', () => {
    expect(compareAchievementIds('1.01', '1.1')).toBeLessThan(0);
    expect(compareAchievementIds('1.1', '1.01')).toBeGreaterThan(0);
    expect(compareAchievementIds('1.1', '1.1')).toBe(0);
    expect(['x', '9.9', 'a.b', '1.1'].sort(compareAchievementIds)).toEqual(['1.1', '9.9', 'a.b', 'x']);
  });
});

describe('isSafeNameComponent', () => {
  it('accepts plan names from real plans', () => {
    expect(isSafeNameComponent('PARALLEL-EXECUTION-AUTOMATION')).toBe(true);
    expect(isSafeNameComponent('LLM-DASHBOARD-CLI')).toBe(true);
    expect(isSafeNameComponent('my_plan.v2')).toBe(true);
  });
  it('rejects traversal, separators, NUL, blanks and dot names', () => {
    for (const bad of ['', '.', '..', '../../x', 'a/b', 'a\\b', 'a\0b', 'a b', 'C:x', '~', 'é']) {
      expect(isSafeNameComponent(bad)).toBe(false);
    }
  });
});

describe('defaultProjectName', () => {
  it('lower-cases and prefixes with plan-', () => {
    expect(defaultProjectName('LLM-DASHBOARD-CLI')).toBe('plan-llm-dashboard-cli');
  });
  it('sanitises characters Nx project names should not have', () => {
    expect(defaultProjectName('My Plan / 2')).toBe('plan-my-plan-2');
    expect(defaultProjectName('///')).toBe('plan-unnamed');
  });
});

describe('planProjectName', () => {
  it('uses the prefix and the same sanitising as defaultProjectName', () => {
    expect(planProjectName('RELEASE-PIPELINE', 'work-')).toBe('work-release-pipeline');
    expect(planProjectName('A -- B.', 'plan-')).toBe(defaultProjectName('A -- B.'));
    expect(planProjectName('A -- B.', 'plan-')).toBe('plan-a-b');
  });
});
