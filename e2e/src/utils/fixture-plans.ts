import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface FixtureAchievement {
  id: string;
  title: string;
  dependencies: string[];
  /** e.g. `2` or `'1-2'` */
  hours: number | string;
}

export interface FixturePlan {
  name: string;
  goal: string;
  achievements: FixtureAchievement[];
  /** Write parallel.json from `achievements` (true), write this raw text, or write none (false). */
  parallelJson: boolean | string;
  /** Extra files, plan-folder-relative path → content. */
  files?: Record<string, string>;
}

/** `1.2` → `12`: the file-name form of an achievement id (SPEC §1). */
export function nm(id: string): string {
  return id.replace('.', '');
}

/** Markdown of a PLAN in the corpus style: an index of achievements and one detail section each. */
export function planMarkdown(plan: FixturePlan): string {
  const priorities = [...new Set(plan.achievements.map((a) => a.id.split('.')[0]))];
  const lines: string[] = [`# PLAN: ${plan.name}`, '', `**Goal**: ${plan.goal}`, '', '## Achievement Index', ''];
  for (const priority of priorities) {
    lines.push(`**Priority ${priority}**`, '');
    for (const a of plan.achievements.filter((x) => x.id.split('.')[0] === priority)) {
      lines.push(`**Achievement ${a.id}**: ${a.title} (${a.hours}h)`);
    }
    lines.push('');
  }
  lines.push('## Desirable Achievements', '');
  for (const a of plan.achievements) {
    lines.push(
      `**Achievement ${a.id}: ${a.title}** ⏱️ ${a.hours} hours`,
      '',
      `- **Goal**: Deliver "${a.title}" for the ${plan.name} e2e fixture`,
      '- **Deliverables**:',
      `  1. Module for ${a.title.toLowerCase()}`,
      `  2. Tests for ${a.title.toLowerCase()}`,
      '- **Implementation Approach**:',
      `  - Build ${a.title.toLowerCase()} in small steps`,
      `- **Dependencies**: ${a.dependencies.length > 0 ? a.dependencies.join(', ') : 'None'}`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

export function parallelJsonText(plan: FixturePlan): string {
  const doc = {
    plan_name: plan.name,
    parallelization_level: 'level_3',
    created_date: '2026-11-01',
    achievements: plan.achievements.map((a) => ({
      achievement_id: a.id,
      title: a.title,
      dependencies: a.dependencies,
      estimated_hours: a.hours,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes the plan folder `<plansRoot>/<name>/` and returns its path. */
export function writeFixturePlan(plansRoot: string, plan: FixturePlan): string {
  const dir = join(plansRoot, plan.name);
  const write = (rel: string, content: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  };
  write(`PLAN_${plan.name}.md`, planMarkdown(plan));
  if (plan.parallelJson === true) write('parallel.json', parallelJsonText(plan));
  else if (typeof plan.parallelJson === 'string') write('parallel.json', plan.parallelJson);
  for (const [rel, content] of Object.entries(plan.files ?? {})) write(rel, content);
  return dir;
}

export const subplanFile = (plan: string, id: string) => `subplans/SUBPLAN_${plan}_${nm(id)}.md`;
export const executionFile = (plan: string, id: string, attempt = 1) =>
  `execution/EXECUTION_TASK_${plan}_${nm(id)}_${String(attempt).padStart(2, '0')}.md`;
export const approvedFile = (id: string) => `execution/feedbacks/APPROVED_${nm(id)}.md`;

/**
 * E2E-FLOW: one achievement done, the rest untouched.
 *
 *   1.1 (done) ─┬─> 1.2 ─┐
 *               └─> 1.3 ─┴─> 2.1 ─┐
 *   2.2 ──────────────────────────┴─> 3.1
 *
 * By hand: levels 1.1:0 1.2:1 1.3:1 2.1:2 2.2:0 3.1:3; ready = 1.2, 1.3, 2.2;
 * next available (level, priority, id) = 2.2, 1.2, 1.3; the longest hour
 * chain is 1.1(2) → 1.2(3) → 2.1(4) → 3.1(2).
 */
export const FLOW_PLAN: FixturePlan = {
  name: 'E2E-FLOW',
  goal: 'Exercise status and the batch generators',
  achievements: [
    { id: '1.1', title: 'Storage Layer Ready', dependencies: [], hours: 2 },
    { id: '1.2', title: 'Query Parser Written', dependencies: ['1.1'], hours: 3 },
    { id: '1.3', title: 'Index Builder Written', dependencies: ['1.1'], hours: '1-2' },
    { id: '2.1', title: 'Search Endpoint Exposed', dependencies: ['1.2', '1.3'], hours: 4 },
    { id: '2.2', title: 'Metrics Dashboard Drafted', dependencies: [], hours: 1 },
    { id: '3.1', title: 'Release Candidate Tagged', dependencies: ['2.1', '2.2'], hours: 2 },
  ],
  parallelJson: true,
  files: {
    [subplanFile('E2E-FLOW', '1.1')]: '# SUBPLAN 1.1\n\nStorage layer design.\n',
    [executionFile('E2E-FLOW', '1.1')]: '# EXECUTION 1.1\n\nDone.\n',
    [approvedFile('1.1')]: '# APPROVED 1.1\n',
  },
};

/**
 * E2E-RUN: every achievement has its SUBPLAN and EXECUTION_TASK, so the whole
 * plan can run through the task graph; 1.3 is already APPROVED (complete).
 *
 *   1.1 ─┬─> 2.1 ─┐
 *   1.2 ─┘        ├─> 3.1
 *   1.3 ───> 2.2 ─┘
 */
export const RUN_PLAN: FixturePlan = (() => {
  const achievements: FixtureAchievement[] = [
    { id: '1.1', title: 'Fetch Sources', dependencies: [], hours: 1 },
    { id: '1.2', title: 'Fetch Assets', dependencies: [], hours: 1 },
    { id: '1.3', title: 'Fetch Fonts', dependencies: [], hours: 1 },
    { id: '2.1', title: 'Bundle Sources', dependencies: ['1.1', '1.2'], hours: 1 },
    { id: '2.2', title: 'Subset Fonts', dependencies: ['1.3'], hours: 1 },
    { id: '3.1', title: 'Publish Site', dependencies: ['2.1', '2.2'], hours: 1 },
  ];
  const files: Record<string, string> = {};
  for (const a of achievements) {
    files[subplanFile('E2E-RUN', a.id)] = `# SUBPLAN ${a.id}: ${a.title}\n`;
    files[executionFile('E2E-RUN', a.id)] = `# EXECUTION ${a.id}: ${a.title}\n`;
  }
  files[approvedFile('1.3')] = '# APPROVED 1.3\n';
  return { name: 'E2E-RUN', goal: 'Run achievements through the Nx task graph', achievements, parallelJson: true, files };
})();

/** E2E-CYCLE: 1.1 → 1.2 → 1.3 → 1.1 (each arrow: "is a dependency of"), plus 2.1 hanging off the cycle. */
export const CYCLE_PLAN: FixturePlan = {
  name: 'E2E-CYCLE',
  goal: 'A dependency cycle',
  achievements: [
    { id: '1.1', title: 'First Step', dependencies: ['1.3'], hours: 1 },
    { id: '1.2', title: 'Second Step', dependencies: ['1.1'], hours: 1 },
    { id: '1.3', title: 'Third Step', dependencies: ['1.2'], hours: 1 },
    { id: '2.1', title: 'After The Loop', dependencies: ['1.1'], hours: 1 },
  ],
  parallelJson: true,
};

/**
 * E2E-BROKEN: parallel.json whose line 5 is cut short — the parser fails on
 * line 5 (the `}` where a value for "title" should be).
 */
export const BROKEN_PLAN: FixturePlan = {
  name: 'E2E-BROKEN',
  goal: 'Malformed parallel.json',
  achievements: [{ id: '1.1', title: 'Only Step', dependencies: [], hours: 1 }],
  parallelJson: [
    '{',
    '  "plan_name": "E2E-BROKEN",',
    '  "parallelization_level": "level_2",',
    '  "achievements": [',
    '    { "achievement_id": "1.1", "title": }',
    '  ]',
    '}',
    '',
  ].join('\n'),
};

/** E2E-DRAFT: no parallel.json; discover has to infer one. */
export const DRAFT_PLAN: FixturePlan = {
  name: 'E2E-DRAFT',
  goal: 'Infer a dependency tree',
  achievements: [
    { id: '1.1', title: 'Outline Chapters', dependencies: [], hours: 1 },
    { id: '1.2', title: 'Collect Screenshots', dependencies: [], hours: 1 },
    { id: '2.1', title: 'Write Chapters', dependencies: [], hours: '2-3' },
  ],
  parallelJson: false,
};
