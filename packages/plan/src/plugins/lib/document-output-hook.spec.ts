import { normalizeOptions, preTasksExecution } from '../plan-nodes';
import { asksForDocument, documentOutputEnv, namesPlanTarget } from './document-output-hook';

const targets = normalizeOptions(undefined);
const nx = (line: string) => ['/usr/bin/node', '/ws/node_modules/.bin/nx', ...line.split(' ')];

describe('documentOutputEnv', () => {
  it('turns streaming off when a plan target is asked for a document, however the command names it', () => {
    for (const line of [
      'run plan:status --format=json',
      'run plan-web-app:validate --format json',
      'run plan-web-app:graph --format=mermaid --skip-nx-cache',
      'status plan-web-app --format=json',
      'run-many -t validate,status --format=json',
      'affected --targets=status --format=dot',
    ]) {
      expect([line, documentOutputEnv(nx(line), targets, {})]).toEqual([line, { NX_STREAM_OUTPUT: 'false' }]);
    }
  });

  it('leaves every other command alone', () => {
    for (const line of [
      'run plan:status',
      'run plan:status --format=pretty',
      'run plan:graph',
      'run app:lint --format=json',
      'run plan-web-app:execute --parallel=3',
    ]) {
      expect([line, documentOutputEnv(nx(line), targets, {})]).toEqual([line, {}]);
    }
  });

  it('respects a value the user set', () => {
    expect(documentOutputEnv(nx('run plan:status --format=json'), targets, { NX_STREAM_OUTPUT: 'true' })).toEqual({});
  });

  it('follows renamed targets', () => {
    const renamed = normalizeOptions({ statusTargetName: 'report' });
    expect(namesPlanTarget(nx('run plan:report --format=json'), renamed)).toBe(true);
    expect(namesPlanTarget(nx('run plan:status --format=json'), renamed)).toBe(false);
    expect(asksForDocument(nx('run plan:report --format'))).toBe(false);
  });
});

describe('preTasksExecution (the plugin hook)', () => {
  const saved = process.env['NX_STREAM_OUTPUT'];
  afterEach(() => {
    if (saved === undefined) delete process.env['NX_STREAM_OUTPUT'];
    else process.env['NX_STREAM_OUTPUT'] = saved;
  });

  const context = { id: '1', workspaceRoot: '/ws', nxJsonConfiguration: {}, argv: nx('run plan:status --format=json') };

  it('sets NX_STREAM_OUTPUT=false in the environment when it runs in the Nx process itself', async () => {
    delete process.env['NX_STREAM_OUTPUT'];
    await preTasksExecution({}, context);
    expect(process.env['NX_STREAM_OUTPUT']).toBe('false');
  });

  it('in the daemon, does not take the value an earlier command set for the choice of the user', async () => {
    delete process.env['NX_STREAM_OUTPUT'];
    await preTasksExecution({}, context);
    // The daemon keeps its environment between commands; Nx records each assignment for the current one.
    const original = process.env;
    const updates: Record<string, string> = {};
    process.env = new Proxy(original, {
      set: (target, key, value) => {
        target[key as string] = value;
        updates[key as string] = value;
        return true;
      },
    });
    try {
      await preTasksExecution({}, context);
    } finally {
      process.env = original;
    }
    expect(updates).toEqual({ NX_STREAM_OUTPUT: 'false' });
  });
});
