/**
 * A plan folder on disk for tests: a fresh temp dir per test, files written
 * by relative path, removed afterwards.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TempPlanFolder {
  /** The plan folder (absolute). */
  dir: string;
  write(relative: string, content: string): void;
  remove(): void;
}

export function createTempPlanFolder(name: string): TempPlanFolder {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-core-'));
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  return {
    dir,
    write(relative, content) {
      const file = path.join(dir, ...relative.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** `**Achievement <id>**: <title>` index lines plus optional detail sections (`### Achievement <id>: <title>` + body; the parser keeps a body only when it has fields such as `**Goal**:`). */
export function planMarkdown(name: string, achievements: { id: string; title: string; body?: string }[]): string {
  const lines = [`# PLAN: ${name}`, '', '## Achievement Index', ''];
  for (const a of achievements) lines.push(`**Achievement ${a.id}**: ${a.title}`);
  lines.push('', '## Achievements', '');
  for (const a of achievements) {
    if (a.body === undefined) continue;
    lines.push(`### Achievement ${a.id}: ${a.title}`, '', a.body, '');
  }
  return lines.join('\n');
}

/** A parallel.json text: `{ '1.1': [], '1.2': ['1.1'] }`. */
export function parallelJson(name: string, dependencies: Record<string, string[]>, titles: Record<string, string> = {}): string {
  return `${JSON.stringify(
    {
      plan_name: name,
      parallelization_level: 'level_2',
      achievements: Object.entries(dependencies).map(([id, deps]) => ({ achievement_id: id, ...(titles[id] ? { title: titles[id] } : {}), dependencies: deps })),
    },
    null,
    2,
  )}\n`;
}
