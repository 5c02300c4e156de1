/**
 * Small plan folders for executor tests, written literally so that the
 * expected line:column of each problem can be read off the text.
 */

/** Three achievements, 2.1 after 1.1 and 1.2; no problems. */
export const GOOD_PLAN: Record<string, string> = {
  'plans/GOOD/PLAN_GOOD.md': `# PLAN: GOOD

- Achievement 1.1: Set up
- Achievement 1.2: Add tests
- Achievement 2.1: Ship it
`,
  'plans/GOOD/parallel.json': `{
  "plan_name": "GOOD",
  "parallelization_level": "level_2",
  "achievements": [
    { "achievement_id": "1.1", "title": "Set up", "dependencies": [] },
    { "achievement_id": "1.2", "title": "Add tests", "dependencies": [] },
    { "achievement_id": "2.1", "title": "Ship it", "dependencies": ["1.1", "1.2"] }
  ]
}
`,
};

/** 2.1 depends on 9.9, which does not exist: PLAN004 at parallel.json:6:80 (the "9.9" string). */
export const BAD_PLAN: Record<string, string> = {
  'plans/BAD/PLAN_BAD.md': `# PLAN: BAD

- Achievement 1.1: Set up
- Achievement 2.1: Build on it
`,
  'plans/BAD/parallel.json': `{
  "plan_name": "BAD",
  "parallelization_level": "level_2",
  "achievements": [
    { "achievement_id": "1.1", "title": "Set up", "dependencies": [] },
    { "achievement_id": "2.1", "title": "Build on it", "dependencies": ["1.1", "9.9"] }
  ]
}
`,
};

/** Title differs between PLAN and parallel.json: one warning (PLAN015) at parallel.json:5:41 (the title value). */
export const WARN_PLAN: Record<string, string> = {
  'plans/WARN/PLAN_WARN.md': `# PLAN: WARN

- Achievement 1.1: Set up
`,
  'plans/WARN/parallel.json': `{
  "plan_name": "WARN",
  "parallelization_level": "level_2",
  "achievements": [
    { "achievement_id": "1.1", "title": "Set up the repository", "dependencies": [] }
  ]
}
`,
};
