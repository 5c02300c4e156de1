/**
 * In-memory plans for graph, analysis and render tests: no files needed.
 * Each achievement sits at `/achievements/<i>` of a parallel.json whose
 * entries start on line 4 + 6·i (see planText for a matching document).
 */
import type { AchievementFiles, AchievementNode, HoursRange, LoadedPlan } from '../model/types';

export interface FixtureAchievement {
  id: string;
  deps?: string[];
  hours?: HoursRange;
  title?: string;
}

export function nodeOf(a: FixtureAchievement, i: number, file = 'parallel.json'): AchievementNode {
  const [priority, index] = a.id.split('.').map(Number);
  return {
    id: a.id,
    title: a.title ?? `Achievement ${a.id}`,
    dependencies: a.deps ?? [],
    ...(a.hours ? { estimate: a.hours } : {}),
    priority,
    index,
    location: { file, line: 4 + 6 * i, column: 5, pointer: `/achievements/${i}` },
  };
}

/** Files per id: `{ '1.1': { approved: true } }` → AchievementFiles keyed by `<NM>`. */
export type FixtureFiles = Record<string, { subplan?: boolean; executions?: number; approved?: boolean; fix?: boolean; skipped?: boolean; inProgress?: boolean }>;

export function planOf(achievements: FixtureAchievement[], options: { name?: string; files?: FixtureFiles; withText?: boolean } = {}): LoadedPlan {
  const name = options.name ?? 'DEMO';
  const byNm = new Map<string, AchievementFiles>();
  for (const [id, f] of Object.entries(options.files ?? {})) {
    const nm = id.replace('.', '');
    const files: AchievementFiles = {
      executions: Array.from({ length: f.executions ?? 0 }, (_, k) => ({
        attempt: k + 1,
        file: `execution/EXECUTION_TASK_${name}_${nm}_${String(k + 1).padStart(2, '0')}.md`,
      })),
    };
    if (f.subplan) files.subplan = `subplans/SUBPLAN_${name}_${nm}.md`;
    if (f.approved) files.approved = `execution/feedbacks/APPROVED_${nm}.md`;
    if (f.fix) files.fix = `execution/feedbacks/FIX_${nm}.md`;
    if (f.skipped) files.skipped = `execution/SKIPPED_${nm}.md`;
    if (f.inProgress) files.marker = { file: `execution/.in-progress-${nm}.json`, pid: 1, stale: false };
    byNm.set(nm, files);
  }
  const plan: LoadedPlan = {
    name,
    dir: `/plans/${name}`,
    parallelFile: 'parallel.json',
    achievements: achievements.map((a, i) => nodeOf(a, i)),
    dependencySource: 'parallel.json',
    files: { byNm, unrecognised: [] },
    diagnostics: [],
  };
  if (options.withText) plan.parallelText = planText(name, achievements);
  return plan;
}

/**
 * parallel.json text in which achievement i starts on line 4 + 6·i: line
 * 4+6i is `    {`, then id, title, estimate, dependencies (one line,
 * line 8+6i, `"dependencies": [` at column 7), `    }`.
 */
export function planText(name: string, achievements: FixtureAchievement[]): string {
  const lines = ['{', `  "plan_name": "${name}",`, '  "achievements": ['];
  achievements.forEach((a, i) => {
    lines.push('    {');
    lines.push(`      "achievement_id": "${a.id}",`);
    lines.push(`      "title": "Achievement ${a.id}",`);
    lines.push(`      "estimated_hours": 1,`);
    lines.push(`      "dependencies": [${(a.deps ?? []).map((d) => `"${d}"`).join(', ')}]`);
    lines.push(i === achievements.length - 1 ? '    }' : '    },');
  });
  lines.push('  ],', '  "parallelization_level": "level_2"', '}');
  return lines.join('\n') + '\n';
}
