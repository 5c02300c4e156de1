import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateParallelJson } from './validate-parallel-json';

const repoRoot = path.resolve(__dirname, '../../../..');
const examples = path.join(repoRoot, 'docs', 'examples');
const schemaFile = path.join(repoRoot, 'packages', 'schema', 'src', 'schemas', 'parallel.schema.json');

describe.each(['level_1', 'level_2', 'level_3'])('docs/examples/%s/parallel.json', (level) => {
  const file = path.join(examples, level, 'parallel.json');
  const text = readFileSync(file, 'utf8');

  it('passes strict validation with no diagnostic at all', () => {
    const result = validateParallelJson(text, { file, strict: true });
    expect(result.diagnostics).toEqual([]);
    expect(result.data?.parallelization_level).toBe(level);
  });

  it('points $schema at the published strict schema', () => {
    const data = JSON.parse(text) as { $schema: string };
    expect(path.resolve(path.dirname(file), data.$schema)).toBe(schemaFile);
  });

  it('has a dependency tree whose ids all exist and come before their dependents', () => {
    const data = JSON.parse(text) as { achievements: { achievement_id: string; dependencies: string[] }[] };
    const seen = new Set<string>();
    for (const a of data.achievements) {
      for (const d of a.dependencies) expect([a.achievement_id, d, seen.has(d)]).toEqual([a.achievement_id, d, true]);
      seen.add(a.achievement_id);
    }
  });
});

describe('the examples show what their level means', () => {
  const load = (level: string) =>
    (JSON.parse(readFileSync(path.join(examples, level, 'parallel.json'), 'utf8')) as { achievements: { achievement_id: string; dependencies: string[] }[] }).achievements;
  const priority = (id: string) => id.split('.')[0];

  it('level_1 is a chain between achievements (the parallel parts are inside one achievement)', () => {
    const achievements = load('level_1');
    achievements.forEach((a, i) => expect(a.dependencies).toEqual(i === 0 ? [] : [achievements[i - 1].achievement_id]));
  });

  it('level_2: achievements of one priority are independent of each other', () => {
    for (const a of load('level_2')) {
      expect(a.dependencies.filter((d) => priority(d) === priority(a.achievement_id))).toEqual([]);
    }
  });

  it('level_3: some achievement depends on an earlier priority while skipping the one just before it', () => {
    const achievements = load('level_3');
    const crossing = achievements.filter((a) => a.dependencies.length > 0 && a.dependencies.every((d) => Number(priority(d)) < Number(priority(a.achievement_id)) - 1));
    expect(crossing.map((a) => a.achievement_id)).toEqual(['3.1']);
  });
});
