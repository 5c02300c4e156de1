/**
 * The engine end to end on a copy of the real corpus plan
 * PARALLEL-EXECUTION-AUTOMATION: load → validate → analyze, then the same
 * plan with a cycle and an unknown dependency written into parallel.json.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validatePlan } from '../checks/validate-plan';
import { loadPlanFolder } from '../files/load-plan-folder';
import { renderDiagnostics } from '../render/render-diagnostics';
import { analyzePlan } from './analyze-plan';

const repoRoot = path.resolve(__dirname, '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const NAME = 'PARALLEL-EXECUTION-AUTOMATION';
const describeCorpus = fs.existsSync(path.join(corpus, NAME)) ? describe : describe.skip;

describeCorpus(fs.existsSync(corpus) ? `corpus plan ${NAME}` : `corpus plan ${NAME} (skipped: ../shared/corpus not found)`, () => {
  let dir: string;

  beforeEach(() => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-core-'));
    dir = path.join(tmp, NAME);
    fs.cpSync(path.join(corpus, NAME), dir, { recursive: true });
  });

  afterEach(() => {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('derives status from the files and recommends executing priority 3 in parallel', () => {
    const plan = loadPlanFolder(dir);
    const diagnostics = validatePlan(plan);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const analysis = analyzePlan(plan, { diagnostics });
    // APPROVED_11 … APPROVED_23 exist; 31, 32, 33 have an EXECUTION_TASK and no review yet.
    expect(analysis.achievements.map((a) => [a.id, a.status, a.level, a.ready])).toEqual([
      ['1.1', 'complete', 0, false],
      ['1.2', 'complete', 1, false],
      ['1.3', 'complete', 2, false],
      ['2.1', 'complete', 3, false],
      ['2.2', 'complete', 4, false],
      ['2.3', 'complete', 5, false],
      ['3.1', 'execution_created', 6, true],
      ['3.2', 'execution_created', 6, true],
      ['3.3', 'execution_created', 6, true],
    ]);
    expect(analysis.nextAvailable).toEqual(['3.1', '3.2', '3.3']);
    expect(analysis.parallelOpportunities).toEqual([{ level: 6, ids: ['3.1', '3.2', '3.3'] }]);
    expect(analysis.criticalPath).toEqual({ ids: ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.2'], hours: { min: 27, max: 39 } });
    expect(analysis.timeSavings.sequential).toEqual({ min: 31, max: 45 });
    expect(analysis.recommendedAction).toMatchObject({
      kind: 'execute',
      command: 'npx nx run plan-parallel-execution-automation:execute --parallel=3',
      ids: ['3.1', '3.2', '3.3'],
    });
  });

  it('reports a cycle with its full path and an unknown dependency, each at its line and column', () => {
    const file = path.join(dir, 'parallel.json');
    const text = fs.readFileSync(file, 'utf8');
    // 1.1's dependency list is on line 11 and 2.1's on line 32, both indented by 6 spaces.
    const edited = text.replace('"dependencies": []', '"dependencies": ["3.3"]').replace('"dependencies": ["1.3"]', '"dependencies": ["1.3", "9.9"]');
    fs.writeFileSync(file, edited);

    const plan = loadPlanFolder(dir);
    const diagnostics = validatePlan(plan);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.line, d.column, d.pointer])).toEqual([
      ['PLAN007', 11, 24, '/achievements/0/dependencies/0'],
      ['PLAN004', 32, 31, '/achievements/3/dependencies/1'],
    ]);
    expect(errors[0].message).toBe('dependency cycle 1.1 → 1.2 → 1.3 → 2.1 → 2.2 → 2.3 → 3.3 → 1.1 (each arrow points to a dependent)');
    expect(errors[0].hint).toBe('remove "3.3" from the dependencies of 1.1 to break this cycle');

    const rendered = renderDiagnostics(diagnostics, { relativeTo: dir });
    expect(rendered).toContain('parallel.json:32:31  error    PLAN004  achievement 2.1 depends on 9.9, which does not exist\n  hint: remove "9.9" from dependencies or add achievement 9.9\n');
    expect(rendered).toContain('✖ 2 errors');

    const analysis = analyzePlan(plan, { diagnostics });
    expect(analysis.recommendedAction).toMatchObject({ kind: 'fix-errors', command: 'npx nx run plan-parallel-execution-automation:validate' });
    // Every achievement is on the cycle or behind it.
    expect(analysis.waves).toEqual([]);
  });
});
