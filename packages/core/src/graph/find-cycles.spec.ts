import { planOf, type FixtureAchievement } from '../testing/graph-fixtures';
import { buildDependencyGraph } from './dependency-graph';
import { findCycleGroups, findCycles, findStronglyConnectedComponents } from './find-cycles';

const graphOf = (achievements: FixtureAchievement[]) => buildDependencyGraph(planOf(achievements).achievements);

describe('findCycles', () => {
  it('reports nothing for a DAG', () => {
    expect(findCycles(graphOf([{ id: '1.1' }, { id: '1.2', deps: ['1.1'] }, { id: '2.1', deps: ['1.1', '1.2'] }]))).toEqual([]);
  });

  it('reports a three-node cycle in flow order, starting at the smallest id', () => {
    // 2.1 depends on 1.2, 3.1 depends on 2.1, 1.2 depends on 3.1: 1.2 → 2.1 → 3.1 → 1.2.
    const graph = graphOf([
      { id: '3.1', deps: ['2.1'] },
      { id: '1.1' },
      { id: '2.1', deps: ['1.2'] },
      { id: '1.2', deps: ['3.1', '1.1'] },
    ]);
    expect(findCycles(graph)).toEqual([['1.2', '2.1', '3.1']]);
  });

  it('reports a two-node cycle', () => {
    expect(findCycles(graphOf([{ id: '1.1', deps: ['1.2'] }, { id: '1.2', deps: ['1.1'] }]))).toEqual([['1.1', '1.2']]);
  });

  it('reports one cycle per strongly connected component, ordered by smallest id', () => {
    const graph = graphOf([
      { id: '5.1', deps: ['5.2'] },
      { id: '5.2', deps: ['5.1'] },
      { id: '1.10', deps: ['1.9'] },
      { id: '1.9', deps: ['1.10'] },
      { id: '3.1', deps: ['1.9', '5.1'] },
    ]);
    expect(findCycles(graph)).toEqual([
      ['1.9', '1.10'],
      ['5.1', '5.2'],
    ]);
  });

  it('finds the shortest cycle through the smallest id and lists every member of a larger component', () => {
    // 1.1 → 1.2 → 1.3 → 1.1 and 1.1 → 1.4 → 1.5 → 1.6 → 1.1 (arrows point to dependents).
    const graph = graphOf([
      { id: '1.1', deps: ['1.6', '1.3'] },
      { id: '1.2', deps: ['1.1'] },
      { id: '1.3', deps: ['1.2'] },
      { id: '1.4', deps: ['1.1'] },
      { id: '1.5', deps: ['1.4'] },
      { id: '1.6', deps: ['1.5'] },
    ]);
    expect(findCycleGroups(graph)).toEqual([{ cycle: ['1.1', '1.2', '1.3'], members: ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'] }]);
  });

  it('ignores self-dependencies (they are dropped from the graph and reported elsewhere)', () => {
    expect(findCycles(graphOf([{ id: '1.1', deps: ['1.1'] }]))).toEqual([]);
  });

  it('walks a 200,000-node cycle without recursion', () => {
    const n = 200_000;
    const achievements: FixtureAchievement[] = Array.from({ length: n }, (_, i) => ({ id: `1.${i + 1}`, deps: [`1.${i === 0 ? n : i}`] }));
    const components = findStronglyConnectedComponents(graphOf(achievements));
    expect(components).toHaveLength(1);
    expect(components[0].length).toBe(n);
    const [cycle] = findCycles(graphOf(achievements));
    expect(cycle.length).toBe(n);
    expect(cycle.slice(0, 3)).toEqual(['1.1', '1.2', '1.3']);
  });
});
