/**
 * fast-check arbitraries for plan folders: random bytes and random JSON as
 * parallel.json, and random plans that are mostly well-formed but mix in the
 * mistakes real plans make (unknown and self dependencies, cycles, duplicate
 * ids, `<NM>` collisions, ids with slashes, unsafe plan names, odd estimates,
 * lifecycle files for unknown ids, broken in_progress markers, a parallel.json
 * that is a folder).
 */
import fc from 'fast-check';

/** Files of one plan folder: relative path → content; `null` makes a directory. */
export type PlanFolderFiles = Record<string, string | Uint8Array | null>;

export const FUZZ_PLAN = 'FUZZ';

/** Ids whose dot-less forms collide (1.11 / 11.1) come up often with numbers 0..12. */
const wellFormedId = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(([p, i]) => `${p}.${i}`);
const oddId = fc.constantFrom('1/2', '../1.1', '1.1/..', 'x', '', ' 1.1', '1.1.1', '1.', '.1', '01.1', '１.１', '1.1\n');
const anyId = fc.oneof({ weight: 6, arbitrary: wellFormedId }, { weight: 1, arbitrary: oddId });

const hours = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.constantFrom('4-6', '2-3', '6-4', '-1', 'a-b', '4 - 6', ''),
  fc.double({ noNaN: false }),
  fc.constant(null),
);

const planName = fc.oneof(
  { weight: 8, arbitrary: fc.constant(FUZZ_PLAN) },
  { weight: 1, arbitrary: fc.constantFrom('../../x', 'FUZZ/..', '', 'a b', '.', '..', 'OTHER', 'fuzz') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const oneAchievement = fc.record(
  {
    id: anyId,
    title: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null)),
    /** Indexes into the plan's id list (dependencies on existing ids, self and cycles) or free ids (unknown ones). */
    depIndexes: fc.array(fc.nat({ max: 15 }), { maxLength: 4 }),
    freeDeps: fc.array(anyId, { maxLength: 2 }),
    hours,
    status: fc.constantFrom(undefined, 'not_started', 'complete', 'in_progress', 'bogus'),
    extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  },
  { requiredKeys: ['id', 'depIndexes', 'freeDeps'] },
);

const lifecycleFile = fc.record({
  kind: fc.constantFrom('subplan', 'execution', 'approved', 'fix', 'skipped', 'marker', 'markerDir'),
  idIndex: fc.nat({ max: 15 }),
  strayId: fc.option(wellFormedId, { nil: undefined }),
  attempt: fc.integer({ min: 0, max: 3 }),
  markerText: fc.oneof(
    fc.constant('{"pid": 1, "startedAt": "2026-01-01T00:00:00Z", "achievement": "1.1"}'),
    fc.constant('{"pid": 999999999, "startedAt": "x", "achievement": "1.1"}'),
    fc.string({ maxLength: 20 }),
  ),
});

export interface RandomPlan {
  planName: string;
  level: unknown;
  achievements: {
    id: string;
    title?: string | number | null;
    depIndexes: number[];
    freeDeps: string[];
    hours?: unknown;
    status?: string;
    extra?: unknown;
  }[];
  /** Which achievements the PLAN markdown lists (indexes), plus extra ids only in the PLAN. */
  inPlan: number[];
  onlyInPlan: string[];
  files: { kind: string; idIndex: number; strayId?: string; attempt: number; markerText: string }[];
  parallelIsDirectory: boolean;
  planStyle: 'index' | 'sections' | 'none';
}

export const randomPlan: fc.Arbitrary<RandomPlan> = fc.record({
  planName,
  level: fc.constantFrom('level_1', 'level_2', 'level_3', 'level_9', 3, null),
  achievements: fc.array(oneAchievement, { maxLength: 14 }),
  inPlan: fc.array(fc.nat({ max: 15 }), { maxLength: 14 }),
  onlyInPlan: fc.array(wellFormedId, { maxLength: 2 }),
  files: fc.array(lifecycleFile, { maxLength: 8 }),
  parallelIsDirectory: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  planStyle: fc.constantFrom('index', 'sections', 'none'),
}) as fc.Arbitrary<RandomPlan>;

function nm(id: string): string {
  return id.replace('.', '');
}

/** The files of a random plan, in folder `plans/FUZZ`. */
export function filesOfRandomPlan(plan: RandomPlan): PlanFolderFiles {
  const ids = plan.achievements.map((a) => a.id);
  const pick = (index: number) => (ids.length === 0 ? '1.1' : ids[index % ids.length]);
  const files: PlanFolderFiles = {};

  const achievements = plan.achievements.map((a) => {
    const entry: Record<string, unknown> = {
      achievement_id: a.id,
      dependencies: [...a.depIndexes.map(pick), ...a.freeDeps],
    };
    if (a.title !== undefined) entry['title'] = a.title;
    if (a.hours !== undefined) entry['estimated_hours'] = a.hours;
    if (a.status !== undefined) entry['status'] = a.status;
    if (a.extra !== undefined) entry['notes_extra'] = a.extra;
    return entry;
  });
  const parallel = { plan_name: plan.planName, parallelization_level: plan.level, achievements };
  files['parallel.json'] = plan.parallelIsDirectory ? null : JSON.stringify(parallel, null, 2);

  const listed = [...new Set(plan.inPlan.map(pick)), ...plan.onlyInPlan];
  const title = (id: string) => {
    const found = plan.achievements.find((a) => a.id === id);
    return typeof found?.title === 'string' ? found.title : `Step ${id}`;
  };
  const lines = [`# PLAN: ${FUZZ_PLAN}`, ''];
  if (plan.planStyle === 'index') {
    lines.push('## Achievement Index', '');
    for (const id of listed) lines.push(`**Achievement ${id}**: ${title(id)} (2-3h)`);
  } else if (plan.planStyle === 'sections') {
    for (const id of listed) {
      lines.push(`### Achievement ${id}: ${title(id)}`, '', `**Goal**: do ${id}`, '', `**Dependencies**: ${ids.slice(0, 2).join(', ') || 'None'}`, '');
    }
  } else {
    lines.push('No achievements are listed here.');
  }
  files[`PLAN_${FUZZ_PLAN}.md`] = lines.join('\n') + '\n';

  for (const f of plan.files) {
    const id = f.strayId ?? pick(f.idIndex);
    switch (f.kind) {
      case 'subplan':
        files[`subplans/SUBPLAN_${FUZZ_PLAN}_${nm(id)}.md`] = `# SUBPLAN ${id}\n`;
        break;
      case 'execution':
        files[`execution/EXECUTION_TASK_${FUZZ_PLAN}_${nm(id)}_${String(f.attempt).padStart(2, '0')}.md`] = `# EXECUTION ${id}\n`;
        break;
      case 'approved':
        files[`execution/feedbacks/APPROVED_${nm(id)}.md`] = 'ok\n';
        break;
      case 'fix':
        files[`execution/feedbacks/FIX_${nm(id)}.md`] = 'fix it\n';
        break;
      case 'skipped':
        files[`execution/SKIPPED_${nm(id)}.md`] = 'skipped\n';
        break;
      case 'marker':
        files[`execution/.in-progress/IN_PROGRESS_${nm(id)}.json`] = f.markerText;
        break;
      case 'markerDir':
        files[`subplans/SUBPLAN_${FUZZ_PLAN}_${nm(id)}.md`] = null;
        break;
    }
  }
  return files;
}

/** A valid PLAN next to a parallel.json made of arbitrary bytes. */
export const randomBytesFolder: fc.Arbitrary<PlanFolderFiles> = fc
  .uint8Array({ maxLength: 300 })
  .map((bytes) => ({ [`PLAN_${FUZZ_PLAN}.md`]: `# PLAN: ${FUZZ_PLAN}\n\n- Achievement 1.1: One\n`, 'parallel.json': bytes }));

/** A valid PLAN next to a parallel.json holding any JSON value (often almost a plan). */
export const randomJsonFolder: fc.Arbitrary<PlanFolderFiles> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.record(
      {
        plan_name: fc.jsonValue({ maxDepth: 1 }),
        parallelization_level: fc.jsonValue({ maxDepth: 1 }),
        achievements: fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.array(fc.dictionary(fc.constantFrom('achievement_id', 'dependencies', 'title', 'estimated_hours', 'status', 'x'), fc.jsonValue({ maxDepth: 2 }))),
        ),
      },
      { requiredKeys: [] },
    ),
  )
  .map((value) => ({
    [`PLAN_${FUZZ_PLAN}.md`]: `# PLAN: ${FUZZ_PLAN}\n\n- Achievement 1.1: One\n- Achievement 1.2: Two\n`,
    'parallel.json': JSON.stringify(value, null, 2) ?? 'undefined',
  }));

/** Random text as the PLAN markdown and no parallel.json (dependencies are inferred). */
export const randomMarkdownFolder: fc.Arbitrary<PlanFolderFiles> = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 40 }),
      wellFormedId.map((id) => `**Achievement ${id}**: Title ${id} (1-2h)`),
      wellFormedId.map((id) => `### Achievement ${id}: Section ${id}`),
      anyId.map((id) => `- Achievement ${id}: depends on ${id}`),
      fc.constantFrom('**Dependencies**: 1.1, 2.1', '```', '> quote', '**Goal**:', '  - item', '⏱️ 4-6 hours'),
    ),
    { maxLength: 25 },
  )
  .map((lines) => ({ [`PLAN_${FUZZ_PLAN}.md`]: lines.join('\n') }));
