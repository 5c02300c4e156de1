// STUB (owner: core-graph helper)
import type { Diagnostic } from '@nx-plan/schema';
export interface RenderOptions { color?: boolean }
/** `file:line:col  severity  CODE  message` + `  hint: …` lines, then a summary line `N errors, M warnings`. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options?: RenderOptions): string { throw new Error('not implemented'); }
