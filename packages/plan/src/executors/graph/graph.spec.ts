import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureOutput, withEnv, type CapturedOutput } from '../../testing/capture-output';
import { executorContext } from '../../testing/executor-context';
import { BAD_PLAN, GOOD_PLAN } from '../../testing/plan-fixtures';
import { createTempWorkspace, type TempWorkspace } from '../../testing/temp-workspace';
import graphDefault, { graphExecutor } from './graph';

interface GraphJson {
  version: number;
  name: string;
  nodes: { id: string; title: string; status: string; level: number }[];
  edges: { from: string; to: string }[];
}

describe('graph executor', () => {
  let ws: TempWorkspace;
  let out: CapturedOutput;

  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-graph-');
    ws.write({ ...GOOD_PLAN, ...BAD_PLAN });
    out = captureOutput();
  });

  afterEach(() => {
    out.restore();
    ws.cleanup();
  });

  const context = () =>
    executorContext(ws.root, { 'plan-good': { root: 'plans/GOOD' }, 'plan-bad': { root: 'plans/BAD' } }, 'plan-good');
  const run = (options: Parameters<typeof graphExecutor>[0]) =>
    withEnv({ NO_COLOR: '1' }, () => graphExecutor(options, context()));

  it('is the default export too', () => {
    expect(graphDefault).toBe(graphExecutor);
  });

  it('draws ASCII by default', async () => {
    await expect(run({})).resolves.toEqual({ success: true });
    const text = out.stdout();
    for (const id of ['1.1', '1.2', '2.1']) expect(text).toContain(id);
  });

  it('prints a JSON graph with the dependency edges and nothing else', async () => {
    await expect(run({ format: 'json' })).resolves.toEqual({ success: true });
    const graph = JSON.parse(out.stdout()) as GraphJson;
    expect(graph.version).toBe(1);
    expect(graph.name).toBe('GOOD');
    expect(graph.nodes.map((n) => [n.id, n.level])).toEqual([
      ['1.1', 0],
      ['1.2', 0],
      ['2.1', 1],
    ]);
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { from: '1.1', to: '2.1' },
        { from: '1.2', to: '2.1' },
      ])
    );
    expect(graph.edges).toHaveLength(2);
  });

  it('wraps the aggregate project\'s plans in one document', async () => {
    await expect(run({ plans: ['plans/GOOD'], format: 'json' })).resolves.toEqual({ success: true });
    const document = JSON.parse(out.stdout()) as { version: number; plans: GraphJson[] };
    expect(document.version).toBe(1);
    expect(document.plans.map((p) => p.name)).toEqual(['GOOD']);
  });

  it('writes Mermaid to --outputFile and nothing to stdout', async () => {
    await expect(run({ format: 'mermaid', outputFile: 'docs/graph.mmd' })).resolves.toEqual({ success: true });
    const text = readFileSync(ws.path('docs/graph.mmd'), 'utf-8');
    expect(text).toMatch(/^(flowchart|graph) /);
    expect(text).toContain('2.1');
    expect(out.stdout()).toBe('');
    expect(out.messages).toEqual(['Wrote docs/graph.mmd']);
  });

  it('prints DOT, one digraph per plan', async () => {
    await expect(run({ plans: ['plans/GOOD', 'plans/BAD'], format: 'dot' })).resolves.toEqual({ success: true });
    expect(out.stdout().match(/digraph /g)).toHaveLength(2);
  });

  it('refuses Mermaid for several plans, naming the plan projects', async () => {
    await expect(run({ plans: ['plans/GOOD', 'plans/BAD'], format: 'mermaid' })).resolves.toEqual({ success: false });
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatch(/^error: --format=mermaid draws one plan.*plan-good, plan-bad/);
    expect(out.stdout()).toBe('');
  });

  it('refuses an unknown format in one line', async () => {
    await expect(run({ format: 'svg' as never })).resolves.toEqual({ success: false });
    expect(out.errors).toEqual(['error: unknown --format "svg"; use one of ascii, mermaid, dot, json']);
  });

  it('accepts --output as an alias of --outputFile (schema)', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, 'schema.json'), 'utf-8'));
    expect(schema.properties.outputFile.alias).toBe('output');
  });
});
