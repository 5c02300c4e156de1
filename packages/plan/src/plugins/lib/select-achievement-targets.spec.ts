import type { AchievementNode } from '@nx-plan/core';
import { selectAchievementTargets } from './select-achievement-targets';

function node(id: string, dependencies: string[] = []): AchievementNode {
  const [priority, index] = id.split('.').map(Number);
  return {
    id,
    title: `Title ${id}`,
    dependencies,
    priority,
    index,
    location: { file: 'parallel.json', line: 1, column: 1 },
  };
}

describe('selectAchievementTargets', () => {
  it('keeps a well-formed DAG whole, in source order, with its dependencies', () => {
    const { included, excluded } = selectAchievementTargets([
      node('1.1'),
      node('1.2'),
      node('2.1', ['1.1', '1.2']),
      node('3.1', ['2.1']),
    ]);
    expect(excluded).toEqual([]);
    expect(included).toEqual([
      { id: '1.1', title: 'Title 1.1', dependencies: [] },
      { id: '1.2', title: 'Title 1.2', dependencies: [] },
      { id: '2.1', title: 'Title 2.1', dependencies: ['1.1', '1.2'] },
      { id: '3.1', title: 'Title 3.1', dependencies: ['2.1'] },
    ]);
  });

  it('drops a repeated dependency instead of listing it twice', () => {
    const { included } = selectAchievementTargets([node('1.1'), node('1.2', ['1.1', '1.1'])]);
    expect(included[1].dependencies).toEqual(['1.1']);
  });

  it('leaves out the members of a cycle and everything behind it, naming the cycle', () => {
    // 1.1 is independent; 1.2 → 2.1 → 1.2 is a cycle; 3.1 depends on 2.1.
    const { included, excluded } = selectAchievementTargets([
      node('1.1'),
      node('1.2', ['2.1']),
      node('2.1', ['1.2']),
      node('3.1', ['2.1', '1.1']),
    ]);
    expect(included.map((a) => a.id)).toEqual(['1.1']);
    expect(excluded).toEqual([
      { id: '1.2', reason: 'on dependency cycle 1.2 → 2.1 → 1.2' },
      { id: '2.1', reason: 'on dependency cycle 1.2 → 2.1 → 1.2' },
      { id: '3.1', reason: 'depends on 2.1, which has no target' },
    ]);
  });

  it('finds a cycle entered through a node that is only behind it', () => {
    // 3.1 is listed first and walks into the cycle: 2.1 needs 2.2, 2.2 needs 2.3, 2.3 needs 2.1.
    const { excluded } = selectAchievementTargets([
      node('3.1', ['2.1']),
      node('2.1', ['2.2']),
      node('2.2', ['2.3']),
      node('2.3', ['2.1']),
    ]);
    const reasons = Object.fromEntries(excluded.map((e) => [e.id, e.reason]));
    // Printed as validate prints cycles: arrows point to dependents.
    expect(reasons['2.1']).toBe('on dependency cycle 2.1 → 2.3 → 2.2 → 2.1');
    expect(reasons['2.2']).toBe(reasons['2.1']);
    expect(reasons['2.3']).toBe(reasons['2.1']);
    expect(reasons['3.1']).toBe('depends on 2.1, which has no target');
  });

  it('leaves out unknown dependencies, self dependencies, duplicate and invalid ids, and their dependents', () => {
    const { included, excluded } = selectAchievementTargets([
      node('1.1', ['9.9']),
      node('1.2', ['1.2']),
      node('1.3'),
      node('1.3'),
      node('x.y'),
      node('2.1', ['1.1']),
      node('2.2'),
    ]);
    expect(included.map((a) => a.id)).toEqual(['2.2']);
    expect(excluded).toEqual([
      { id: '1.1', reason: 'depends on 9.9, which does not exist' },
      { id: '1.2', reason: 'achievement 1.2 depends on itself' },
      { id: '1.3', reason: 'achievement id 1.3 is defined 2 times' },
      { id: 'x.y', reason: 'invalid achievement id "x.y"' },
      { id: '2.1', reason: 'depends on 1.1, which has no target' },
    ]);
  });

  it('handles a 100,000-achievement chain closed into one cycle without recursion', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`1.${i + 1}`, [`1.${i === 0 ? n : i}`]));
    const { included, excluded } = selectAchievementTargets(nodes);
    expect(included).toEqual([]);
    expect(excluded).toHaveLength(n);
    // 1.1 needs 1.100000 and 1.k needs 1.(k-1): the dependent of 1.1 is 1.2.
    expect(excluded[0].reason.startsWith('on dependency cycle 1.1 → 1.2 → 1.3 → ')).toBe(true);
    expect(excluded[0].reason.endsWith(' → 1.99999 → 1.100000 → 1.1')).toBe(true);
  });

  it('handles a 100,000-achievement chain', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`1.${i + 1}`, i === 0 ? [] : [`1.${i}`]));
    const { included, excluded } = selectAchievementTargets(nodes);
    expect(excluded).toEqual([]);
    expect(included).toHaveLength(n);
    expect(included[n - 1].dependencies).toEqual([`1.${n - 1}`]);
  });
});
