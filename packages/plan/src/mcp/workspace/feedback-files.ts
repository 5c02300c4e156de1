/**
 * The review files of one achievement, read from the folders directly so
 * that every FIX is seen (`FIX_<NM>.md` for the first verdict,
 * `FIX_<NM>_<NN>.md` for later attempts) together with the run lifecycle's
 * `AWAITING_REVIEW_<NM>_<NN>.md` files, whatever the engine's scan knows.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXECUTION_DIR, FEEDBACKS_DIR } from '@nx-plan/core';

export interface NumberedFile {
  /** Relative to the plan folder. */
  file: string;
  /** Attempt the file is about (1 for `FIX_<NM>.md`). */
  attempt: number;
}

export interface FeedbackFiles {
  approved?: string;
  /** Every FIX file, oldest attempt first. */
  fixes: NumberedFile[];
  /** AWAITING_REVIEW files, oldest attempt first. */
  awaitingReview: NumberedFile[];
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

export function readFeedbackFiles(planAbs: string, nm: string): FeedbackFiles {
  const result: FeedbackFiles = { fixes: [], awaitingReview: [] };
  const fix = new RegExp(`^FIX_${nm}(?:_(\\d{2,}))?\\.md$`);
  for (const name of list(join(planAbs, ...FEEDBACKS_DIR.split('/')))) {
    if (name === `APPROVED_${nm}.md`) result.approved = `${FEEDBACKS_DIR}/${name}`;
    const match = fix.exec(name);
    if (match) result.fixes.push({ file: `${FEEDBACKS_DIR}/${name}`, attempt: match[1] ? Number(match[1]) : 1 });
  }
  const awaiting = new RegExp(`^AWAITING_REVIEW_${nm}_(\\d{2,})\\.md$`);
  for (const name of list(join(planAbs, ...EXECUTION_DIR.split('/')))) {
    const match = awaiting.exec(name);
    if (match) result.awaitingReview.push({ file: `${EXECUTION_DIR}/${name}`, attempt: Number(match[1]) });
  }
  const byAttempt = (a: NumberedFile, b: NumberedFile) => a.attempt - b.attempt || (a.file < b.file ? -1 : 1);
  result.fixes.sort(byAttempt);
  result.awaitingReview.sort(byAttempt);
  return result;
}
