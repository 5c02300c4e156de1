/**
 * Source positions of JSON pointers: where in the text a value (and, for an
 * object member, its property name) starts. Built in one iterative pass over
 * the text for a whole batch of pointers, so locating a thousand diagnostics
 * costs one scan, and only the pointers asked for are tracked.
 */
import { splitPointer } from './json-pointer';
import { walkJson } from './json-walker';
import type { TextPosition } from './json-walker';

export type { TextPosition } from './json-walker';

export interface PointerLocation {
  /** Where the value starts; for a missing pointer, the nearest existing parent's value. */
  value: TextPosition;
  /** Where the property name starts, when the located value is an object member. */
  key?: TextPosition;
  /** False when the pointer does not exist and a parent was located instead. */
  exact: boolean;
}

interface TrieNode {
  children?: Map<string, TrieNode>;
  value?: TextPosition;
  key?: TextPosition;
}

const START_OF_TEXT: TextPosition = { offset: 0, line: 1, column: 1 };

/**
 * Locate every pointer of `pointers` in `text` (strict JSON). The text may
 * start with a byte-order mark; positions are then counted without it, as
 * editors show them. Duplicate member names resolve to the last one, as
 * JSON.parse does. Never throws; unlocatable pointers map to line 1, column 1.
 */
export function locateJsonPointers(text: string, pointers: Iterable<string>): Map<string, PointerLocation> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const root: TrieNode = {};
  const wanted: [string, string[]][] = [];
  for (const pointer of pointers) {
    const tokens = splitPointer(pointer);
    wanted.push([pointer, tokens]);
    let node = root;
    for (const token of tokens) {
      if (!node.children) node.children = new Map();
      let child = node.children.get(token);
      if (!child) {
        child = {};
        node.children.set(token, child);
      }
      node = child;
    }
  }

  // current[d] is the trie node of the value being visited at depth d, if tracked.
  const current: (TrieNode | undefined)[] = [];
  walkJson(source, (depth, key, valueOffset, valueLine, valueColumn, keyOffset, keyLine, keyColumn) => {
    let node: TrieNode | undefined;
    if (depth === 0) {
      node = root;
    } else {
      const parent = current[depth - 1];
      node = parent && parent.children ? parent.children.get(typeof key === 'number' ? String(key) : (key as string)) : undefined;
    }
    current[depth] = node;
    if (node) {
      node.value = { offset: valueOffset, line: valueLine, column: valueColumn };
      node.key = keyOffset >= 0 ? { offset: keyOffset, line: keyLine, column: keyColumn } : undefined;
    }
  });

  const result = new Map<string, PointerLocation>();
  for (const [pointer, tokens] of wanted) {
    let node: TrieNode | undefined = root;
    let best: TrieNode | undefined = root.value ? root : undefined;
    let depth = 0;
    for (const token of tokens) {
      node = node.children?.get(token);
      if (!node || !node.value) break;
      best = node;
      depth++;
    }
    const exact = depth === tokens.length && best !== undefined;
    result.set(pointer, {
      value: best?.value ?? START_OF_TEXT,
      key: exact ? best?.key : undefined,
      exact,
    });
  }
  return result;
}

/** Line and column (1-based) of the value at `pointer`; the nearest existing parent when it is missing. */
export function locatePointer(text: string, pointer: string): TextPosition {
  const location = locateJsonPointers(text, [pointer]).get(pointer);
  return location ? location.value : START_OF_TEXT;
}

/** 1-based line and column of a 0-based offset (`\n`, `\r\n` and `\r` end lines). */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: end, line, column: end - lineStart + 1 };
}
