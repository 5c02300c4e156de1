/**
 * A reusable locator for many pointers into one text, asked one at a time
 * (e.g. the location of every achievement, then of some dependencies).
 *
 * The first call indexes, in one iterative pass, the positions of the values
 * down to depth 2 (`/achievements/3`) in compact arrays; later calls answer
 * those in O(depth), and deeper pointers (`/achievements/3/dependencies/1`)
 * by walking only the depth-2 value that holds them. Locating every
 * achievement of a 100,000-achievement file is one pass over the text, not
 * one pass per achievement.
 */
import { splitPointer } from './json-pointer';
import type { PointerLocation, TextPosition } from './json-source-map';
import { walkJson } from './json-walker';

export interface JsonLocator {
  /** Where the value at `pointer` starts (and its property name); the nearest existing parent when it is missing. */
  locate(pointer: string): PointerLocation;
}

const START_OF_TEXT: TextPosition = { offset: 0, line: 1, column: 1 };

/** Positions of a list of values: value and property-name positions (-1 when there is no name). */
class Positions {
  readonly offset: number[] = [];
  readonly line: number[] = [];
  readonly column: number[] = [];
  readonly keyOffset: number[] = [];
  readonly keyLine: number[] = [];
  readonly keyColumn: number[] = [];
  /** Member name (objects) or undefined (array elements). */
  readonly key: (string | undefined)[] = [];

  push(key: string | undefined, offset: number, line: number, column: number, keyOffset: number, keyLine: number, keyColumn: number): number {
    this.offset.push(offset);
    this.line.push(line);
    this.column.push(column);
    this.keyOffset.push(keyOffset);
    this.keyLine.push(keyLine);
    this.keyColumn.push(keyColumn);
    this.key.push(key);
    return this.offset.length - 1;
  }

  value(i: number): TextPosition {
    return { offset: this.offset[i], line: this.line[i], column: this.column[i] };
  }

  keyPosition(i: number): TextPosition | undefined {
    return this.keyOffset[i] >= 0 ? { offset: this.keyOffset[i], line: this.keyLine[i], column: this.keyColumn[i] } : undefined;
  }
}

interface Index {
  root?: TextPosition;
  rootIsArray: boolean;
  /** Depth-1 values. */
  level1: Positions;
  /** Depth-1 member name → index in level1 (first occurrence). */
  level1ByKey: Map<string, number>;
  /** Depth-2 values, contiguous per parent. */
  level2: Positions;
  /** Per depth-1 value: first index in level2 and count (count 0 for scalars). */
  childStart: number[];
  childCount: number[];
  /** Per depth-1 value: whether it is an array (children by index). */
  childIsArray: boolean[];
  /** Lazily built name lookups for large depth-1 objects. */
  childByKey: Map<number, Map<string, number>>;
}

export function createJsonLocator(input: string): JsonLocator {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let index: Index | undefined;
  return {
    locate(pointer: string): PointerLocation {
      if (!index) index = buildIndex(text);
      return locateIn(text, index, splitPointer(pointer));
    },
  };
}

function buildIndex(text: string): Index {
  const index: Index = {
    rootIsArray: false,
    level1: new Positions(),
    level1ByKey: new Map(),
    level2: new Positions(),
    childStart: [],
    childCount: [],
    childIsArray: [],
    childByKey: new Map(),
  };
  let current1 = -1;
  walkJson(text, (depth, key, offset, line, column, keyOffset, keyLine, keyColumn) => {
    if (depth > 2) return false;
    if (depth === 0) {
      index.root = { offset, line, column };
      index.rootIsArray = text.charCodeAt(offset) === 0x5b;
    } else if (depth === 1) {
      const name = typeof key === 'string' ? key : undefined;
      current1 = index.level1.push(name, offset, line, column, keyOffset, keyLine, keyColumn);
      if (name !== undefined && !index.level1ByKey.has(name)) index.level1ByKey.set(name, current1);
      index.childStart.push(index.level2.offset.length);
      index.childCount.push(0);
      index.childIsArray.push(text.charCodeAt(offset) === 0x5b);
    } else {
      index.level2.push(typeof key === 'string' ? key : undefined, offset, line, column, keyOffset, keyLine, keyColumn);
      index.childCount[current1]++;
    }
    return false;
  });
  return index;
}

function locateIn(text: string, index: Index, tokens: string[]): PointerLocation {
  if (!index.root) return { value: START_OF_TEXT, exact: tokens.length === 0 };
  if (tokens.length === 0) return { value: index.root, exact: true };

  const first = index.rootIsArray ? arrayIndex(tokens[0], index.level1.offset.length) : index.level1ByKey.get(tokens[0]);
  if (first === undefined) return { value: index.root, exact: false };
  if (tokens.length === 1) return { value: index.level1.value(first), key: index.level1.keyPosition(first), exact: true };

  const second = childOf(index, first, tokens[1]);
  if (second === undefined) return { value: index.level1.value(first), exact: false };
  const value2 = index.level2.value(second);
  if (tokens.length === 2) return { value: value2, key: index.level2.keyPosition(second), exact: true };

  return locateBelow(text, value2, tokens.slice(2));
}

function childOf(index: Index, parent: number, token: string): number | undefined {
  const start = index.childStart[parent];
  const count = index.childCount[parent];
  if (count === 0) return undefined;
  if (index.childIsArray[parent]) {
    const i = arrayIndex(token, count);
    return i === undefined ? undefined : start + i;
  }
  if (count <= 16) {
    for (let i = start; i < start + count; i++) if (index.level2.key[i] === token) return i;
    return undefined;
  }
  let byKey = index.childByKey.get(parent);
  if (!byKey) {
    byKey = new Map();
    for (let i = start; i < start + count; i++) {
      const key = index.level2.key[i] as string;
      if (!byKey.has(key)) byKey.set(key, i);
    }
    index.childByKey.set(parent, byKey);
  }
  return byKey.get(token);
}

function arrayIndex(token: string, length: number): number | undefined {
  if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
  const i = Number(token);
  return i < length ? i : undefined;
}

/** Walk only the value at `from` to find `tokens` (relative to it). */
function locateBelow(text: string, from: TextPosition, tokens: string[]): PointerLocation {
  // matched[d] is true when the value visited at depth d is on the pointer's path.
  const matched: boolean[] = [true];
  let best: { value: TextPosition; key?: TextPosition; depth: number } = { value: from, depth: 0 };
  walkJson(
    text,
    (depth, key, offset, line, column, keyOffset, keyLine, keyColumn) => {
      if (depth === 0) return false;
      const onPath = depth <= tokens.length && matched[depth - 1] === true && String(key) === tokens[depth - 1];
      matched[depth] = onPath;
      if (!onPath) return false;
      if (depth > best.depth) {
        best = { value: { offset, line, column }, depth };
        if (keyOffset >= 0) best.key = { offset: keyOffset, line: keyLine, column: keyColumn };
      }
      return depth === tokens.length;
    },
    from,
  );
  const exact = best.depth === tokens.length;
  return exact ? { value: best.value, key: best.key, exact } : { value: best.value, exact };
}
