/**
 * A retry attempt records which FIX it answers, as an HTML comment holding a
 * hash of the FIX text. While the FIX file is unchanged, rerunning
 * batch-execution sees that the latest attempt already answers it and skips
 * the achievement instead of piling up attempts; a rewritten FIX (a new
 * review) gets a new attempt.
 */
import { createHash } from 'node:crypto';

const MARKER = /<!--\s*nx-plan:answers-fix\s+sha256=([0-9a-f]{64})\s*-->/;

export function fixHash(fixText: string): string {
  return createHash('sha256').update(fixText.replace(/\r\n?/g, '\n').trim()).digest('hex');
}

export function fixAnswerMarker(fixText: string): string {
  return `<!-- nx-plan:answers-fix sha256=${fixHash(fixText)} -->`;
}

/** True when `attemptText` was created in answer to exactly this FIX text. */
export function answersFix(attemptText: string | undefined, fixText: string): boolean {
  if (!attemptText) return false;
  const match = MARKER.exec(attemptText);
  return match !== null && match[1] === fixHash(fixText);
}
