import type { Diagnostic } from '@nx-plan/schema';
import { analyzePlan } from '../analysis/analyze-plan';
import { planOf } from '../testing/graph-fixtures';
import { renderDiagnostics, summarizeDiagnostics } from './render-diagnostics';
import { renderAsciiGraph, renderDot, renderGraph, renderGraphJson, renderMermaid } from './render-graph';
import { renderStatus } from './render-status';
import { toStatusDocument } from './status-document';

const ESC = '\u001b[';

function demo() {
  return analyzePlan(
    planOf(
      [
        { id: '1.1', hours: { min: 4, max: 6 }, title: 'Parse the "PLAN" file' },
        { id: '1.2', deps: ['1.1'], hours: { min: 2, max: 3 }, title: 'Levels' },
        { id: '2.1', deps: ['1.1'], title: 'A very long title that will certainly be cut short in the status table' },
        { id: '3.1', deps: ['1.2', '2.1'], hours: { min: 1, max: 1 }, title: 'Report' },
      ],
      { name: 'DEMO', files: { '1.1': { subplan: true, executions: 2, approved: true } } },
    ),
    { diagnostics: [] },
  );
}

const problems: Diagnostic[] = [
  {
    code: 'PLAN004',
    severity: 'error',
    message: 'achievement 2.1 depends on 9.9, which does not exist',
    hint: 'remove "9.9" from dependencies or add achievement 9.9',
    file: 'parallel.json',
    line: 14,
    column: 7,
  },
  { code: 'PLAN006', severity: 'warning', message: 'achievement 1.2 lists dependency 1.1 more than once', file: 'parallel.json', line: 20, column: 9 },
  { code: 'PLAN023', severity: 'info', message: 'no parallel.json', file: '/ws/plans/X/PLAN_X.md', line: 1, column: 1 },
];

describe('renderDiagnostics', () => {
  it('prints one located line per diagnostic, the hint below, and a summary', () => {
    expect(renderDiagnostics(problems, { relativeTo: '/ws' }).split('\n')).toEqual([
      'parallel.json:14:7  error    PLAN004  achievement 2.1 depends on 9.9, which does not exist',
      '  hint: remove "9.9" from dependencies or add achievement 9.9',
      'parallel.json:20:9  warning  PLAN006  achievement 1.2 lists dependency 1.1 more than once',
      'plans/X/PLAN_X.md:1:1  info     PLAN023  no parallel.json',
      '',
      '✖ 1 error, 1 warning, 1 info',
      '',
    ]);
  });

  it('summarises', () => {
    expect(summarizeDiagnostics([])).toBe('✔ no problems');
    expect(summarizeDiagnostics([problems[2]])).toBe('✔ no problems (1 info)');
    expect(summarizeDiagnostics([problems[1], problems[1]])).toBe('⚠ 2 warnings');
    expect(summarizeDiagnostics([problems[0], problems[0], problems[1]])).toBe('✖ 2 errors, 1 warning');
    expect(renderDiagnostics([])).toBe('✔ no problems\n');
  });

  it('uses ANSI colours only when asked', () => {
    expect(renderDiagnostics(problems)).not.toContain(ESC);
    expect(renderDiagnostics(problems, { color: true })).toContain(`${ESC}31m`);
  });
});

describe('renderStatus', () => {
  it('prints an aligned table and the planning sections', () => {
    const lines = renderStatus(demo()).split('\n');
    expect(lines[0]).toBe('Plan DEMO  1/4 done, dependencies from parallel.json');
    const header = lines[2];
    expect(header).toMatch(/^ID {3}TITLE +STATUS +LEVEL +STATE +ESTIMATE$/);
    const statusColumn = header.indexOf('STATUS');
    const rows = lines.slice(3, 7);
    expect(rows.map((row) => row.slice(0, 3))).toEqual(['1.1', '1.2', '2.1', '3.1']);
    for (const row of rows) expect(row[statusColumn - 1]).toBe(' ');
    expect(rows[0].slice(statusColumn)).toMatch(/^complete +0 +done +4-6h$/);
    expect(rows[2]).toContain('A very long title that will certainly be cu…');
    expect(rows[2]).toMatch(/not_started +1 +ready +—$/);
    expect(rows[3]).toMatch(/not_started +2 +blocked +1h$/);

    const text = lines.join('\n');
    expect(text).toContain('Next available: 1.2, 2.1');
    expect(text).toContain('Parallel opportunities:\n  level 1: 1.2, 2.1 (2 at once)');
    // Sequential 4+2+0+1 = 7 … 6+3+0+1 = 10; critical path 1.1 → 1.2 → 3.1 = 7-10h.
    expect(text).toContain('Time savings: sequential 7-10h, parallel 7-10h, saves 0h (0%)');
    expect(text).toContain('  without estimate, counted as 0h: 2.1');
    expect(text).toContain('Critical path: 1.1 → 1.2 → 3.1 (7-10h)');
    expect(text).toContain('Recommended action: Create SUBPLANs for 2 ready achievements: 1.2, 2.1\n  npx nx g @nx-plan/plan:batch-subplan --plan=DEMO');
  });

  it('shows savings as ranges with percentages', () => {
    // Two independent 10-12h and 14-22h achievements: sequential 24-34h, parallel 14-22h, saves 10-12h, 41.7% … 35.3%.
    const a = analyzePlan(planOf([{ id: '1.1', hours: { min: 10, max: 12 } }, { id: '1.2', hours: { min: 14, max: 22 } }]), { diagnostics: [] });
    expect(renderStatus(a)).toContain('Time savings: sequential 24-34h, parallel 14-22h, saves 10-12h (35-42%)');
  });
});

describe('toStatusDocument', () => {
  it('has a version and a fixed key order', () => {
    const document = toStatusDocument([demo()]);
    expect(document.version).toBe(1);
    expect(Object.keys(document)).toEqual(['version', 'plans']);
    const [plan] = document.plans;
    expect(Object.keys(plan)).toEqual([
      'name',
      'dir',
      'dependencySource',
      'achievements',
      'nextAvailable',
      'parallelOpportunities',
      'fileOverlaps',
      'criticalPath',
      'timeSavings',
      'recommendedAction',
      'diagnostics',
    ]);
    expect(plan.achievements[0]).toEqual({
      id: '1.1',
      title: 'Parse the "PLAN" file',
      status: 'complete',
      level: 0,
      ready: false,
      dependencies: [],
      estimate: { min: 4, max: 6 },
      attempts: 2,
    });
    expect(Object.keys(plan.achievements[2])).toEqual(['id', 'title', 'status', 'level', 'ready', 'dependencies', 'attempts']);
    expect(Object.keys(plan.recommendedAction)).toEqual(['kind', 'message', 'command', 'ids']);
    expect(Object.keys(plan.timeSavings)).toEqual(['sequential', 'parallel', 'saved', 'percent', 'unestimated']);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});

describe('graph renderers', () => {
  it('ASCII: waves top-down with each node’s dependencies', () => {
    const text = renderAsciiGraph(demo());
    expect(text).toContain('level 0 — 1 achievement\n  ✔ 1.1  Parse the "PLAN" file  [complete]\n');
    expect(text).toContain('level 1 — 2 achievements, independent of each other\n  ● 1.2  Levels  [not_started]  ← 1.1\n');
    expect(text).toContain('level 2 — 1 achievement\n  ○ 3.1  Report  [not_started]  ← 1.2, 2.1\n');
    expect(text).not.toContain(ESC);
    expect(renderAsciiGraph(demo(), { color: true })).toContain(ESC);
  });

  it('ASCII: lists achievements on or behind a cycle separately', () => {
    const a = analyzePlan(planOf([{ id: '1.1', deps: ['1.2'] }, { id: '1.2', deps: ['1.1'] }, { id: '2.1' }]), { diagnostics: [] });
    expect(renderAsciiGraph(a)).toContain('not scheduled — on or behind a dependency cycle (2)\n  ○ 1.1');
  });

  it('Mermaid: sanitised node ids, escaped quotes, edges from dependency to dependent, a class per status', () => {
    const lines = renderMermaid(demo()).trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines).toContain('  a1_1["1.1 Parse the #quot;PLAN#quot; file"]');
    expect(lines).toContain('  a1_1 --> a1_2');
    expect(lines).toContain('  a2_1 --> a3_1');
    expect(lines).toContain('  class a1_1 complete');
    expect(lines).toContain('  class a1_2,a2_1,a3_1 not_started');
    expect(lines.filter((l) => l.startsWith('  classDef '))).toHaveLength(2);
  });

  it('DOT: quoted ids, escaped labels, colours by status', () => {
    const text = renderDot(demo());
    expect(text.startsWith('digraph "DEMO" {\n')).toBe(true);
    expect(text).toContain('  "1.1" [label="1.1\\nParse the \\"PLAN\\" file", fillcolor="#ebfbee"');
    expect(text).toContain('  "1.2" -> "3.1";');
    expect(text.trimEnd().endsWith('}')).toBe(true);
  });

  it('JSON: versioned nodes and edges', () => {
    const document = JSON.parse(renderGraphJson(demo()));
    expect(document.version).toBe(1);
    expect(document.name).toBe('DEMO');
    expect(document.nodes[3]).toEqual({ id: '3.1', title: 'Report', status: 'not_started', level: 2 });
    expect(document.edges).toEqual([
      { from: '1.1', to: '1.2' },
      { from: '1.1', to: '2.1' },
      { from: '1.2', to: '3.1' },
      { from: '2.1', to: '3.1' },
    ]);
  });

  it('renderGraph dispatches on the format', () => {
    const a = demo();
    expect(renderGraph(a, 'mermaid')).toBe(renderMermaid(a));
    expect(renderGraph(a, 'dot')).toBe(renderDot(a));
    expect(renderGraph(a, 'json')).toBe(renderGraphJson(a));
    expect(renderGraph(a, 'ascii')).toBe(renderAsciiGraph(a));
  });
});
