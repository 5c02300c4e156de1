// STUB (owner: core-loader helper)
import type { PlanDocument } from '../model/types';
export function parsePlanMarkdown(text: string, file: string): PlanDocument { throw new Error('not implemented'); }
