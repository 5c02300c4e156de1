// STUB (owner: core-graph helper)
import type { PlanAnalysis } from '../model/types';
import type { RenderOptions } from './render-diagnostics';
export type GraphFormat = 'ascii' | 'mermaid' | 'dot' | 'json';
export function renderAsciiGraph(analysis: PlanAnalysis, options?: RenderOptions): string { throw new Error('not implemented'); }
export function renderMermaid(analysis: PlanAnalysis): string { throw new Error('not implemented'); }
export function renderDot(analysis: PlanAnalysis): string { throw new Error('not implemented'); }
/** `{ version: 1, name, nodes: [{id,title,status,level}], edges: [{from: dependency, to: dependent}] }` */
export function renderGraphJson(analysis: PlanAnalysis): string { throw new Error('not implemented'); }
export function renderGraph(analysis: PlanAnalysis, format: GraphFormat, options?: RenderOptions): string { throw new Error('not implemented'); }
