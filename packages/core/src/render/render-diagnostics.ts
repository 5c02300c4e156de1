/**
 * Diagnostics for the terminal, one per line in the familiar
 * `file:line:col  severity  CODE  message` form with an indented hint,
 * followed by a summary line.
 */
import * as path from 'node:path';
import type { Diagnostic, Severity } from '@nx-plan/schema';
import { palette, type Palette } from './ansi';

export interface RenderOptions {
  color?: boolean;
  /** Print file paths relative to this folder (absolute paths stay absolute otherwise). */
  relativeTo?: string;
}

function severityStyle(c: Palette, severity: Severity): (text: string) => string {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.cyan;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `✖ 2 errors, 1 warning`, `⚠ 1 warning`, `✔ no problems` (infos are counted in passing). */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const c = palette(options.color);
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  const info = infos > 0 ? `${count(infos, 'info')}` : '';
  if (errors + warnings === 0) return c.green('✔ no problems') + (info ? c.dim(` (${info})`) : '');
  const parts: string[] = [];
  if (errors > 0) parts.push(count(errors, 'error'));
  if (warnings > 0) parts.push(count(warnings, 'warning'));
  if (info) parts.push(info);
  return errors > 0 ? c.red(`✖ ${parts.join(', ')}`) : c.yellow(`⚠ ${parts.join(', ')}`);
}

/** `file:line:col  severity  CODE  message` + `  hint: …` lines, then a summary line. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const c = palette(options.color);
  const lines: string[] = [];
  const severityWidth = diagnostics.some((d) => d.severity === 'warning') ? 7 : 5;
  for (const d of diagnostics) {
    const file = options.relativeTo && path.isAbsolute(d.file) ? path.relative(options.relativeTo, d.file) || d.file : d.file;
    const severity = severityStyle(c, d.severity)(d.severity.padEnd(severityWidth));
    lines.push(`${c.bold(`${file}:${d.line}:${d.column}`)}  ${severity}  ${c.dim(d.code)}  ${d.message}`);
    if (d.hint) lines.push(`  ${c.dim('hint:')} ${d.hint}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summarizeDiagnostics(diagnostics, options));
  return lines.join('\n') + '\n';
}
