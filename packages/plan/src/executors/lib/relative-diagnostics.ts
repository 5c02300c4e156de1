/** Diagnostics with their `file` made relative to the workspace root, for printing and JSON. */
import type { Diagnostic } from '@nx-plan/schema';
import { relativeToRoot } from './resolve-plan-folders';

export function relativeDiagnostics(diagnostics: readonly Diagnostic[], root: string): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, file: relativeToRoot(root, d.file) }));
}
