// STUB (owner: core-graph helper)
import type { PlanAnalysis } from '../model/types';
import type { RenderOptions } from './render-diagnostics';
/** Table (id, title, status, level, ready/blocked, estimate) + next available, opportunities, savings, critical path, recommended action. */
export function renderStatus(analysis: PlanAnalysis, options?: RenderOptions): string { throw new Error('not implemented'); }
