/**
 * SPEC §5: everything is iterative. A chain of 100,000 achievements, written to
 * real files on disk (dependents listed before their dependencies, so a
 * recursive walk would go 100,000 frames deep), goes through load + validate +
 * analyze without a stack overflow.
 * (tools/bench/engine.mjs runs 1,000,000.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePlan, loadPlanFolder, validatePlan } from '@nx-plan/core';

const N = 100_000;
/** `1.001` … `1.999`, `2.001` …: dot-less forms stay unique. */
const idOf = (i: number) => `${Math.floor(i / 999) + 1}.${String((i % 999) + 1).padStart(3, '0')}`;

describe(`a chain of ${N.toLocaleString('en-US')} achievements from disk`, () => {
  jest.setTimeout(120_000);
  let root: string;
  let dir: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-plan-chain-'));
    dir = join(root, 'plans', 'CHAIN');
    mkdirSync(dir, { recursive: true });
    const index: string[] = [];
    const entries: string[] = [];
    for (let i = N - 1; i >= 0; i--) {
      index.push(`**Achievement ${idOf(i)}**: Step ${i} (1h)`);
      entries.push(
        `    { "achievement_id": "${idOf(i)}", "title": "Step ${i}", "estimated_hours": 1, "dependencies": [${i === 0 ? '' : `"${idOf(i - 1)}"`}] }`,
      );
    }
    writeFileSync(join(dir, 'PLAN_CHAIN.md'), `# PLAN: CHAIN\n\n## Achievement Index\n\n${index.join('\n')}\n`);
    writeFileSync(
      join(dir, 'parallel.json'),
      `{\n  "plan_name": "CHAIN",\n  "parallelization_level": "level_3",\n  "achievements": [\n${entries.join(',\n')}\n  ]\n}\n`,
    );
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loads, validates and analyzes it: one wave per achievement, the whole chain is the critical path', () => {
    const plan = loadPlanFolder(dir);
    expect(plan.achievements).toHaveLength(N);

    const diagnostics = validatePlan(plan);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const analysis = analyzePlan(plan, { diagnostics });
    expect(analysis.waves).toHaveLength(N);
    expect(analysis.waves[0]).toEqual(['1.001']);
    expect(analysis.waves[N - 1]).toEqual([idOf(N - 1)]);
    expect(analysis.criticalPath.ids).toHaveLength(N);
    expect(analysis.criticalPath.ids[0]).toBe('1.001');
    expect(analysis.criticalPath.ids[N - 1]).toBe(idOf(N - 1));
    expect(analysis.criticalPath.hours).toEqual({ min: N, max: N });
    expect(analysis.nextAvailable).toEqual(['1.001']);
    const last = analysis.achievements.find((a) => a.id === idOf(N - 1));
    expect(last?.level).toBe(N - 1);
    expect(analysis.parallelOpportunities).toEqual([]);
  });
});
