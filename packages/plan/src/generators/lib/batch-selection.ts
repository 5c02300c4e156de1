/**
 * Which achievements a batch generator acts on: `--level=N`,
 * `--achievements=1.1,2.3`, `--all`, or the generator's default wave. The
 * options are mutually exclusive; anything ambiguous is refused.
 */
import { ACHIEVEMENT_ID_PATTERN, compareAchievementIds, type AnalyzedAchievement, type PlanAnalysis } from '@nx-plan/core';
import { BatchRefusal } from './batch-refusal';
import { textOption } from './raw-cli-value';

/** Selection options shared by batch-subplan and batch-execution. */
export interface BatchSelectionOptions {
  /** Every achievement of this dependency level (0 = no dependencies). */
  level?: number;
  /** Comma-separated ids (`1.1,2.3`); `nx g` hands a single id over as a number (see raw-cli-value.ts). */
  achievements?: string | number | string[];
  /** Every achievement of the plan. */
  all?: boolean;
}

export type Selection =
  | { kind: 'default' }
  | { kind: 'level'; level: number }
  | { kind: 'achievements'; ids: string[] }
  | { kind: 'all' };

function splitIds(value: string | string[]): string[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const id = part.trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** Turn the raw options into one Selection; refuses conflicting or malformed ones. */
export function parseSelection(options: BatchSelectionOptions): Selection {
  const given: string[] = [];
  if (options.level !== undefined && options.level !== null) given.push(`--level=${options.level}`);
  if (options.achievements !== undefined && options.achievements !== null) given.push('--achievements');
  if (options.all) given.push('--all');
  if (given.length > 1) {
    throw new BatchRefusal(`conflicting selection options ${given.join(', ')}: pass only one of --level, --achievements, --all`);
  }
  if (options.level !== undefined && options.level !== null) {
    const level = Number(options.level);
    if (!Number.isSafeInteger(level) || level < 0) {
      throw new BatchRefusal(`--level=${options.level} is not a dependency level: give a whole number ≥ 0`);
    }
    return { kind: 'level', level };
  }
  const achievements = textOption('achievements', options.achievements);
  if (achievements !== undefined) {
    const ids = splitIds(achievements);
    if (ids.length === 0) throw new BatchRefusal('--achievements is empty: give ids such as --achievements=1.1,2.3');
    const malformed = ids.filter((id) => !ACHIEVEMENT_ID_PATTERN.test(id));
    if (malformed.length > 0) {
      throw new BatchRefusal(
        `--achievements: ${malformed.map((id) => JSON.stringify(id)).join(', ')} ${malformed.length === 1 ? 'is not an achievement id' : 'are not achievement ids'} (expected <priority>.<index>, e.g. 1.1)`,
      );
    }
    return { kind: 'achievements', ids };
  }
  if (options.all) return { kind: 'all' };
  return { kind: 'default' };
}

/** A short label for summaries: `default (next wave)`, `--level=1`, … */
export function describeSelection(selection: Selection, defaultLabel: string): string {
  switch (selection.kind) {
    case 'default':
      return `default (${defaultLabel})`;
    case 'level':
      return `--level=${selection.level}`;
    case 'achievements':
      return `--achievements=${selection.ids.join(',')}`;
    case 'all':
      return '--all';
  }
}

export interface SelectedAchievements {
  /** Selected achievements, ordered by priority then index. */
  achievements: AnalyzedAchievement[];
  /** Ids of `--achievements` that the plan does not have. */
  unknown: string[];
}

/**
 * Apply a selection to an analysed plan. `isDefault` decides the default
 * wave (each generator has its own); without it the default selects nothing.
 */
export function selectAchievements(
  analysis: PlanAnalysis,
  selection: Selection,
  isDefault: (achievement: AnalyzedAchievement) => boolean = () => false,
): SelectedAchievements {
  const byId = new Map(analysis.achievements.map((a) => [a.id, a] as const));
  let chosen: AnalyzedAchievement[];
  const unknown: string[] = [];
  switch (selection.kind) {
    case 'default':
      chosen = analysis.achievements.filter(isDefault);
      break;
    case 'level':
      chosen = analysis.achievements.filter((a) => a.level === selection.level);
      break;
    case 'all':
      chosen = [...analysis.achievements];
      break;
    case 'achievements':
      chosen = [];
      for (const id of selection.ids) {
        const found = byId.get(id);
        if (found) chosen.push(found);
        else unknown.push(id);
      }
      break;
  }
  chosen.sort((a, b) => compareAchievementIds(a.id, b.id));
  return { achievements: chosen, unknown };
}
