import type { AnalyzedAchievement, PlanAnalysis } from '@nx-plan/core';
import { BatchRefusal } from './batch-refusal';
import { describeSelection, parseSelection, selectAchievements } from './batch-selection';

function achievement(id: string, level: number, ready = false): AnalyzedAchievement {
  return { id, title: id, status: 'not_started', level, ready, dependencies: [], attempts: 0 };
}

const analysis = {
  achievements: [achievement('2.10', 1), achievement('1.1', 0, true), achievement('2.2', 1, true), achievement('1.2', 0)],
} as PlanAnalysis;

describe('parseSelection', () => {
  it('defaults when nothing is given', () => {
    expect(parseSelection({})).toEqual({ kind: 'default' });
    expect(parseSelection({ all: false })).toEqual({ kind: 'default' });
  });

  it('parses each option', () => {
    expect(parseSelection({ level: 2 })).toEqual({ kind: 'level', level: 2 });
    expect(parseSelection({ level: 0 })).toEqual({ kind: 'level', level: 0 });
    expect(parseSelection({ all: true })).toEqual({ kind: 'all' });
    expect(parseSelection({ achievements: '1.1, 2.10,1.1' })).toEqual({ kind: 'achievements', ids: ['1.1', '2.10'] });
    expect(parseSelection({ achievements: ['1.1', '2.2,3.3'] })).toEqual({ kind: 'achievements', ids: ['1.1', '2.2', '3.3'] });
  });

  it.each([
    [{ level: 1, all: true }, 'conflicting selection options --level=1, --all'],
    [{ level: 0, achievements: '1.1' }, 'conflicting selection options --level=0, --achievements'],
    [{ achievements: '1.1', all: true }, 'conflicting selection options --achievements, --all'],
    [{ achievements: ' , ' }, '--achievements is empty'],
    [{ achievements: '1.1,a/b' }, '"a/b" is not an achievement id'],
    [{ achievements: '1,2.x' }, '"1", "2.x" are not achievement ids'],
    [{ level: -2 }, '--level=-2 is not a dependency level'],
  ])('refuses %j', (options, message) => {
    expect(() => parseSelection(options)).toThrow(BatchRefusal);
    expect(() => parseSelection(options)).toThrow(message);
  });
});

describe('selectAchievements', () => {
  it('orders by priority then index numerically', () => {
    expect(selectAchievements(analysis, { kind: 'all' }).achievements.map((a) => a.id)).toEqual(['1.1', '1.2', '2.2', '2.10']);
  });

  it('selects a level, named ids (reporting unknown ones) or the default predicate', () => {
    expect(selectAchievements(analysis, { kind: 'level', level: 1 }).achievements.map((a) => a.id)).toEqual(['2.2', '2.10']);
    expect(selectAchievements(analysis, { kind: 'achievements', ids: ['2.10', '9.9', '1.1'] })).toMatchObject({ unknown: ['9.9'] });
    expect(selectAchievements(analysis, { kind: 'achievements', ids: ['2.10', '9.9', '1.1'] }).achievements.map((a) => a.id)).toEqual(['1.1', '2.10']);
    expect(selectAchievements(analysis, { kind: 'default' }, (a) => a.ready).achievements.map((a) => a.id)).toEqual(['1.1', '2.2']);
    expect(selectAchievements(analysis, { kind: 'default' }).achievements).toEqual([]);
  });

  it('describes selections for the summary', () => {
    expect(describeSelection({ kind: 'default' }, 'next wave')).toBe('default (next wave)');
    expect(describeSelection({ kind: 'achievements', ids: ['1.1', '2.2'] }, '')).toBe('--achievements=1.1,2.2');
  });
});

describe('ids that nx g parsed as numbers', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
  });

  it('reads --achievements=1.10 back from the command line instead of the number 1.1', () => {
    process.argv = ['node', 'nx', 'g', '@nx-plan/plan:batch-subplan', '--plan=X', '--achievements=1.10'];
    expect(parseSelection({ achievements: 1.1 })).toEqual({ kind: 'achievements', ids: ['1.10'] });
    process.argv = ['node', 'nx', 'g', '@nx-plan/plan:batch-subplan', '--achievements', '2.30'];
    expect(parseSelection({ achievements: 2.3 })).toEqual({ kind: 'achievements', ids: ['2.30'] });
  });

  it('falls back to the number as text when the command line does not have it', () => {
    process.argv = ['node', 'script'];
    expect(parseSelection({ achievements: 1.2 })).toEqual({ kind: 'achievements', ids: ['1.2'] });
  });
});
