import { colourEnabled, taskLogger } from './task-logger';

const tty = (colours: boolean) => ({ isTTY: true, write: () => true, hasColors: () => colours });
const pipe = { isTTY: false, write: () => true };

describe('colourEnabled', () => {
  it('is off when NO_COLOR is set, even with FORCE_COLOR and a colour terminal', () => {
    expect(colourEnabled(tty(true), { NO_COLOR: '1', FORCE_COLOR: '3' })).toBe(false);
  });

  it('ignores an empty NO_COLOR (no-color.org)', () => {
    expect(colourEnabled(pipe, { NO_COLOR: '', FORCE_COLOR: '1' })).toBe(true);
  });

  it('follows FORCE_COLOR on a pipe: on for 1/true/empty, off for 0/false', () => {
    expect(colourEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: 'true' })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colourEnabled(tty(true), { FORCE_COLOR: '0' })).toBe(false);
  });

  it('without either variable: on only for a terminal that has colours', () => {
    expect(colourEnabled(tty(true), {})).toBe(true);
    expect(colourEnabled(tty(false), {})).toBe(false);
    expect(colourEnabled(pipe, {})).toBe(false);
  });
});

describe('taskLogger', () => {
  const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
  let out: string[];
  let err: string[];

  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => err.push(String(chunk)) > 0);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('writes info to stdout and warnings/errors to stderr, one line each', () => {
    process.env.NO_COLOR = '1';
    taskLogger.info('starting 1.2');
    taskLogger.warn('stale marker');
    taskLogger.error('agent failed');
    expect(out).toEqual(['starting 1.2\n']);
    expect(err).toEqual(['stale marker\n', 'agent failed\n']);
  });

  it('colours warnings yellow and errors red (bold) when FORCE_COLOR is set, info stays plain', () => {
    delete process.env.NO_COLOR;
    process.env.FORCE_COLOR = '1';
    taskLogger.info('plain');
    taskLogger.warn('careful');
    taskLogger.error('broken');
    expect(out).toEqual(['plain\n']);
    expect(err).toEqual(['\u001b[1m\u001b[33mcareful\u001b[39m\u001b[22m\n', '\u001b[1m\u001b[31mbroken\u001b[39m\u001b[22m\n']);
  });

  it("with NO_COLOR and Nx's FORCE_COLOR both set: plain text and no Node colour warning", () => {
    process.env.NO_COLOR = '1';
    process.env.FORCE_COLOR = 'true';
    const warnings = jest.spyOn(process, 'emitWarning');
    taskLogger.error('broken');
    taskLogger.warn('careful');
    taskLogger.info('plain');
    expect(err).toEqual(['broken\n', 'careful\n']);
    expect(out).toEqual(['plain\n']);
    expect(warnings).not.toHaveBeenCalled();
  });
});
