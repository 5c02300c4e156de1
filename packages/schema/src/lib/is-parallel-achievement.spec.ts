import { isParallelAchievement } from './is-parallel-achievement';

describe('isParallelAchievement', () => {
  it('accepts an object with a valid id and string dependencies', () => {
    expect(isParallelAchievement({ achievement_id: '1.1', dependencies: [] })).toBe(true);
    expect(isParallelAchievement({ achievement_id: '2.10', dependencies: ['1.1'], priority: 2 })).toBe(true);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an array', []],
    ['no id', { dependencies: [] }],
    ['an invalid id', { achievement_id: '1-1', dependencies: [] }],
    ['no dependencies', { achievement_id: '1.1' }],
    ['a dependencies string', { achievement_id: '1.1', dependencies: '1.0' }],
    ['a non-string dependency', { achievement_id: '1.1', dependencies: [1.0] }],
  ])('rejects %s', (_name, value) => {
    expect(isParallelAchievement(value)).toBe(false);
  });
});
