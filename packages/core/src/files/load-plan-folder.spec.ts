import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nmOf } from '../model/ids';
import { deriveStatus } from '../status/derive-status';
import { loadPlanFolder, loadPlanFromSource, type PlanSource } from './load-plan-folder';

const PLAN = [
  '# PLAN: Demo',
  '',
  '## 📋 Achievement Index',
  '',
  '**Achievement 1.1**: Schema (2-3h)',
  '**Achievement 1.2**: Validator (1h)',
  '**Achievement 2.1**: Generator (4-6h)',
  '',
].join('\n');

const PARALLEL = {
  plan_name: 'DEMO',
  parallelization_level: 'level_2',
  achievements: [
    { achievement_id: '1.1', title: 'Schema', dependencies: [], estimated_hours: 3 },
    { achievement_id: '1.2', title: 'Validator', dependencies: ['1.1'], estimated_hours: 1 },
    { achievement_id: '2.1', title: 'Generator', dependencies: ['1.1', '1.2'] },
  ],
};

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-load-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function write(relative: string, content: string): void {
  const file = path.join(tmp, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function memorySource(dir: string, files: Record<string, string>, extra: Partial<PlanSource> = {}): PlanSource {
  return {
    dir,
    list: () => Object.keys(files),
    read: (p) => files[p],
    isDirectory: () => false,
    ...extra,
  };
}

const codes = (plan: { diagnostics: { code: string }[] }) => plan.diagnostics.map((d) => d.code);

describe('loadPlanFolder', () => {
  it('loads PLAN, parallel.json and life-cycle files from disk', () => {
    const dir = path.join(tmp, 'DEMO');
    fs.mkdirSync(dir);
    const put = (relative: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), content);
    };
    put('PLAN_DEMO.md', PLAN);
    put('parallel.json', JSON.stringify(PARALLEL, null, 2));
    put('subplans/SUBPLAN_DEMO_11.md', '# s');
    put('execution/EXECUTION_TASK_DEMO_11_01.md', '# e');
    put('execution/feedbacks/APPROVED_11.md', 'ok');
    put('subplans/SUBPLAN_DEMO_12.md', '# s');

    const plan = loadPlanFolder(dir);
    expect(plan.name).toBe('DEMO');
    expect(plan.planFile).toBe(path.join(dir, 'PLAN_DEMO.md'));
    expect(plan.parallelFile).toBe(path.join(dir, 'parallel.json'));
    expect(plan.dependencySource).toBe('parallel.json');
    expect(plan.diagnostics).toEqual([]);
    expect(plan.achievements.map((a) => [a.id, a.dependencies, a.priority, a.index])).toEqual([
      ['1.1', [], 1, 1],
      ['1.2', ['1.1'], 1, 2],
      ['2.1', ['1.1', '1.2'], 2, 1],
    ]);
    // JSON.stringify(…, null, 2): lines 5-10 hold the first achievement (its empty dependencies on one line); the second opens on line 11, column 5.
    // Line and column of a parallel.json node are accessors (resolved when read); toJSON gives the plain object.
    const { file, line, column, pointer } = plan.achievements[1].location;
    expect({ file, line, column, pointer }).toEqual({ file: path.join(dir, 'parallel.json'), line: 11, column: 5, pointer: '/achievements/1' });
    expect(JSON.parse(JSON.stringify(plan.achievements[1].location))).toEqual({ file: path.join(dir, 'parallel.json'), line: 11, column: 5, pointer: '/achievements/1' });
    expect(plan.achievements[0].estimate).toEqual({ min: 3, max: 3 });
    // No estimated_hours in parallel.json: the PLAN's estimate is used.
    expect(plan.achievements[2].estimate).toEqual({ min: 4, max: 6 });
    expect(plan.parallelText).toContain('"plan_name": "DEMO"');
    expect(plan.plan?.achievements.length).toBe(3);
    const status = (id: string) => deriveStatus(plan.files.byNm.get(nmOf(id)));
    expect([status('1.1'), status('1.2'), status('2.1')]).toEqual(['complete', 'subplan_created', 'not_started']);
  });

  it('infers dependencies from the PLAN when there is no parallel.json (PLAN023)', () => {
    write('PLAN_DEMO.md', PLAN);
    const plan = loadPlanFolder(tmp);
    expect(plan.name).toBe('DEMO');
    expect(plan.dependencySource).toBe('inferred');
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ code: 'PLAN023', severity: 'info', file: path.join(tmp, 'PLAN_DEMO.md'), line: 1, column: 1 }),
    ]);
    expect(plan.achievements.map((a) => [a.id, a.dependencies, a.estimate])).toEqual([
      ['1.1', [], { min: 2, max: 3 }],
      ['1.2', [], { min: 1, max: 1 }],
      ['2.1', ['1.1', '1.2'], { min: 4, max: 6 }],
    ]);
    expect(plan.achievements[2].location).toEqual({ file: path.join(tmp, 'PLAN_DEMO.md'), line: 7, column: 1 });
  });

  it('uses an alternative parallel file name when parallel.json is absent', () => {
    write('PLAN_DEMO.md', PLAN);
    write('PARALLEL-EXECUTION-ANALYSIS.json', JSON.stringify(PARALLEL));
    const plan = loadPlanFolder(tmp);
    expect(plan.parallelFile).toBe(path.join(tmp, 'PARALLEL-EXECUTION-ANALYSIS.json'));
    expect(plan.dependencySource).toBe('parallel.json');
  });

  it('reports a missing folder as PLAN021 and never throws', () => {
    const plan = loadPlanFolder(path.join(tmp, 'nope'));
    expect(codes(plan)).toEqual(['PLAN021']);
    expect(plan.diagnostics[0]).toMatchObject({ severity: 'error', file: path.join(tmp, 'nope'), line: 1, column: 1 });
    expect(plan.achievements).toEqual([]);
  });

  it('reports a folder without PLAN as PLAN020, and a PLAN that is a directory as PLAN021', () => {
    expect(codes(loadPlanFolder(tmp))).toEqual(['PLAN020']);
    const dir = path.join(tmp, 'X');
    fs.mkdirSync(path.join(dir, 'PLAN_X.md'), { recursive: true });
    const plan = loadPlanFolder(dir);
    expect(codes(plan)).toEqual(['PLAN021']);
    expect(plan.diagnostics[0].message).toContain('is a directory');
  });

  it('reports several PLAN files (PLAN024) and a PLAN without achievements (PLAN022)', () => {
    write('PLAN_A.md', '# A\n\nNo achievements here.\n');
    write('PLAN_B.md', PLAN);
    const plan = loadPlanFolder(tmp);
    expect(codes(plan)).toEqual(['PLAN024', 'PLAN022']);
    expect(plan.diagnostics[0].message).toContain('PLAN_A.md, PLAN_B.md');
    expect(plan.name).toBe('A');
  });

  it('reports a parallel.json that is a directory (PLAN021) and still loads the PLAN', () => {
    write('PLAN_DEMO.md', PLAN);
    fs.mkdirSync(path.join(tmp, 'parallel.json'));
    const plan = loadPlanFolder(tmp);
    expect(codes(plan)).toEqual(['PLAN021']);
    expect(plan.diagnostics[0].file).toBe(path.join(tmp, 'parallel.json'));
    expect(plan.achievements.length).toBe(3);
  });

  it('reports invalid JSON at its line and column and falls back to the PLAN, without PLAN023', () => {
    write('PLAN_DEMO.md', PLAN);
    write('parallel.json', '{\n  "plan_name": "DEMO",\n  "achievements": [,]\n}\n');
    const plan = loadPlanFolder(tmp);
    expect(codes(plan)).toEqual(['PLAN001']);
    expect(plan.diagnostics[0]).toMatchObject({ file: path.join(tmp, 'parallel.json'), line: 3 });
    expect(plan.parallel).toBeUndefined();
    expect(plan.dependencySource).toBe('inferred');
    expect(plan.achievements.map((a) => a.id)).toEqual(['1.1', '1.2', '2.1']);
  });

  it('passes the strict option to the schema validation', () => {
    write('PLAN_DEMO.md', PLAN);
    write('parallel.json', JSON.stringify({ ...PARALLEL, achievements: PARALLEL.achievements.map((a) => ({ ...a, estimated_hours: '2-3' })) }));
    expect(loadPlanFolder(tmp).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loadPlanFolder(tmp, { strict: true }).diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
  });

  it('reads in_progress markers and checks their process', () => {
    write('PLAN_DEMO.md', PLAN);
    write('execution/.in-progress/IN_PROGRESS_11.json', JSON.stringify({ pid: process.pid, startedAt: '2025-11-14T10:00:00Z', achievement: '1.1' }));
    write('execution/.in-progress/IN_PROGRESS_12.json', JSON.stringify({ pid: 123456, startedAt: '2025-11-14T10:00:00Z', achievement: '1.2' }));
    const plan = loadPlanFolder(tmp, { isProcessAlive: (pid) => pid === process.pid });
    expect(deriveStatus(plan.files.byNm.get('11'))).toBe('in_progress');
    expect(plan.files.byNm.get('12')?.marker).toMatchObject({ pid: 123456, stale: true });
    // Default liveness check: this process is alive.
    expect(loadPlanFolder(tmp).files.byNm.get('11')?.marker?.stale).toBe(false);
  });
});

describe('loadPlanFromSource', () => {
  it('loads from any PlanSource, with workspace-relative paths', () => {
    const plan = loadPlanFromSource(
      memorySource('plans/DEMO', {
        'PLAN_DEMO.md': PLAN,
        'parallel.json': JSON.stringify(PARALLEL),
        'execution/feedbacks/FIX_12.md': 'fix it',
        'execution/EXECUTION_TASK_DEMO_12_01.md': '# e',
      }),
    );
    expect(plan.planFile).toBe('plans/DEMO/PLAN_DEMO.md');
    expect(plan.achievements[0].location.file).toBe('plans/DEMO/parallel.json');
    expect(deriveStatus(plan.files.byNm.get('12'))).toBe('failed');
  });

  it('turns read errors into PLAN021 diagnostics', () => {
    const failing = memorySource('plans/DEMO', { 'PLAN_DEMO.md': PLAN, 'parallel.json': '{}' }, {
      read: (p) => {
        if (p === 'parallel.json') throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return PLAN;
      },
    });
    const plan = loadPlanFromSource(failing);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ code: 'PLAN021', file: 'plans/DEMO/parallel.json', message: 'cannot read parallel.json (EACCES)' }),
    ]);
    expect(plan.achievements.length).toBe(3);

    const unlistable = memorySource('plans/DEMO', {}, {
      list: () => {
        throw new Error('EIO');
      },
    });
    expect(codes(loadPlanFromSource(unlistable))).toEqual(['PLAN021']);
  });

  it('does not throw when the validator meets a non-object document', () => {
    for (const text of ['null', '[]', '"x"', '{"achievements": {}}', '\u0000']) {
      const plan = loadPlanFromSource(memorySource('d', { 'PLAN_D.md': PLAN, 'parallel.json': text }));
      expect(plan.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      expect(plan.achievements.length).toBe(3);
    }
  });
});
