/**
 * Test fixtures for the batch generators: small plans written into a Tree,
 * and the shared corpus copied into one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Tree } from '@nx/devkit';

export interface FixtureAchievement {
  id: string;
  title: string;
  dependencies?: string[];
  hours?: string;
  goal?: string;
  deliverables?: string[];
  criteria?: string[];
  tests?: string[];
}

export interface FixturePlan {
  name: string;
  achievements: FixtureAchievement[];
  /** Extra fields merged into parallel.json. */
  parallel?: Record<string, unknown>;
}

/** PLAN markdown with an index and a detail section per achievement. */
export function planMarkdown(plan: FixturePlan): string {
  const lines = [`# PLAN: ${plan.name}`, '', '## Achievement Index', ''];
  for (const a of plan.achievements) lines.push(`**Achievement ${a.id}**: ${a.title}${a.hours ? ` (${a.hours}h)` : ''}`);
  lines.push('', '## Desirable Achievements', '');
  for (const a of plan.achievements) {
    lines.push(`**Achievement ${a.id}: ${a.title}**${a.hours ? ` ⏱️ ${a.hours} hours` : ''}`, '');
    if (a.goal) lines.push(`- **Goal**: ${a.goal}`);
    if (a.deliverables?.length) {
      lines.push('- **Deliverables**:');
      a.deliverables.forEach((d, i) => lines.push(`  ${i + 1}. ${d}`));
    }
    if (a.criteria?.length) {
      lines.push('- **Success Criteria**:');
      a.criteria.forEach((c) => lines.push(`  - ${c}`));
    }
    if (a.tests?.length) {
      lines.push('- **Testing Requirements**:');
      a.tests.forEach((t) => lines.push(`  - ${t}`));
    }
    lines.push(`- **Dependencies**: ${a.dependencies?.length ? a.dependencies.join(', ') : 'None'}`, '');
  }
  return `${lines.join('\n')}\n`;
}

export function parallelJson(plan: FixturePlan): string {
  return `${JSON.stringify(
    {
      plan_name: plan.name,
      parallelization_level: 'level_2',
      achievements: plan.achievements.map((a) => ({
        achievement_id: a.id,
        title: a.title,
        dependencies: a.dependencies ?? [],
        ...(a.hours ? { estimated_hours: a.hours.includes('-') ? a.hours : Number(a.hours) } : {}),
      })),
      ...plan.parallel,
    },
    null,
    2,
  )}\n`;
}

/** Write PLAN_<NAME>.md and parallel.json into `dir` of the tree. */
export function writePlan(tree: Tree, dir: string, plan: FixturePlan): void {
  tree.write(`${dir}/PLAN_${plan.name}.md`, planMarkdown(plan));
  tree.write(`${dir}/parallel.json`, parallelJson(plan));
}

/** The shared corpus, `<repo root>/../shared/corpus`, or undefined when absent. */
export function corpusDir(): string | undefined {
  const repoRoot = resolve(__dirname, '../../../../../..');
  const dir = resolve(repoRoot, '../shared/corpus');
  return existsSync(dir) ? dir : undefined;
}

/** Copy a folder from disk into the tree (iterative). */
export function copyIntoTree(tree: Tree, from: string, to: string): void {
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    for (const child of readdirSync(join(from, rel))) {
      const childRel = rel === '' ? child : `${rel}/${child}`;
      const abs = join(from, childRel);
      if (statSync(abs).isDirectory()) pending.push(childRel);
      else tree.write(`${to}/${childRel}`, readFileSync(abs));
    }
  }
}

/** A small plan: 1.1 → 1.2 → 2.1, 1.1 → 1.3, plus 2.2 independent. */
export const SMALL_PLAN: FixturePlan = {
  name: 'DEMO',
  achievements: [
    {
      id: '1.1',
      title: 'Parser Written',
      hours: '2-3',
      goal: 'Parse the input format into a typed model.',
      deliverables: ['`src/parser.ts` with the parse function', 'Fixtures under `test/fixtures/`'],
      criteria: ['Every fixture parses', 'Errors carry line numbers'],
      tests: ['Unit tests for each fixture'],
    },
    { id: '1.2', title: 'Checker Written', hours: '1-2', dependencies: ['1.1'], goal: 'Check the parsed model.' },
    { id: '1.3', title: 'Docs Drafted', dependencies: ['1.1'] },
    { id: '2.1', title: 'CLI Wired', hours: '3', dependencies: ['1.2'], goal: 'Expose the checker on the command line.' },
    { id: '2.2', title: 'Logo Drawn' },
  ],
};
