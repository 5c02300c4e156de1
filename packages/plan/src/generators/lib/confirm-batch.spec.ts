import { BatchRefusal } from './batch-refusal';
import { confirmBatch, isDryRun, type ConfirmIo } from './confirm-batch';

function io(overrides: Partial<ConfirmIo>, answer = '', asked: string[] = []): ConfirmIo {
  return {
    stdinIsTTY: true,
    stdoutIsTTY: true,
    interactive: true,
    ask: async (q) => {
      asked.push(q);
      return answer;
    },
    ...overrides,
  };
}

describe('confirmBatch', () => {
  const base = { generator: 'batch-subplan', count: 3, dryRun: false };

  it.each([
    ['y', true],
    ['Y', true],
    ['yes', true],
    [' YES ', true],
    ['', false],
    ['n', false],
    ['no', false],
    ['yep', false],
  ])('answer %j → %s (default No)', async (answer, expected) => {
    const asked: string[] = [];
    await expect(confirmBatch(base, io({}, answer, asked))).resolves.toBe(expected);
    expect(asked).toEqual(['Create 3 files? (y/N) ']);
  });

  it('prints the preview right before asking, and only when asking', async () => {
    const events: string[] = [];
    const recording = io({}, 'y');
    const ask = recording.ask;
    recording.ask = async (q) => {
      events.push('ask');
      return ask(q);
    };
    await confirmBatch({ ...base, preview: () => events.push('preview') }, recording);
    await confirmBatch({ ...base, yes: true, preview: () => events.push('preview') }, recording);
    expect(events).toEqual(['preview', 'ask']);
  });

  it('says "1 file" for one', async () => {
    const asked: string[] = [];
    await confirmBatch({ ...base, count: 1 }, io({}, 'y', asked));
    expect(asked).toEqual(['Create 1 file? (y/N) ']);
  });

  it.each([
    ['stdin is not a TTY', { stdinIsTTY: false }],
    ['stdout is not a TTY', { stdoutIsTTY: false }],
    ['--no-interactive', { interactive: false }],
  ])('never asks when %s: refuses without --yes', async (_label, overrides) => {
    const asked: string[] = [];
    await expect(confirmBatch(base, io(overrides, 'y', asked))).rejects.toThrow(BatchRefusal);
    await expect(confirmBatch(base, io(overrides, 'y', asked))).rejects.toThrow('pass --yes to create them (or --dryRun to preview)');
    expect(asked).toEqual([]);
  });

  it('proceeds without asking for --yes, a dry run, or an empty batch', async () => {
    const asked: string[] = [];
    const noTty = io({ stdinIsTTY: false }, 'n', asked);
    await expect(confirmBatch({ ...base, yes: true }, noTty)).resolves.toBe(true);
    await expect(confirmBatch({ ...base, dryRun: true }, noTty)).resolves.toBe(true);
    await expect(confirmBatch({ ...base, count: 0 }, noTty)).resolves.toBe(true);
    expect(asked).toEqual([]);
  });
});

describe('isDryRun', () => {
  it('reads NX_DRY_RUN, which nx g sets from --dryRun', () => {
    expect(isDryRun({ NX_DRY_RUN: 'true' })).toBe(true);
    expect(isDryRun({ NX_DRY_RUN: 'false' })).toBe(false);
    expect(isDryRun({})).toBe(false);
  });
});
