/**
 * The dependency graph as text: ASCII waves for the terminal, Mermaid for
 * markdown, DOT for Graphviz and a small versioned JSON document. Edges point
 * from a dependency to its dependent (the order work flows in).
 */
import type { AnalyzedAchievement, DerivedStatus, PlanAnalysis } from '../model/types';
import { palette } from './ansi';
import type { RenderOptions } from './render-diagnostics';
import { statusStyle } from './render-status';
import { isDoneStatus } from '../status/derive-status';

export type GraphFormat = 'ascii' | 'mermaid' | 'dot' | 'json';

export const GRAPH_FORMATS: readonly GraphFormat[] = ['ascii', 'mermaid', 'dot', 'json'];

const STATUS_COLORS: Record<DerivedStatus, { fill: string; stroke: string }> = {
  not_started: { fill: '#f1f3f5', stroke: '#868e96' },
  subplan_created: { fill: '#e3fafc', stroke: '#1098ad' },
  execution_created: { fill: '#e7f5ff', stroke: '#1c7ed6' },
  in_progress: { fill: '#f3f0ff', stroke: '#7048e8' },
  awaiting_review: { fill: '#fff9db', stroke: '#f08c00' },
  complete: { fill: '#ebfbee', stroke: '#2f9e44' },
  failed: { fill: '#fff5f5', stroke: '#e03131' },
  skipped: { fill: '#f8f9fa', stroke: '#adb5bd' },
};

const STATUS_ORDER = Object.keys(STATUS_COLORS) as DerivedStatus[];

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function edgesOf(analysis: PlanAnalysis): { from: string; to: string }[] {
  const edges: { from: string; to: string }[] = [];
  for (const a of analysis.achievements) for (const dep of a.dependencies) edges.push({ from: dep, to: a.id });
  return edges;
}

export function renderAsciiGraph(analysis: PlanAnalysis, options: RenderOptions = {}): string {
  const c = palette(options.color);
  const byId = new Map<string, AnalyzedAchievement>();
  for (const a of analysis.achievements) byId.set(a.id, a);
  const out: string[] = [];
  const waves = analysis.waves;
  out.push(
    c.bold(`${analysis.name}`) +
      c.dim(`  ${analysis.achievements.length} achievements, ${waves.length} wave${waves.length === 1 ? '' : 's'} (arrows: ← depends on)`),
  );

  const line = (a: AnalyzedAchievement): string => {
    const mark = isDoneStatus(a.status) ? '✔' : a.ready ? '●' : '○';
    const deps = a.dependencies.length > 0 ? c.dim(`  ← ${a.dependencies.join(', ')}`) : '';
    return `  ${statusStyle(c, a.status)(mark)} ${c.bold(a.id)}  ${oneLine(a.title)}  ${statusStyle(c, a.status)(`[${a.status}]`)}${deps}`;
  };

  for (let level = 0; level < waves.length; level++) {
    const wave = waves[level];
    out.push('');
    out.push(c.cyan(`level ${level}`) + c.dim(` — ${wave.length} achievement${wave.length === 1 ? '' : 's'}${wave.length > 1 ? ', independent of each other' : ''}`));
    for (const id of wave) {
      const a = byId.get(id);
      if (a) out.push(line(a));
    }
  }

  const unscheduled = analysis.achievements.filter((a) => a.level < 0);
  if (unscheduled.length > 0) {
    out.push('');
    out.push(c.red(`not scheduled — on or behind a dependency cycle (${unscheduled.length})`));
    for (const a of unscheduled) out.push(line(a));
  }
  out.push('');
  out.push(c.dim('● ready  ○ blocked  ✔ done'));
  return out.join('\n') + '\n';
}

/** Mermaid node id: letters, digits and `_` only, starting with a letter (`1.1` → `a1_1`). */
function mermaidIds(analysis: PlanAnalysis): Map<string, string> {
  const used = new Set<string>();
  const ids = new Map<string, string>();
  for (const a of analysis.achievements) {
    const base = `a${a.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    ids.set(a.id, id);
  }
  return ids;
}

function mermaidText(text: string): string {
  return oneLine(text).replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

export function renderMermaid(analysis: PlanAnalysis): string {
  const ids = mermaidIds(analysis);
  const out = ['flowchart TD'];
  for (const a of analysis.achievements) {
    const title = oneLine(a.title);
    out.push(`  ${ids.get(a.id)}["${mermaidText(title ? `${a.id} ${title}` : a.id)}"]`);
  }
  for (const edge of edgesOf(analysis)) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from && to) out.push(`  ${from} --> ${to}`);
  }
  const used = STATUS_ORDER.filter((status) => analysis.achievements.some((a) => a.status === status));
  for (const status of used) {
    const color = STATUS_COLORS[status];
    out.push(`  classDef ${status} fill:${color.fill},stroke:${color.stroke}`);
  }
  for (const status of used) {
    const members = analysis.achievements.filter((a) => a.status === status).map((a) => ids.get(a.id));
    out.push(`  class ${members.join(',')} ${status}`);
  }
  return out.join('\n') + '\n';
}

function dotString(text: string): string {
  return `"${oneLine(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function renderDot(analysis: PlanAnalysis): string {
  const out = [`digraph ${dotString(analysis.name)} {`, '  rankdir=TB;', '  node [shape=box, style="rounded,filled", fontname="Helvetica"];'];
  for (const a of analysis.achievements) {
    const color = STATUS_COLORS[a.status] ?? STATUS_COLORS.not_started;
    const title = oneLine(a.title);
    const label = `${dotString(a.id).slice(0, -1)}${title ? `\\n${dotString(title).slice(1, -1)}` : ''}"`;
    out.push(`  ${dotString(a.id)} [label=${label}, fillcolor="${color.fill}", color="${color.stroke}", tooltip=${dotString(a.status)}];`);
  }
  for (const edge of edgesOf(analysis)) out.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)};`);
  out.push('}');
  return out.join('\n') + '\n';
}

/** `{ version: 1, name, nodes: [{id,title,status,level}], edges: [{from: dependency, to: dependent}] }` */
export function renderGraphJson(analysis: PlanAnalysis): string {
  const document = {
    version: 1,
    name: analysis.name,
    nodes: analysis.achievements.map((a) => ({ id: a.id, title: a.title, status: a.status, level: a.level })),
    edges: edgesOf(analysis),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

export function renderGraph(analysis: PlanAnalysis, format: GraphFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'ascii':
      return renderAsciiGraph(analysis, options);
    case 'mermaid':
      return renderMermaid(analysis);
    case 'dot':
      return renderDot(analysis);
    case 'json':
      return renderGraphJson(analysis);
    default:
      throw new Error(`unknown graph format "${String(format)}"; use one of ${GRAPH_FORMATS.join(', ')}`);
  }
}
