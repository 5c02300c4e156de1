import { loadPlanFromSource, type PlanSource } from '../files/load-plan-folder';
import { checkConsistency, normaliseTitle } from './check-consistency';

const PLAN = [
  '# PLAN: Demo', // 1
  '## Achievement Index', // 2
  '**Achievement 1.1**: Schema **Written**', // 3
  '**Achievement 1.2**: `validate.py` Created', // 4
  '**Achievement 1.3**: Generator', // 5
  '**Achievement 2.1**: Docs', // 6
].join('\n');

interface Entry {
  achievement_id: string;
  title?: string;
  dependencies: string[];
  [extra: string]: unknown;
}

function entries(): Entry[] {
  return [
    { achievement_id: '1.1', title: 'schema written', dependencies: [] },
    { achievement_id: '1.2', title: 'validate.py created', dependencies: ['1.1'] },
    { achievement_id: '1.3', title: 'Generator', dependencies: ['1.2'] },
    { achievement_id: '2.1', title: 'Docs', dependencies: ['1.1'] },
  ];
}

function load(options: { parallel?: Record<string, unknown>; files?: Record<string, string>; plan?: string; name?: string; alive?: boolean }) {
  const files: Record<string, string> = { [`PLAN_${options.name ?? 'DEMO'}.md`]: options.plan ?? PLAN, ...options.files };
  if (options.parallel) files['parallel.json'] = JSON.stringify(options.parallel, null, 2);
  const source: PlanSource = { dir: 'plans/DEMO', list: () => Object.keys(files), read: (p) => files[p], isDirectory: () => false };
  return loadPlanFromSource(source, { isProcessAlive: () => options.alive ?? false });
}

function parallel(overrides: Record<string, unknown> = {}, list: Entry[] = entries()): Record<string, unknown> {
  return { plan_name: 'DEMO', parallelization_level: 'level_2', achievements: list, ...overrides };
}

const summary = (ds: ReturnType<typeof checkConsistency>) => ds.map((d) => `${d.code} ${d.severity} ${d.pointer ?? `${d.file}:${d.line}:${d.column}`}`);

describe('checkConsistency', () => {
  it('is silent on a consistent plan', () => {
    expect(checkConsistency(load({ parallel: parallel() }))).toEqual([]);
  });

  describe('plan_name', () => {
    it('warns when it differs from the PLAN name (PLAN009), located at /plan_name', () => {
      const ds = checkConsistency(load({ parallel: parallel({ plan_name: 'OTHER' }) }));
      expect(summary(ds)).toEqual(['PLAN009 warning /plan_name']);
      expect(ds[0]).toMatchObject({ file: 'plans/DEMO/parallel.json', line: 2, column: 16 });
      expect(ds[0].message).toContain('"OTHER"');
      expect(ds[0].hint).toBe('set "plan_name": "DEMO"');
    });

    it.each(['../../x', 'a/b', 'a\u0000b', '..', 'a\\b'])('refuses the unsafe name %j (PLAN010 error)', (name) => {
      const ds = checkConsistency(load({ parallel: parallel({ plan_name: name }) }));
      expect(summary(ds)).toEqual(['PLAN010 error /plan_name']);
    });
  });

  describe('redundant fields (PLAN012)', () => {
    it('checks blocks against the achievements that depend on each one', () => {
      const list = entries();
      list[0].blocks = ['1.2', '2.1']; // right
      list[1].blocks = ['2.1']; // wrong: 1.3 depends on 1.2
      list[3].blocks = []; // right
      const ds = checkConsistency(load({ parallel: parallel({}, list) }));
      expect(summary(ds)).toEqual(['PLAN012 warning /achievements/1/blocks']);
      expect(ds[0].message).toContain('block 1.3');
      expect(ds[0].hint).toBe('set "blocks" to ["1.3"] or remove it');
    });

    it('flags parallelizable_with entries that are ancestors or descendants, transitively', () => {
      const list = entries();
      list[2].parallelizable_with = ['2.1', '1.1']; // 1.1 is an ancestor of 1.3 through 1.2
      list[3].parallelizable_with = ['1.2', '1.3']; // both unrelated to 2.1: fine
      const ds = checkConsistency(load({ parallel: parallel({}, list) }));
      expect(summary(ds)).toEqual(['PLAN012 warning /achievements/2/parallelizable_with']);
      expect(ds[0].message).toContain('names 1.1');
    });

    it('checks priority, total_achievements and priority_groups', () => {
      const list = entries();
      list[0].priority = 1;
      list[3].priority = 1;
      const ds = checkConsistency(
        load({
          parallel: parallel(
            {
              total_achievements: 5,
              priority_groups: [
                { priority: 1, achievements: ['1.1', '1.2', '1.3'] },
                { priority: 2, achievements: ['2.1', '2.2'] },
              ],
            },
            list,
          ),
        }),
      );
      expect(summary(ds)).toEqual([
        'PLAN012 warning /achievements/3/priority',
        'PLAN012 warning /total_achievements',
        'PLAN012 warning /priority_groups/1/achievements',
      ]);
    });
  });

  describe('PLAN ↔ parallel.json', () => {
    it('reports achievements missing on either side and differing titles', () => {
      const list = entries().filter((e) => e.achievement_id !== '1.3');
      list.push({ achievement_id: '3.1', title: 'Extra', dependencies: [] });
      list[2].title = 'Documentation'; // 2.1
      const ds = checkConsistency(load({ parallel: parallel({}, list) }));
      expect(summary(ds)).toEqual([
        'PLAN013 warning plans/DEMO/PLAN_DEMO.md:5:1',
        'PLAN015 warning /achievements/2/title',
        'PLAN014 warning /achievements/3',
      ]);
      expect(ds[1].message).toBe('achievement 2.1 is titled "Documentation" in parallel.json but "Docs" in PLAN_DEMO.md');
    });

    it('compares the titles of files that list the same ids in the same order, located at the title value', () => {
      const list = entries();
      list[2].title = 'Generators'; // 1.3
      const ds = checkConsistency(load({ parallel: parallel({}, list) }));
      expect(summary(ds)).toEqual(['PLAN015 warning /achievements/2/title']);
      // JSON.stringify(…, null, 2): 1.1 takes lines 5-9, 1.2 lines 10-16 (its dependency list on three lines), 1.3 opens on 17; its title value on 19 after 6 spaces and `"title": `.
      expect([ds[0].file, ds[0].line, ds[0].column]).toEqual(['plans/DEMO/parallel.json', 19, 16]);
    });

    it('compares titles after trimming, case and markdown normalisation', () => {
      expect(normaliseTitle('  `validate.py` **Created** ')).toBe('validate.py created');
      expect(normaliseTitle('See [the docs](http://x)')).toBe('see the docs');
    });
  });

  describe('odd life-cycle files', () => {
    it('reports APPROVED without EXECUTION_TASK, foreign ids, attempts, stale markers and APPROVED+FIX', () => {
      const ds = checkConsistency(
        load({
          parallel: parallel(),
          files: {
            'execution/feedbacks/APPROVED_11.md': 'ok',
            'execution/EXECUTION_TASK_DEMO_12_01.md': 'e',
            'execution/EXECUTION_TASK_DEMO_12_02.md': 'e',
            'execution/EXECUTION_TASK_DEMO_12_03.md': 'e',
            'execution/feedbacks/APPROVED_12.md': 'ok',
            'execution/feedbacks/FIX_12_03.md': 'fix',
            'execution/.in-progress/IN_PROGRESS_13.json': JSON.stringify({ pid: 77, startedAt: '2025-11-14T10:00:00Z', achievement: '1.3' }),
            'subplans/SUBPLAN_DEMO_99.md': 's',
            'execution/feedbacks/APPROVED_99.md': 'ok',
          },
        }),
      );
      expect(summary(ds)).toEqual([
        'PLAN030 warning plans/DEMO/execution/feedbacks/APPROVED_11.md:1:1',
        'PLAN032 info plans/DEMO/execution/EXECUTION_TASK_DEMO_12_03.md:1:1',
        'PLAN034 warning plans/DEMO/execution/feedbacks/FIX_12_03.md:1:1',
        'PLAN033 warning plans/DEMO/execution/.in-progress/IN_PROGRESS_13.json:1:1',
        'PLAN031 warning plans/DEMO/subplans/SUBPLAN_DEMO_99.md:1:1',
      ]);
      expect(ds[1].message).toBe('achievement 1.2 has 3 execution attempts (01, 02, 03)');
      expect(ds[3].message).toContain('process 77');
      expect(ds[4].message).toContain('2 files for achievement number 99');
    });

    it('takes a FIX of an earlier attempt next to APPROVED as history, not a contradiction', () => {
      const ds = checkConsistency(
        load({
          parallel: parallel(),
          files: {
            'execution/EXECUTION_TASK_DEMO_11_01.md': 'e',
            'execution/EXECUTION_TASK_DEMO_11_02.md': 'e',
            'execution/feedbacks/FIX_11.md': 'fix attempt 1',
            'execution/feedbacks/APPROVED_11.md': 'ok',
          },
        }),
      );
      expect(summary(ds)).toEqual(['PLAN032 info plans/DEMO/execution/EXECUTION_TASK_DEMO_11_02.md:1:1']);
    });

    it('reports an AWAITING_REVIEW whose attempt has no EXECUTION_TASK (PLAN038), and counts new files as lifecycle files (PLAN031)', () => {
      const ds = checkConsistency(
        load({
          parallel: parallel(),
          files: {
            'execution/EXECUTION_TASK_DEMO_11_01.md': 'e',
            'execution/AWAITING_REVIEW_11_01.md': 'done',
            'execution/AWAITING_REVIEW_11_02.md': 'done',
            'execution/AWAITING_REVIEW_98_01.md': 'done',
            'execution/feedbacks/FIX_97_02.md': 'fix',
          },
        }),
      );
      expect(summary(ds)).toEqual([
        'PLAN038 warning plans/DEMO/execution/AWAITING_REVIEW_11_02.md:1:1',
        'PLAN031 warning plans/DEMO/execution/feedbacks/FIX_97_02.md:1:1',
        'PLAN031 warning plans/DEMO/execution/AWAITING_REVIEW_98_01.md:1:1',
      ]);
      expect(ds[0].message).toBe('achievement 1.1: AWAITING_REVIEW_11_02.md names attempt 02, which has no EXECUTION_TASK file; it is ignored');
      expect(ds[0].hint).toBe('delete execution/AWAITING_REVIEW_11_02.md, or restore execution/EXECUTION_TASK_DEMO_11_02.md');
    });

    it('does not call a live marker stale', () => {
      const ds = checkConsistency(
        load({ parallel: parallel(), alive: true, files: { 'execution/.in-progress/IN_PROGRESS_13.json': JSON.stringify({ pid: 77 }) } }),
      );
      expect(ds).toEqual([]);
    });

    it('leaves files of colliding ids (1.11 / 11.1) to the graph checks', () => {
      const plan = ['## Achievement Index', '- Achievement 1.11: A', '- Achievement 11.1: B'].join('\n');
      const ds = checkConsistency(load({ plan, files: { 'execution/feedbacks/APPROVED_111.md': 'ok' } }));
      expect(ds).toEqual([]);
    });

    it('does not call every file foreign when the plan has no achievements', () => {
      const ds = checkConsistency(load({ plan: '# nothing', files: { 'subplans/SUBPLAN_DEMO_11.md': 's' } }));
      expect(ds).toEqual([]);
    });
  });
});
