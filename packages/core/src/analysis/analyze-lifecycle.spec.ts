/**
 * The run lifecycle in the analysis, on real plan folders: awaiting_review
 * (dependents stay blocked, the recommendation is to review), achievements
 * only in the PLAN, run records and file overlaps, in the table and the JSON.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPlanFolder } from '../files/load-plan-folder';
import { awaitingReviewPath, executionPath, fixPathForAttempt, runRecordContent, runRecordPath, subplanPath } from '../files/plan-file-names';
import { renderStatus } from '../render/render-status';
import { toStatusDocument } from '../render/status-document';
import { createTempPlanFolder, parallelJson, planMarkdown, type TempPlanFolder } from '../testing/temp-plan-folder';
import { analyzePlan } from './analyze-plan';

const NAME = 'WEB';
let folder: TempPlanFolder;

beforeEach(() => {
  folder = createTempPlanFolder(NAME);
});
afterEach(() => folder.remove());

function writePlan(achievements: { id: string; title: string; goal?: string }[], dependencies: Record<string, string[]>): void {
  folder.write(`PLAN_${NAME}.md`, planMarkdown(NAME, achievements.map((a) => ({ id: a.id, title: a.title, ...(a.goal ? { body: `**Goal**: ${a.goal}` } : {}) }))));
  folder.write('parallel.json', parallelJson(NAME, dependencies));
}

/** SUBPLAN and EXECUTION_TASK attempts 1..n of id. */
function executed(id: string, attempts = 1): void {
  folder.write(subplanPath(NAME, id), '# SUBPLAN');
  for (let k = 1; k <= attempts; k++) folder.write(executionPath(NAME, id, k), '# EXECUTION');
}

const analyse = () => analyzePlan(loadPlanFolder(folder.dir), { projectName: 'plan-web' });

describe('awaiting_review in the analysis', () => {
  beforeEach(() => {
    writePlan(
      [
        { id: '1.1', title: 'Layout' },
        { id: '1.2', title: 'Styles' },
        { id: '2.1', title: 'Pages' },
      ],
      { '1.1': [], '1.2': [], '2.1': ['1.1', '1.2'] },
    );
    executed('1.1');
    executed('1.2', 2);
    folder.write(awaitingReviewPath('1.1', 1), 'agent exited 0');
    folder.write(fixPathForAttempt('1.2', 1), 'fix it');
    folder.write(awaitingReviewPath('1.2', 2), 'agent exited 0');
    folder.write('execution/feedbacks/APPROVED_12.md', 'ok');
  });

  it('keeps dependents blocked and recommends a review with the ways to record the verdict, never Execute', () => {
    const analysis = analyse();
    const byId = Object.fromEntries(analysis.achievements.map((a) => [a.id, a]));
    expect([byId['1.1'].status, byId['1.1'].awaitingReview, byId['1.2'].status, byId['2.1'].status, byId['2.1'].ready]).toEqual([
      'awaiting_review',
      1,
      'complete',
      'not_started',
      false,
    ]);
    expect(analysis.nextAvailable).toEqual([]);
    expect(analysis.recommendedAction).toEqual({
      kind: 'review',
      message: 'Review 1 achievement whose agent finished: 1.1; dependents wait for the verdict',
      ids: ['1.1'],
      details: [
        'approve: write execution/feedbacks/APPROVED_11.md in the plan folder (status complete)',
        'ask for fixes: write execution/feedbacks/FIX_11.md (attempt 01) with what to change (status failed; the next attempt answers it)',
        'or call the MCP tool record_review of "npx nx-plan mcp" (verdict approved or fix)',
        'to run an agent again instead: npx nx run plan-web:execute --rerun',
      ],
    });
    const table = renderStatus(analysis);
    expect(table).toMatch(/^1\.1 +Layout +awaiting_review +0 +review /m);
    expect(table).not.toMatch(/Execute/);
    expect(table).toContain('  - approve: write execution/feedbacks/APPROVED_11.md in the plan folder (status complete)');
    // In colour, awaiting_review is yellow (complete green, blocked yellow too in the STATE column).
    expect(renderStatus(analysis, { color: true })).toContain('\u001b[33mawaiting_review');
  });

  it('says which achievements await review when another action comes first', () => {
    writePlan(
      [
        { id: '1.1', title: 'Layout' },
        { id: '1.2', title: 'Styles' },
        { id: '1.3', title: 'Fonts' },
        { id: '2.1', title: 'Pages' },
      ],
      { '1.1': [], '1.2': [], '1.3': [], '2.1': ['1.1', '1.2'] },
    );
    expect(analyse().recommendedAction).toMatchObject({
      kind: 'create-subplans',
      message: 'Create SUBPLANs for 1 ready achievement: 1.3 (also: 1 achievement awaits review: 1.1)',
      ids: ['1.3'],
    });
  });

  it('names the FIX of the attempt that awaits review (FIX_<NM>_<NN>.md after the first)', () => {
    folder.write(executionPath(NAME, '1.1', 2), '# EXECUTION 2');
    folder.write(fixPathForAttempt('1.1', 1), 'fix attempt 1');
    folder.write(awaitingReviewPath('1.1', 2), 'agent exited 0');
    const action = analyse().recommendedAction;
    expect(action.details?.[1]).toBe('ask for fixes: write execution/feedbacks/FIX_11_02.md (attempt 02) with what to change (status failed; the next attempt answers it)');
  });

  it('writes the status, the attempt and the details into the status document', () => {
    const [plan] = toStatusDocument([analyse()]).plans;
    expect(plan.achievements[0]).toEqual({
      id: '1.1',
      title: 'Layout',
      status: 'awaiting_review',
      level: 0,
      ready: true,
      dependencies: [],
      attempts: 1,
      awaitingReview: 1,
    });
    expect(plan.recommendedAction.kind).toBe('review');
    expect(plan.recommendedAction.details).toHaveLength(4);
  });
});

describe('achievements only in the PLAN', () => {
  beforeEach(() => {
    writePlan(
      [
        { id: '1.1', title: 'Layout' },
        { id: '1.2', title: 'Styles' },
        { id: '1.3', title: 'Fonts' },
      ],
      { '1.1': [], '1.2': ['1.1'] },
    );
  });

  it('are listed, flagged, never ready nor counted in the schedule', () => {
    const analysis = analyse();
    expect(analysis.achievements.map((a) => a.id)).toEqual(['1.1', '1.2']);
    expect(analysis.planOnly).toEqual([{ id: '1.3', title: 'Fonts', status: 'not_started', level: -1, ready: false, dependencies: [], attempts: 0, planOnly: true }]);
    expect(analysis.nextAvailable).toEqual(['1.1']);
    expect(analysis.diagnostics.map((d) => d.code)).toContain('PLAN013');

    const table = renderStatus(analysis);
    expect(table).toContain('0/3 done');
    expect(table).toMatch(/^1\.3 +Fonts +not_started +— +plan-only/m);
    expect(table).toContain('plan-only: 1.3 is in the PLAN but not in parallel.json, so not scheduled (PLAN013); add it there with dependencies');

    const [plan] = toStatusDocument([analysis]).plans;
    expect(plan.achievements.map((a) => [a.id, a.planOnly ?? false])).toEqual([
      ['1.1', false],
      ['1.2', false],
      ['1.3', true],
    ]);
  });

  it('keep the plan from being called done', () => {
    for (const id of ['1.1', '1.2']) {
      executed(id);
      folder.write(`execution/feedbacks/APPROVED_${id.replace('.', '')}.md`, 'ok');
    }
    expect(analyse().recommendedAction).toEqual({
      kind: 'wait',
      message: 'Every scheduled achievement of plan WEB is complete or skipped; 1.3 is only in the PLAN: add it to parallel.json to schedule it',
      ids: ['1.3'],
    });
  });

  it('are none when the plan has no parallel.json (every PLAN achievement is scheduled)', () => {
    fs.rmSync(path.join(folder.dir, 'parallel.json'));
    const analysis = analyse();
    expect(analysis.dependencySource).toBe('inferred');
    expect(analysis.achievements.map((a) => a.id)).toEqual(['1.1', '1.2', '1.3']);
    expect(analysis.planOnly).toEqual([]);
  });
});

describe('run records and file overlaps', () => {
  it('lists the kept worktree per achievement in the table and the JSON', () => {
    writePlan(
      [
        { id: '1.1', title: 'Layout' },
        { id: '1.2', title: 'Styles' },
      ],
      { '1.1': [], '1.2': [] },
    );
    executed('1.2');
    const record = {
      achievement: '1.2',
      outcome: 'merge-conflict' as const,
      at: '2026-12-02T03:00:00.000Z',
      attempt: 1,
      branch: 'nx-plan/web/12',
      worktree: '.nx-plan/worktrees/web-12',
      targetBranch: 'main',
      files: ['src/styles.css'],
      message: 'merge conflict',
    };
    folder.write(runRecordPath('1.2'), runRecordContent(record));
    const analysis = analyse();
    expect(analysis.achievements[1].run).toEqual({ file: 'execution/.runs/RUN_12.json', ...record });
    expect(renderStatus(analysis)).toContain(
      'Work left in worktrees: runs that did not merge (PLAN035)\n  1.2  merge-conflict  branch nx-plan/web/12  worktree .nx-plan/worktrees/web-12  files src/styles.css\n',
    );
    const [plan] = toStatusDocument([analysis]).plans;
    expect(plan.achievements[1].run).toEqual({ file: 'execution/.runs/RUN_12.json', ...record });
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['PLAN035']);
  });

  it('carries the file overlaps of each wave in the analysis, the table and the JSON', () => {
    writePlan(
      [
        { id: '1.1', title: 'Cart', goal: 'Edit src/cart.ts' },
        { id: '1.2', title: 'Discounts', goal: 'Change `src/cart.ts` too' },
        { id: '2.1', title: 'Checkout', goal: 'Write src/checkout.ts and src/cart.ts' },
        { id: '2.2', title: 'Receipts', goal: 'Reuse src/checkout.ts' },
      ],
      { '1.1': [], '1.2': [], '2.1': ['1.1'], '2.2': ['1.2'] },
    );
    const analysis = analyse();
    expect(analysis.fileOverlaps).toEqual([
      { level: 0, ids: ['1.1', '1.2'], paths: ['src/cart.ts'] },
      { level: 1, ids: ['2.1', '2.2'], paths: ['src/checkout.ts'] },
    ]);
    expect(renderStatus(analysis)).toContain(
      'File overlaps: same-level achievements naming the same files (PLAN036)\n  level 0: 1.1 and 1.2 → src/cart.ts\n  level 1: 2.1 and 2.2 → src/checkout.ts\n',
    );
    expect(toStatusDocument([analysis]).plans[0].fileOverlaps).toEqual(analysis.fileOverlaps);
    expect(analysis.diagnostics.filter((d) => d.code === 'PLAN036')).toHaveLength(2);

    // Once 1.1 is complete, it no longer conflicts with anybody.
    executed('1.1');
    folder.write('execution/feedbacks/APPROVED_11.md', 'ok');
    expect(analyse().fileOverlaps).toEqual([{ level: 1, ids: ['2.1', '2.2'], paths: ['src/checkout.ts'] }]);
  });
});
