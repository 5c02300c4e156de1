import { planOf } from '../testing/graph-fixtures';
import { buildDependencyGraph, buildDependents } from './dependency-graph';

const depsOf = (graph: ReturnType<typeof buildDependencyGraph>, id: string): string[] => {
  const i = graph.indexOf.get(id) as number;
  return Array.from(graph.deps.subarray(graph.depStart[i], graph.depStart[i + 1]), (d) => graph.ids[d]);
};

describe('buildDependencyGraph', () => {
  it('stores each node’s dependencies as a CSR slice, in source order', () => {
    const plan = planOf([{ id: '1.1' }, { id: '1.2', deps: ['1.1'] }, { id: '2.1', deps: ['1.2', '1.1'] }]);
    const graph = buildDependencyGraph(plan.achievements);
    expect(graph.ids).toEqual(['1.1', '1.2', '2.1']);
    expect(Array.from(graph.depStart)).toEqual([0, 0, 1, 3]);
    expect(Array.from(graph.deps)).toEqual([0, 1, 0]);
    expect(depsOf(graph, '2.1')).toEqual(['1.2', '1.1']);
  });

  it('resolves dependencies that are declared later in the list', () => {
    const graph = buildDependencyGraph(planOf([{ id: '2.1', deps: ['1.1'] }, { id: '1.1' }]).achievements);
    expect(depsOf(graph, '2.1')).toEqual(['1.1']);
  });

  it('drops unknown, self and repeated dependencies', () => {
    const graph = buildDependencyGraph(planOf([{ id: '1.1' }, { id: '1.2', deps: ['9.9', '1.2', '1.1', '1.1'] }]).achievements);
    expect(depsOf(graph, '1.2')).toEqual(['1.1']);
    expect(graph.deps.length).toBe(1);
  });

  it('keeps the first achievement of a duplicated id and records where each node came from', () => {
    const graph = buildDependencyGraph(planOf([{ id: '1.1' }, { id: '1.2', deps: ['1.1'] }, { id: '1.2', deps: ['9.9'] }, { id: '1.3', deps: ['1.2'] }]).achievements);
    expect(graph.ids).toEqual(['1.1', '1.2', '1.3']);
    expect(depsOf(graph, '1.2')).toEqual(['1.1']);
    expect(Array.from(graph.source ?? [])).toEqual([0, 1, 3]);
  });

  it('handles an empty plan', () => {
    const graph = buildDependencyGraph([]);
    expect(graph.ids).toEqual([]);
    expect(Array.from(graph.depStart)).toEqual([0]);
  });
});

describe('buildDependents', () => {
  it('reverses every edge', () => {
    const graph = buildDependencyGraph(planOf([{ id: '1.1' }, { id: '1.2', deps: ['1.1'] }, { id: '2.1', deps: ['1.1', '1.2'] }]).achievements);
    const { start, dependents } = buildDependents(graph);
    expect(Array.from(start)).toEqual([0, 2, 3, 3]);
    expect(Array.from(dependents)).toEqual([1, 2, 2]);
  });
});
