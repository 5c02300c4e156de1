import { loadPlanFolder } from '../files/load-plan-folder';
import { createTempPlanFolder, parallelJson, planMarkdown, type TempPlanFolder } from '../testing/temp-plan-folder';
import { checkFileOverlaps } from './check-file-overlaps';
import { validatePlan } from './validate-plan';

const NAME = 'SHOP';
let folder: TempPlanFolder;

beforeEach(() => {
  folder = createTempPlanFolder(NAME);
});
afterEach(() => folder.remove());

function writePlan(bodies: Record<string, string>, dependencies: Record<string, string[]>): void {
  folder.write(`PLAN_${NAME}.md`, planMarkdown(NAME, Object.keys(dependencies).map((id) => ({ id, title: `Work ${id}`, body: `**Goal**: ${bodies[id] ?? 'No files named.'}` }))));
  folder.write('parallel.json', parallelJson(NAME, dependencies));
}

describe('checkFileOverlaps', () => {
  it('warns when achievements of one wave name the same files in the PLAN, located at the first one', () => {
    writePlan(
      {
        '1.1': 'Edit `src/cart.ts` and package.json.',
        '1.2': 'Add a discount to src/cart.ts; update `package.json`.',
        '1.3': 'Write docs/checkout.md.',
        '2.1': 'Refactor src/cart.ts again.',
      },
      { '1.1': [], '1.2': [], '1.3': [], '2.1': ['1.1', '1.2'] },
    );
    const diagnostics = checkFileOverlaps(loadPlanFolder(folder.dir));
    expect(diagnostics).toEqual([
      {
        code: 'PLAN036',
        severity: 'warning',
        message: 'achievements 1.1 and 1.2 can run at the same time (level 0) and both name package.json, src/cart.ts',
        hint: 'add a dependency (e.g. "1.1" in the dependencies of 1.2 in parallel.json), or split the file so that each edits its own',
        file: `${folder.dir}/PLAN_${NAME}.md`,
        line: 5,
        column: 1,
      },
    ]);
  });

  it('reads the SUBPLAN of open achievements, and forgets achievements that are complete or skipped', () => {
    writePlan({}, { '1.1': [], '1.2': [], '1.3': [] });
    folder.write(`subplans/SUBPLAN_${NAME}_11.md`, '# SUBPLAN\n\nFiles: `src/api/orders.ts`, ../PLAN_SHOP.md\n');
    folder.write(`subplans/SUBPLAN_${NAME}_12.md`, '# SUBPLAN\n\nTouches src/api/orders.ts and ../PLAN_SHOP.md\n');
    folder.write(`subplans/SUBPLAN_${NAME}_13.md`, '# SUBPLAN\n\nAlso src/api/orders.ts\n');
    folder.write('execution/feedbacks/APPROVED_13.md', 'ok');
    folder.write(`execution/EXECUTION_TASK_${NAME}_13_01.md`, 'e');
    expect(validatePlan(loadPlanFolder(folder.dir)).map((d) => `${d.code} ${d.message}`)).toEqual([
      'PLAN036 achievements 1.1 and 1.2 can run at the same time (level 0) and both name src/api/orders.ts',
    ]);
    folder.write(`execution/SKIPPED_12.md`, 'not needed');
    expect(validatePlan(loadPlanFolder(folder.dir))).toEqual([]);
  });

  it('says nothing about achievements joined by a dependency, even through another one', () => {
    writePlan({ '1.1': 'src/a.ts', '1.2': 'src/a.ts', '2.1': 'src/a.ts' }, { '1.1': [], '1.2': ['1.1'], '2.1': ['1.2'] });
    expect(checkFileOverlaps(loadPlanFolder(folder.dir))).toEqual([]);
  });
});
