import type { Diagnostic } from '@nx-plan/schema';
import { planOf } from '../testing/graph-fixtures';
import { compareDiagnostics, hasErrors, validatePlan } from './validate-plan';

describe('validatePlan', () => {
  it('merges loader and graph diagnostics, sorted by file, line, column and code', () => {
    const plan = planOf([{ id: '1.1' }, { id: '1.2', deps: ['1.1', '1.1'] }, { id: '2.1', deps: ['7.7'] }]);
    const loaderProblem: Diagnostic = { code: 'PLAN002', severity: 'error', message: 'wrong type', file: 'parallel.json', line: 2, column: 3 };
    plan.diagnostics.push(loaderProblem);
    const diagnostics = validatePlan(plan);
    const ours = diagnostics.filter((d) => d.file === 'parallel.json').map((d) => [d.code, d.line]);
    // 1.2 starts on line 10 and 2.1 on line 16 (fixture layout).
    expect(ours).toEqual([
      ['PLAN002', 2],
      ['PLAN006', 10],
      ['PLAN004', 16],
    ]);
    expect(hasErrors(diagnostics)).toBe(true);
  });

  it('is clean for a clean plan', () => {
    const diagnostics = validatePlan(planOf([{ id: '1.1' }, { id: '1.2', deps: ['1.1'] }]));
    expect(hasErrors(diagnostics)).toBe(false);
    expect(diagnostics.filter((d) => d.code >= 'PLAN003' && d.code <= 'PLAN008')).toEqual([]);
  });
});

describe('compareDiagnostics', () => {
  it('orders by file, then line, column and code', () => {
    const at = (file: string, line: number, column: number, code: Diagnostic['code']): Diagnostic => ({ code, severity: 'error', message: '', file, line, column });
    const list = [at('b', 1, 1, 'PLAN001'), at('a', 2, 1, 'PLAN001'), at('a', 1, 5, 'PLAN004'), at('a', 1, 5, 'PLAN003'), at('a', 1, 2, 'PLAN009')];
    expect(list.sort(compareDiagnostics).map((d) => `${d.file}:${d.line}:${d.column}:${d.code}`)).toEqual([
      'a:1:2:PLAN009',
      'a:1:5:PLAN003',
      'a:1:5:PLAN004',
      'a:2:1:PLAN001',
      'b:1:1:PLAN001',
    ]);
  });
});
