import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempWorkspace, type TempWorkspace } from '../../testing/temp-workspace';
import { runStateInput } from './run-state-input';

describe('runStateInput (validate hash of git-ignored run state)', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = createTempWorkspace()));
  afterEach(() => ws.cleanup());

  const output = (roots: string[]) => execSync(runStateInput(roots).runtime, { cwd: ws.root, encoding: 'utf8' });

  it('prints nothing without run records or markers, and changes when one appears or changes', () => {
    mkdirSync(join(ws.root, "plans/it's A/execution"), { recursive: true });
    expect(output(["plans/it's A", 'plans/missing'])).toBe('');
    ws.write({ "plans/it's A/execution/.runs/RUN_11.json": '{"outcome":"merge-conflict"}' });
    const first = output(["plans/it's A"]);
    expect(first).toContain("plans/it's A .runs RUN_11.json 28");
    writeFileSync(join(ws.root, "plans/it's A/execution/.runs/RUN_11.json"), '{"outcome":"dirty-main"}');
    expect(output(["plans/it's A"])).not.toBe(first);
    ws.write({ "plans/it's A/execution/.in-progress/IN_PROGRESS_12.json": '{}' });
    expect(output(["plans/it's A"])).toContain('.in-progress IN_PROGRESS_12.json');
  });
});
