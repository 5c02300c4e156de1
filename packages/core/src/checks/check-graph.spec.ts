import { planOf } from '../testing/graph-fixtures';
import { checkGraph } from './check-graph';

describe('checkGraph', () => {
  it('finds nothing wrong in a clean DAG', () => {
    expect(checkGraph(planOf([{ id: '1.1' }, { id: '1.2', deps: ['1.1'] }, { id: '2.1', deps: ['1.1', '1.2'] }]))).toEqual([]);
  });

  it('PLAN004: unknown dependency, located at the dependency entry', () => {
    const [d] = checkGraph(planOf([{ id: '1.1' }, { id: '2.1', deps: ['1.1', '9.9'] }]));
    expect(d).toEqual({
      code: 'PLAN004',
      severity: 'error',
      message: 'achievement 2.1 depends on 9.9, which does not exist',
      hint: 'remove "9.9" from dependencies or add achievement 9.9',
      file: 'parallel.json',
      line: 10,
      column: 5,
      pointer: '/achievements/1/dependencies/1',
    });
  });

  it('PLAN004: uses the parallel.json text for the exact line and column of the entry', () => {
    // Achievement 1 starts on line 10; its dependencies line is 14: `      "dependencies": ["1.1", "9.9"]`, "9.9" opens at column 31.
    const [d] = checkGraph(planOf([{ id: '1.1' }, { id: '2.1', deps: ['1.1', '9.9'] }], { withText: true }));
    expect([d.line, d.column, d.pointer]).toEqual([14, 31, '/achievements/1/dependencies/1']);
  });

  it('PLAN005: self-dependency', () => {
    const [d] = checkGraph(planOf([{ id: '1.1', deps: ['1.1'] }]));
    expect(d.code).toBe('PLAN005');
    expect(d.severity).toBe('error');
    expect(d.message).toBe('achievement 1.1 depends on itself');
    expect(d.hint).toBe('remove "1.1" from the dependencies of 1.1');
    expect(d.pointer).toBe('/achievements/0/dependencies/0');
  });

  it('PLAN006: repeated dependency is a warning at the repeated entry', () => {
    const diagnostics = checkGraph(planOf([{ id: '1.1' }, { id: '1.2', deps: ['1.1', '1.1'] }]));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'PLAN006',
      severity: 'warning',
      message: 'achievement 1.2 lists dependency 1.1 more than once',
      pointer: '/achievements/1/dependencies/1',
    });
  });

  it('PLAN006: also in long dependency lists', () => {
    const many = Array.from({ length: 20 }, (_, k) => `1.${k + 1}`);
    const plan = planOf([...many.map((id) => ({ id })), { id: '2.1', deps: [...many, '1.7'] }]);
    const diagnostics = checkGraph(plan);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['PLAN006', '/achievements/20/dependencies/20']]);
  });

  it('PLAN003: every repeated definition of an id, pointing back to the first', () => {
    const diagnostics = checkGraph(planOf([{ id: '1.1' }, { id: '1.2' }, { id: '1.1' }]));
    expect(diagnostics).toEqual([
      {
        code: 'PLAN003',
        severity: 'error',
        message: 'achievement 1.1 is defined more than once (first at line 4); this entry is ignored',
        hint: 'give this achievement its own id or delete the repeated entry',
        file: 'parallel.json',
        line: 16,
        column: 5,
        pointer: '/achievements/2',
      },
    ]);
  });

  it('PLAN007: the full cycle path and the edge to remove, at that edge', () => {
    const diagnostics = checkGraph(
      planOf([
        { id: '1.1' },
        { id: '1.2', deps: ['1.1', '3.1'] },
        { id: '2.1', deps: ['1.2'] },
        { id: '3.1', deps: ['2.1'] },
      ]),
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'PLAN007',
      severity: 'error',
      message: 'dependency cycle 1.2 → 2.1 → 3.1 → 1.2 (each arrow points to a dependent)',
      hint: 'remove "3.1" from the dependencies of 1.2 to break this cycle',
      pointer: '/achievements/1/dependencies/1',
    });
  });

  it('PLAN007: one diagnostic per cycle group, naming every member when the group is larger than the cycle', () => {
    const diagnostics = checkGraph(
      planOf([
        { id: '1.1', deps: ['1.3', '1.4'] },
        { id: '1.2', deps: ['1.1'] },
        { id: '1.3', deps: ['1.2'] },
        { id: '1.4', deps: ['1.1'] },
        { id: '2.1', deps: ['2.2'] },
        { id: '2.2', deps: ['2.1'] },
      ]),
    );
    expect(diagnostics.map((d) => d.message)).toEqual([
      'dependency cycle 1.1 → 1.4 → 1.1 (each arrow points to a dependent); 4 achievements are caught in cycles together: 1.1, 1.2, 1.3, 1.4',
      'dependency cycle 2.1 → 2.2 → 2.1 (each arrow points to a dependent)',
    ]);
  });

  it('PLAN008: ids whose file-name form collides, naming both ids and the file name', () => {
    const diagnostics = checkGraph(planOf([{ id: '1.11' }, { id: '11.1' }, { id: '1.2' }], { name: 'WEB' }));
    expect(diagnostics).toEqual([
      {
        code: 'PLAN008',
        severity: 'error',
        message: 'achievements 1.11 and 11.1 share the file-name form "111" (SUBPLAN_WEB_111.md); their files cannot be told apart',
        hint: 'renumber 11.1 so that its id without the dot differs from 1.11',
        file: 'parallel.json',
        line: 10,
        column: 5,
        pointer: '/achievements/1',
      },
    ]);
  });

  it('reports several problems of one plan together', () => {
    const codes = checkGraph(
      planOf([
        { id: '1.1', deps: ['1.1', '0.9'] },
        { id: '1.2', deps: ['1.3'] },
        { id: '1.3', deps: ['1.2', '1.2'] },
      ]),
    ).map((d) => d.code);
    expect(codes.sort()).toEqual(['PLAN004', 'PLAN005', 'PLAN006', 'PLAN007']);
  });
});

describe('checkGraph on very long cycles', () => {
  it('shortens the printed path of a 1,000-achievement cycle in the middle and says by how much', () => {
    const n = 1000;
    const achievements = Array.from({ length: n }, (_, i) => ({ id: `1.${i + 1}`, deps: [`1.${i === 0 ? n : i}`] }));
    const [d] = checkGraph(planOf(achievements));
    // Closed path: 1.1 … 1.1000, 1.1 = 1001 steps; 100 first + 100 last shown, 801 left out.
    expect(d.message.startsWith('dependency cycle 1.1 → 1.2 → 1.3')).toBe(true);
    expect(d.message).toContain('1.100 → … 801 more … → 1.902');
    expect(d.message).toContain('1.1000 → 1.1 (each arrow points to a dependent)');
    expect(d.hint).toBe('remove "1.1000" from the dependencies of 1.1 to break this cycle');
  });
});
