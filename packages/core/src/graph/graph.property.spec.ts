/**
 * Property tests of the graph engine (SPEC §8): random DAGs never report a
 * cycle and their levels respect every edge; random graphs report a cycle
 * exactly when an independent reference finds one, and every reported cycle
 * is real. Plus a 1,000,000-achievement chain end to end, which would
 * overflow the stack if any step recursed.
 */
import fc from 'fast-check';
import { analyzePlan } from '../analysis/analyze-plan';
import type { AchievementNode, LoadedPlan } from '../model/types';
import { computeLevels } from './compute-levels';
import { buildDependencyGraph } from './dependency-graph';
import { findCycleGroups, findCycles } from './find-cycles';

const idOf = (i: number): string => `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`;

function nodesOf(deps: number[][]): AchievementNode[] {
  return deps.map((list, i) => ({
    id: idOf(i),
    title: `A${i}`,
    dependencies: list.map(idOf),
    priority: Math.floor(i / 10) + 1,
    index: (i % 10) + 1,
    location: { file: 'parallel.json', line: i + 1, column: 1 },
  }));
}

/**
 * Reference: repeatedly remove nodes whose dependencies are all removed; a
 * cycle exists iff some node is left. Self-dependencies are not graph edges
 * (they are reported as PLAN005), so they are ignored here too.
 */
function referenceHasCycle(deps: number[][]): boolean {
  const edges = deps.map((list, i) => list.filter((d) => d !== i));
  const alive = new Set<number>(edges.keys());
  let removed = true;
  while (removed) {
    removed = false;
    for (const i of [...alive]) {
      if (edges[i].every((d) => !alive.has(d))) {
        alive.delete(i);
        removed = true;
      }
    }
  }
  return alive.size > 0;
}

/** A DAG: node i depends only on nodes with a smaller index; the array is then shuffled by a permutation. */
const dagArbitrary = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.tuple(
    fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: n, maxLength: n }),
    fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
  ).map(([raw, permutation]) => {
    // Node permutation[i] depends on permutation[j] for some j < i.
    const deps: number[][] = Array.from({ length: n }, () => []);
    raw.forEach((picks, i) => {
      if (i === 0) return;
      deps[permutation[i]] = picks.map((p) => permutation[p % i]);
    });
    return deps;
  }),
);

const graphArbitrary = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.array(fc.array(fc.nat({ max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }),
);

describe('graph properties', () => {
  it('random DAGs: no cycle, every node levelled, level(dependency) < level(dependent)', () => {
    fc.assert(
      fc.property(dagArbitrary, (deps) => {
        const graph = buildDependencyGraph(nodesOf(deps));
        expect(findCycles(graph)).toEqual([]);
        const levels = computeLevels(graph);
        for (let i = 0; i < deps.length; i++) {
          expect(levels[i]).toBeGreaterThanOrEqual(0);
          for (const d of deps[i]) expect(levels[d]).toBeLessThan(levels[i]);
          const expected = deps[i].length === 0 ? 0 : 1 + Math.max(...deps[i].map((d) => levels[d]));
          expect(levels[i]).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random graphs: a cycle is reported iff one exists, and every reported cycle is real', () => {
    fc.assert(
      fc.property(graphArbitrary, (deps) => {
        const graph = buildDependencyGraph(nodesOf(deps));
        const groups = findCycleGroups(graph);
        expect(groups.length > 0).toBe(referenceHasCycle(deps));
        const depends = (a: string, b: string) => deps[graph.indexOf.get(a) as number].includes(graph.indexOf.get(b) as number);
        const seen = new Set<string>();
        for (const { cycle, members } of groups) {
          expect(cycle.length).toBeGreaterThanOrEqual(2);
          expect(new Set(cycle).size).toBe(cycle.length);
          // Flow order: each id is a dependency of the next, and the last of the first.
          for (let k = 0; k < cycle.length; k++) expect(depends(cycle[(k + 1) % cycle.length], cycle[k])).toBe(true);
          for (const id of cycle) expect(members).toContain(id);
          for (const id of members) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
        }
        // Nodes on a cycle never get a level.
        const levels = computeLevels(graph);
        for (const id of seen) expect(levels[graph.indexOf.get(id) as number]).toBe(-1);
      }),
      { numRuns: 500 },
    );
  });

  it('planted cycles are always found', () => {
    fc.assert(
      fc.property(dagArbitrary, fc.nat(), fc.nat(), (deps, a, b) => {
        const n = deps.length;
        if (n < 2) return;
        // Plant a path back: pick an existing edge i → d (i depends on d) and make d depend on i.
        const from = a % n;
        if (deps[from].length === 0) {
          deps[from].push((from + 1 + (b % (n - 1))) % n);
        }
        const to = deps[from][b % deps[from].length];
        deps[to] = [...deps[to], from];
        const cycles = findCycles(buildDependencyGraph(nodesOf(deps)));
        expect(cycles.length).toBeGreaterThan(0);
        expect(cycles.some((c) => c.includes(idOf(from)) && c.includes(idOf(to)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a 1,000,000-achievement chain', () => {
  it('goes through graph, cycles, levels and analysis without overflowing the stack', () => {
    const n = 1_000_000;
    const achievements: AchievementNode[] = new Array(n);
    // Shared estimate and location objects keep the fixture itself cheap to build.
    const estimate = { min: 1, max: 2 };
    const location = { file: 'parallel.json', line: 1, column: 5 };
    let previous = '';
    for (let i = 0; i < n; i++) {
      const id = `${Math.floor(i / 1000) + 1}.${(i % 1000) + 1}`;
      achievements[i] = { id, title: '', dependencies: i === 0 ? [] : [previous], estimate, priority: Math.floor(i / 1000) + 1, index: (i % 1000) + 1, location };
      previous = id;
    }
    // Reverse order: dependents come before their dependencies in the list.
    achievements.reverse();
    const graph = buildDependencyGraph(achievements);
    expect(findCycles(graph)).toEqual([]);
    const levels = computeLevels(graph);
    expect(levels[graph.indexOf.get('1.1') as number]).toBe(0);
    expect(levels[graph.indexOf.get('1000.1000') as number]).toBe(n - 1);

    const plan: LoadedPlan = {
      name: 'CHAIN',
      dir: '/plans/CHAIN',
      achievements,
      dependencySource: 'parallel.json',
      files: { byNm: new Map(), unrecognised: [] },
      diagnostics: [],
    };
    const analysis = analyzePlan(plan, { diagnostics: [] });
    expect(analysis.waves.length).toBe(n);
    expect(analysis.criticalPath.ids.length).toBe(n);
    expect(analysis.criticalPath.hours).toEqual({ min: n, max: 2 * n });
    expect(analysis.nextAvailable).toEqual(['1.1']);
  });
});
