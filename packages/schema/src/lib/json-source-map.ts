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

class TrieNode {
  children: Map<string, TrieNode> | undefined = undefined;
  /** A pointer asked for ends here. */
  wanted = false;
  value: TextPosition | undefined = undefined;
  key: TextPosition | undefined = undefined;
}

const START_OF_TEXT: TextPosition = { offset: 0, line: 1, column: 1 };

/**
 * Locate every pointer of `pointers` in `text` (strict JSON). The text may
 * start with a byte-order mark; positions are then counted without it, as
 * editors show them. The scan stops as soon as every pointer is found (so a
 * duplicated member name is located at its first occurrence). Never throws;
 * unlocatable pointers map to line 1, column 1.
 */
export function locateJsonPointers(text: string, pointers: Iterable<string>): Map<string, PointerLocation> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const root = new TrieNode();
  const leaves = new Map<string, TrieNode>();
  let pending = 0;
  for (const pointer of pointers) {
    if (leaves.has(pointer)) continue;
    let node = root;
    for (const token of splitPointer(pointer)) {
      if (!node.children) node.children = new Map();
      let child = node.children.get(token);
      if (!child) {
        child = new TrieNode();
        node.children.set(token, child);
      }
      node = child;
    }
    leaves.set(pointer, node);
    if (!node.wanted) {
      node.wanted = true;
      pending++;
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
      node = parent !== undefined && parent.children !== undefined ? parent.children.get(typeof key === 'number' ? String(key) : (key as string)) : undefined;
    }
    current[depth] = node;
    if (node !== undefined && node.value === undefined) {
      node.value = { offset: valueOffset, line: valueLine, column: valueColumn };
      if (keyOffset >= 0) node.key = { offset: keyOffset, line: keyLine, column: keyColumn };
      if (node.wanted && --pending === 0) return true;
    }
    return false;
  });

  const result = new Map<string, PointerLocation>();
  for (const [pointer, leaf] of leaves) {
    if (leaf.value !== undefined) {
      result.set(pointer, { value: leaf.value, key: leaf.key, exact: true });
      continue;
    }
    // Missing: the nearest located ancestor.
    let node: TrieNode | undefined = root;
    let best: TextPosition = root.value ?? START_OF_TEXT;
    for (const token of splitPointer(pointer)) {
      node = node.children?.get(token);
      if (node === undefined || node.value === undefined) break;
      best = node.value;
    }
    result.set(pointer, { value: best, exact: false });
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
