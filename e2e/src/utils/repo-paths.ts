import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Root of the nx-plan repository (the folder holding the root package.json). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Real plan folders shared next to the repo; CI may not have them. */
export const corpusDir = resolve(repoRoot, '../shared/corpus');

/** Example plans committed in the repo (one folder per plan). */
export const examplesDir = join(repoRoot, 'examples', 'plans');

/** Scratch space for the e2e run inside the repo (git-ignored `tmp/`). */
export const e2eTmpDir = join(repoRoot, 'tmp', 'e2e');

export function corpusAvailable(): boolean {
  return existsSync(corpusDir);
}
