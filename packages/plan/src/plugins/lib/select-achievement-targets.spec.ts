import { selectAchievementTargets, type AchievementLike } from './select-achievement-targets';

function node(id: string, dependencies: string[] = []): AchievementLike {
  return { id, title: `Title ${id}`, dependencies };
}

/** True when following the kept edges from any target never comes back to it (what Nx requires). */
function isAcyclic(included: { id: string; dependencies: string[] }[]): boolean {
  const deps = new Map(included.map((a) => [a.id, a.dependencies]));
  const state = new Map<string, number>(); // 1 on stack, 2 done
  for (const start of deps.keys()) {
    if (state.get(start) === 2) continue;
    const stack: [string, number][] = [[start, 0]];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const list = deps.get(top[0]) ?? [];
      if (top[1] < list.length) {
        const next = list[top[1]++];
        const s = state.get(next);
        if (s === 1) return false;
        if (s === undefined) {
          state.set(next, 1);
          stack.push([next, 0]);
        }
      } else {
        state.set(top[0], 2);
        stack.pop();
      }
    }
  }
  return true;
}

describe('selectAchievementTargets', () => {
  it('keeps a well-formed DAG whole, in source order, with its dependencies', () => {
    const { included, problems, excluded } = selectAchievementTargets([
      node('1.1'),
      node('1.2'),
      node('2.1', ['1.1', '1.2']),
      node('3.1', ['2.1']),
    ]);
    expect(problems).toEqual([]);
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

  it('gives the members of a cycle a target without the edges inside the cycle, and keeps the edge of what is behind it', () => {
    // 1.1 is independent; 1.2 → 2.1 → 1.2 is a cycle; 3.1 depends on 2.1 and 1.1.
    const { included, problems } = selectAchievementTargets([
      node('1.1'),
      node('1.2', ['2.1']),
      node('2.1', ['1.2']),
      node('3.1', ['2.1', '1.1']),
    ]);
    expect(included).toEqual([
      { id: '1.1', title: 'Title 1.1', dependencies: [] },
      { id: '1.2', title: 'Title 1.2', dependencies: [] },
      { id: '2.1', title: 'Title 2.1', dependencies: [] },
      // 3.1 still waits for 2.1 (whose run fails), so it never runs before the cycle is fixed.
      { id: '3.1', title: 'Title 3.1', dependencies: ['2.1', '1.1'] },
    ]);
    expect(problems).toEqual([
      { id: '1.2', reason: 'on dependency cycle 1.2 → 2.1 → 1.2' },
      { id: '2.1', reason: 'on dependency cycle 1.2 → 2.1 → 1.2' },
    ]);
    expect(isAcyclic(included)).toBe(true);
  });

  it('names the cycle the way validate prints it, whichever member is listed first', () => {
    // 3.1 is listed first and walks into the cycle: 2.1 needs 2.2, 2.2 needs 2.3, 2.3 needs 2.1.
    const { included, problems } = selectAchievementTargets([
      node('3.1', ['2.1']),
      node('2.1', ['2.2']),
      node('2.2', ['2.3']),
      node('2.3', ['2.1']),
    ]);
    const reasons = Object.fromEntries(problems.map((e) => [e.id, e.reason]));
    // Arrows point to dependents: 2.3 depends on 2.1, 2.2 on 2.3, 2.1 on 2.2.
    expect(reasons['2.1']).toBe('on dependency cycle 2.1 → 2.3 → 2.2 → 2.1');
    expect(reasons['2.2']).toBe(reasons['2.1']);
    expect(reasons['2.3']).toBe(reasons['2.1']);
    expect(reasons['3.1']).toBeUndefined();
    expect(included.map((a) => a.id)).toEqual(['3.1', '2.1', '2.2', '2.3']);
    expect(isAcyclic(included)).toBe(true);
  });

  it('keeps edges between two separate cycles (components form a DAG)', () => {
    const { included } = selectAchievementTargets([
      node('1.1', ['1.2']),
      node('1.2', ['1.1']),
      node('2.1', ['2.2', '1.1']),
      node('2.2', ['2.1']),
    ]);
    expect(included.find((a) => a.id === '2.1')!.dependencies).toEqual(['1.1']);
    expect(isAcyclic(included)).toBe(true);
  });

  it('gives unknown, self and duplicated achievements a target without the impossible edges; only invalid ids get none', () => {
    const { included, problems, excluded } = selectAchievementTargets([
      node('1.1', ['9.9']),
      node('1.2', ['1.2']),
      node('1.3'),
      node('1.3', ['1.1']),
      node('x.y'),
      node('2.1', ['1.1', 'x.y']),
      node('2.2'),
    ]);
    expect(included).toEqual([
      { id: '1.1', title: 'Title 1.1', dependencies: [] },
      { id: '1.2', title: 'Title 1.2', dependencies: [] },
      { id: '1.3', title: 'Title 1.3', dependencies: [] },
      { id: '2.1', title: 'Title 2.1', dependencies: ['1.1'] },
      { id: '2.2', title: 'Title 2.2', dependencies: [] },
    ]);
    expect(problems).toEqual([
      { id: '1.1', reason: 'depends on 9.9, which does not exist' },
      { id: '1.2', reason: 'achievement 1.2 depends on itself' },
      { id: '1.3', reason: 'achievement id 1.3 is defined 2 times' },
      { id: '2.1', reason: 'depends on x.y, which does not exist' },
    ]);
    expect(excluded).toEqual([{ id: 'x.y', reason: 'invalid achievement id "x.y"' }]);
  });

  it('handles a 100,000-achievement chain closed into one cycle without recursion', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`1.${i + 1}`, [`1.${i === 0 ? n : i}`]));
    const { included, problems } = selectAchievementTargets(nodes);
    expect(included).toHaveLength(n);
    expect(included.every((a) => a.dependencies.length === 0)).toBe(true);
    expect(problems).toHaveLength(n);
    // 1.1 needs 1.100000 and 1.k needs 1.(k-1): the dependent of 1.1 is 1.2.
    expect(problems[0].reason.startsWith('on dependency cycle 1.1 → 1.2 → 1.3 → ')).toBe(true);
    expect(problems[0].reason.endsWith(' → 1.99999 → 1.100000 → 1.1')).toBe(true);
  });

  it('handles a 100,000-achievement chain', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`1.${i + 1}`, i === 0 ? [] : [`1.${i}`]));
    const { included, problems } = selectAchievementTargets(nodes);
    expect(problems).toEqual([]);
    expect(included).toHaveLength(n);
    expect(included[n - 1].dependencies).toEqual([`1.${n - 1}`]);
  });
});
