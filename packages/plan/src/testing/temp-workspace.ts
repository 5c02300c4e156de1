/**
 * Test helper: a real temporary folder populated from a map of
 * workspace-relative paths to contents, removed by `cleanup()`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempWorkspace {
  root: string;
  write(files: Record<string, string>): void;
  path(relative: string): string;
  cleanup(): void;
}

export function createTempWorkspace(prefix = 'nx-plan-'): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    write(files) {
      for (const [relative, content] of Object.entries(files)) {
        const target = join(root, relative);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    },
    path: (relative) => join(root, relative),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A parallel.json document as text. */
export function parallelJson(
  planName: string,
  achievements: { id: string; title?: string; dependencies?: string[] }[]
): string {
  return JSON.stringify(
    {
      plan_name: planName,
      parallelization_level: 'level_3',
      achievements: achievements.map((a) => ({
        achievement_id: a.id,
        title: a.title ?? `Achievement ${a.id}`,
        dependencies: a.dependencies ?? [],
      })),
    },
    null,
    2
  );
}

/** A small PLAN markdown with index lines for the given achievements. */
export function planMarkdown(planName: string, achievements: { id: string; title?: string }[]): string {
  const lines = [`# PLAN: ${planName}`, '', '## Achievement Index', ''];
  for (const a of achievements) {
    lines.push(`- Achievement ${a.id}: ${a.title ?? `Achievement ${a.id}`}`);
  }
  return lines.join('\n') + '\n';
}
