import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixturePlan } from './fixture-plans';
import { statusFromFiles } from './status-from-files';

describe('statusFromFiles (the SPEC §4 oracle of the e2e tests)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-plan-status-oracle-'));
    writeFixturePlan(root, {
      name: 'ORACLE',
      goal: 'g',
      parallelJson: false,
      achievements: ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'].map((id) => ({ id, title: `T ${id}`, dependencies: [], hours: 1 })),
      files: {
        'subplans/SUBPLAN_ORACLE_11.md': 's',
        'execution/EXECUTION_TASK_ORACLE_11_01.md': 'e',
        'execution/feedbacks/APPROVED_11.md': 'a',
        'execution/feedbacks/FIX_12.md': 'f',
        'execution/EXECUTION_TASK_ORACLE_12_01.md': 'e',
        'execution/SKIPPED_13.md': 's',
        'execution/EXECUTION_TASK_ORACLE_14_02.md': 'e',
        'subplans/SUBPLAN_ORACLE_15.md': 's',
      },
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['1.1', 'complete'],
    ['1.2', 'failed'],
    ['1.3', 'skipped'],
    ['1.4', 'execution_created'],
    ['1.5', 'subplan_created'],
    ['1.6', 'not_started'],
  ])('%s is %s', (id, status) => {
    expect(statusFromFiles(join(root, 'ORACLE'), 'ORACLE', id)).toBe(status);
  });
});
