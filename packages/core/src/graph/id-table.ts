/**
 * A string → index table for achievement ids: open addressing over one
 * Int32Array with an FNV-1a hash. For hundreds of thousands of short ids it
 * is several times cheaper than a Map (no per-entry allocation, no rehashing
 * while growing), which matters for the engine's O(V + E) budget.
 */

/**
 * FNV-1a over UTF-16 units. The multiplication by the FNV prime 2^24 + 403 is
 * written as a shift plus a small exact product instead of Math.imul, which
 * some sandboxes (jest's vm contexts) do not optimise.
 */
function hashOf(text: string, skip: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === skip) continue;
    const x = h ^ c;
    h = ((x << 24) + x * 403) | 0;
  }
  return h >>> 0;
}

/** Equal once `skip` characters are removed from both (`1.11` ~ `11.1` with skip = '.'). */
function equalSkipping(a: string, b: string, skip: number): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && a.charCodeAt(i) === skip) i++;
    while (j < b.length && b.charCodeAt(j) === skip) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

const NO_SKIP = -1;

export class IdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Keys in insertion order; a key's value is its position here. */
  readonly keys: string[] = [];

  /**
   * @param capacity the most keys that will be added
   * @param skip a character ignored when hashing and comparing (e.g. '.' to compare file-name forms)
   */
  constructor(
    capacity: number,
    private readonly skip: number = NO_SKIP,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  static skipping(character: string, capacity: number): IdTable {
    return new IdTable(capacity, character.charCodeAt(0));
  }

  get size(): number {
    return this.keys.length;
  }

  private slotOf(key: string): number {
    const { slots, mask, keys, skip } = this;
    let p = hashOf(key, skip) & mask;
    for (;;) {
      const at = slots[p];
      if (at === -1) return p;
      const other = keys[at];
      if (skip === NO_SKIP ? other === key : equalSkipping(other, key, skip)) return p;
      p = (p + 1) & mask;
    }
  }

  /** Position of key, or -1. */
  get(key: string): number {
    return this.slots[this.slotOf(key)];
  }

  /** Adds key when absent. Returns -1 when added, else the position of the key already there. */
  add(key: string): number {
    const p = this.slotOf(key);
    const at = this.slots[p];
    if (at !== -1) return at;
    if (this.keys.length * 2 >= this.slots.length) throw new RangeError('IdTable capacity exceeded');
    this.slots[p] = this.keys.length;
    this.keys.push(key);
    return -1;
  }
}
