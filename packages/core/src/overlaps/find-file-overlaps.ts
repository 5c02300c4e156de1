/**
 * Conflict foresight (issue 10 §4): achievements that can run at the same
 * time — same dependency level, so no dependency path joins them — and that
 * name the same file paths. Their agents are likely to edit the same files in
 * parallel, and the second merge then conflicts.
 *
 * Indexed by path, never by comparing all pairs: the work is linear in the
 * number of (achievement, path) mentions, plus the pairs that really share a
 * path. A path that more than CROWD_LIMIT achievements of one level name is
 * reported once for all of them instead of pair by pair.
 */

export interface OverlapCandidate {
  id: string;
  /** Dependency level; candidates with a negative level (on a cycle) are ignored. */
  level: number;
  /** Normalised paths the achievement's texts name (see namedFilePaths). */
  paths: readonly string[];
}

/** Achievements of one level that name the same paths. */
export interface FileOverlap {
  level: number;
  /** Two ids, or every id of the level naming a path that more than CROWD_LIMIT of them name; in candidate order. */
  ids: string[];
  /** The paths they all name, sorted. */
  paths: string[];
}

/** Above this many achievements of one level naming one path, they are reported as one group. */
export const CROWD_LIMIT = 8;

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Overlaps, ordered by level, then by the candidates' order. */
export function findFileOverlaps(candidates: readonly OverlapCandidate[]): FileOverlap[] {
  const n = candidates.length;
  const byPath = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const c = candidates[i];
    if (c.level < 0) continue;
    for (const path of c.paths) {
      const list = byPath.get(path);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
      } else {
        byPath.set(path, [i]);
      }
    }
  }

  // Pairs keyed a * n + b (a < b); groups keyed by their members.
  const pairs = new Map<number, string[]>();
  const groups = new Map<string, { members: number[]; paths: string[] }>();
  for (const [path, list] of byPath) {
    if (list.length < 2) continue;
    // Members per level; the list is in candidate order and stays so within a level.
    const sameLevel = list.every((i) => candidates[i].level === candidates[list[0]].level);
    const perLevel: number[][] = [];
    if (sameLevel) {
      perLevel.push(list);
    } else {
      const byLevel = new Map<number, number[]>();
      for (const i of list) {
        const level = candidates[i].level;
        const members = byLevel.get(level);
        if (members) members.push(i);
        else byLevel.set(level, [i]);
      }
      for (const members of byLevel.values()) if (members.length >= 2) perLevel.push(members);
    }
    for (const members of perLevel) {
      if (members.length > CROWD_LIMIT) {
        const key = members.join(',');
        const group = groups.get(key);
        if (group) group.paths.push(path);
        else groups.set(key, { members, paths: [path] });
        continue;
      }
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const key = members[x] * n + members[y];
          const paths = pairs.get(key);
          if (paths) paths.push(path);
          else pairs.set(key, [path]);
        }
      }
    }
  }

  const found: { first: number; second: number; overlap: FileOverlap }[] = [];
  for (const [key, paths] of pairs) {
    const a = Math.floor(key / n);
    const b = key - a * n;
    found.push({ first: a, second: b, overlap: { level: candidates[a].level, ids: [candidates[a].id, candidates[b].id], paths: paths.sort(byText) } });
  }
  for (const { members, paths } of groups.values()) {
    found.push({
      first: members[0],
      second: members[1],
      overlap: { level: candidates[members[0]].level, ids: members.map((i) => candidates[i].id), paths: paths.sort(byText) },
    });
  }
  found.sort((p, q) => p.overlap.level - q.overlap.level || p.first - q.first || p.second - q.second || p.overlap.ids.length - q.overlap.ids.length);
  return found.map((f) => f.overlap);
}
