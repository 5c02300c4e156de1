/**
 * A diagnostic before it has a line and column: the JSON pointer it concerns
 * and which pointer (and which part, value or property name) to locate.
 * Findings are located in one batch, only when there are any.
 */
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostic';
import { splitPointer } from './json-pointer';

export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  hint: string;
  /** Pointer reported in the diagnostic. */
  pointer: string;
  /** Pointer whose position is the diagnostic's line:column (defaults to `pointer`). */
  locateAt?: string;
  /** Locate the property name instead of the value (object members only). */
  atKey?: boolean;
}

export type FindingLocator = (pointer: string, atKey: boolean) => { line: number; column: number };

export function toDiagnostic(finding: Finding, file: string, locate: FindingLocator): Diagnostic {
  const { line, column } = locate(finding.locateAt ?? finding.pointer, finding.atKey === true);
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    hint: finding.hint,
    file,
    line,
    column,
    pointer: finding.pointer,
  };
}

const ACHIEVEMENT_ID = /^\d+\.\d+$/;

/**
 * How a message names the achievement at `index`: `achievement 2.1` when its
 * id is valid, otherwise by position (`achievements[3]`), with the invalid id
 * quoted when it is a string.
 */
export function achievementLabel(index: number, achievement: unknown): string {
  const id = isObject(achievement) ? achievement['achievement_id'] : undefined;
  if (typeof id === 'string' && ACHIEVEMENT_ID.test(id)) return `achievement ${id}`;
  if (typeof id === 'string') return `achievement ${shortJson(id)} (achievements[${index}])`;
  return `achievements[${index}]`;
}

/**
 * Split a pointer into the context a reader needs: `achievement 2.1` plus the
 * field path inside it (`dependencies[2]`), or just the field path at the root
 * (`plan_name`, `priority_groups[0]`).
 */
export function describePointer(pointer: string, data: unknown): { context?: string; field?: string } {
  const tokens = splitPointer(pointer);
  if (tokens.length >= 2 && tokens[0] === 'achievements' && /^\d+$/.test(tokens[1]) && isObject(data)) {
    const achievements = data['achievements'];
    const index = Number(tokens[1]);
    const achievement = Array.isArray(achievements) ? achievements[index] : undefined;
    const context = achievementLabel(index, achievement);
    return tokens.length === 2 ? { context } : { context, field: fieldPath(tokens.slice(2)) };
  }
  return tokens.length === 0 ? {} : { field: fieldPath(tokens) };
}

/** `['dependencies', '2']` → `dependencies[2]`. */
export function fieldPath(tokens: readonly string[]): string {
  let path = '';
  for (const token of tokens) {
    if (/^\d+$/.test(token) && path !== '') path += `[${token}]`;
    else path += path === '' ? token : `.${token}`;
  }
  return path;
}

/** A short readable form of a JSON value for messages; never serialises nested data. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  switch (typeof value) {
    case 'string':
      return shortJson(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'a number too large to represent';
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return String(value);
  }
}

export function shortJson(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
