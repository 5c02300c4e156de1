/**
 * Source locations inside parallel.json that resolve their line and column
 * only when someone reads them.
 *
 * Every achievement node carries the location of its entry, but a position
 * is needed only when a diagnostic is emitted about it. Finding positions
 * means tokenising the whole text in JavaScript (several times the cost of
 * `JSON.parse`), so a loaded plan keeps just the JSON pointer; the first
 * `line`/`column` read of any node of the plan indexes the text once (one
 * pass, shared by all its nodes) and later reads are answered from that index.
 */
import { createJsonLocator, type JsonLocator } from '@nx-plan/schema';
import type { LoadedPlan, SourceLocation } from '../model/types';

/** One parallel.json text and its pointer index, built on the first question. */
export class JsonTextPositions {
  private locator: JsonLocator | undefined;

  constructor(private readonly text: string) {}

  /** True when this index is about exactly `text`. */
  isFor(text: string): boolean {
    return this.text === text;
  }

  /** 1-based line and column of the value at `pointer`; the nearest existing parent when it is missing, 1:1 when unreadable. */
  positionOf(pointer: string): { line: number; column: number } {
    try {
      this.locator ??= createJsonLocator(this.text);
      const { line, column } = this.locator.locate(pointer).value;
      return { line, column };
    } catch {
      return { line: 1, column: 1 };
    }
  }
}

/**
 * A SourceLocation whose own properties are `file`, `pointer` and the shared
 * `positions`; `line` and `column` are accessors. Assigning them stores the
 * value (it is then no longer computed). `toJSON` gives the plain
 * `{ file, line, column, pointer }` object.
 */
export class JsonPointerLocation implements SourceLocation {
  // Declared only: the properties exist once a value is assigned.
  declare private assignedLine?: number;
  declare private assignedColumn?: number;

  constructor(
    readonly file: string,
    readonly pointer: string,
    private readonly positions: JsonTextPositions,
  ) {}

  get line(): number {
    return this.assignedLine ?? this.positions.positionOf(this.pointer).line;
  }

  set line(value: number) {
    this.assignedLine = value;
  }

  get column(): number {
    return this.assignedColumn ?? this.positions.positionOf(this.pointer).column;
  }

  set column(value: number) {
    this.assignedColumn = value;
  }

  toJSON(): SourceLocation {
    return { file: this.file, line: this.line, column: this.column, pointer: this.pointer };
  }
}

/** The positions index of each loaded plan's parallel.json text (one index per plan, shared by its nodes and checks). */
const byPlan = new WeakMap<LoadedPlan, JsonTextPositions>();

/** Registers `positions` as the index of `plan.parallelText` (the loader does this for the nodes it creates). */
export function setParallelPositions(plan: LoadedPlan, positions: JsonTextPositions): void {
  byPlan.set(plan, positions);
}

/** The positions index of plan.parallelText (created on first use for plans built by hand); undefined without a text. */
export function parallelPositions(plan: LoadedPlan): JsonTextPositions | undefined {
  const text = plan.parallelText;
  if (text === undefined) return undefined;
  let positions = byPlan.get(plan);
  if (positions === undefined || !positions.isFor(text)) {
    positions = new JsonTextPositions(text);
    byPlan.set(plan, positions);
  }
  return positions;
}
