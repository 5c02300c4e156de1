import { planOf, type FixtureAchievement } from '../testing/graph-fixtures';
import { computeLevels, computeLevelsAndOrder } from './compute-levels';
import { buildDependencyGraph } from './dependency-graph';

const levelsOf = (achievements: FixtureAchievement[]): Record<string, number> => {
  const graph = buildDependencyGraph(planOf(achievements).achievements);
  const levels = computeLevels(graph);
  return Object.fromEntries(graph.ids.map((id, i) => [id, levels[i]]));
};

describe('computeLevels', () => {
  it('gives 0 to roots and 1 + the deepest dependency otherwise', () => {
    expect(
      levelsOf([
        { id: '1.1' },
        { id: '1.2' },
        { id: '2.1', deps: ['1.1'] },
        { id: '2.2', deps: ['2.1', '1.2'] },
        { id: '3.1', deps: ['1.1', '2.2'] },
      ]),
    ).toEqual({ '1.1': 0, '1.2': 0, '2.1': 1, '2.2': 2, '3.1': 3 });
  });

  it('gives -1 to cycle members and everything that depends on them', () => {
    expect(
      levelsOf([
        { id: '1.1' },
        { id: '2.1', deps: ['1.1', '2.2'] },
        { id: '2.2', deps: ['2.1'] },
        { id: '3.1', deps: ['2.2'] },
        { id: '3.2', deps: ['1.1'] },
      ]),
    ).toEqual({ '1.1': 0, '2.1': -1, '2.2': -1, '3.1': -1, '3.2': 1 });
  });

  it('returns a topological order of the acyclic part', () => {
    const graph = buildDependencyGraph(planOf([{ id: '2.1', deps: ['1.1'] }, { id: '1.1' }, { id: '3.1', deps: ['3.1', '3.2'] }, { id: '3.2', deps: ['3.1'] }]).achievements);
    const { order } = computeLevelsAndOrder(graph);
    expect(Array.from(order, (i) => graph.ids[i])).toEqual(['1.1', '2.1']);
  });
});
