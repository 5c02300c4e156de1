/**
 * Step: the lifecycle files a run writes into the plan folder the agent
 * works in (they reach the main checkout with the merge): APPROVED or FIX
 * from the review command, or AWAITING_REVIEW when the agent finished and no
 * review decided. Files are created exclusively: an existing file is never
 * overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { approvedPath, awaitingReviewPath, fixPathForAttempt } from '@nx-plan/core';
import { fenced } from '../../generators/next/lib/markdown-fence';

export interface VerdictContext {
  planDirAbs: string;
  planName: string;
  achievement: string;
  title: string;
  attempt: number;
  /** Plan-relative EXECUTION_TASK of the attempt. */
  executionFile: string;
  command: string;
  durationMs: number;
  /** Output of the review (or nothing for AWAITING_REVIEW). */
  output?: string;
}

/** Keep the end of long outputs: the verdict is usually at the end. */
function tail(text: string, max = 20_000): string {
  return text.length <= max ? text : `[… ${text.length - max} earlier characters left out …]\n${text.slice(text.length - max)}`;
}

function write(planDirAbs: string, relative: string, content: string): string {
  const abs = join(planDirAbs, relative);
  mkdirSync(dirname(abs), { recursive: true });
  try {
    writeFileSync(abs, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${relative} already exists; nx-plan never overwrites a review file`);
    throw error;
  }
  return relative;
}

function header(kind: string, c: VerdictContext): string[] {
  return [
    `# ${kind}: ${c.planName} ${c.achievement}${c.title ? ` — ${c.title}` : ''}`,
    '',
    `- Attempt: ${c.attempt} (${c.executionFile})`,
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${c.command.replace(/`/g, "'")}\` (${(c.durationMs / 1000).toFixed(1)} s)`,
    '',
  ];
}

export function writeApproved(c: VerdictContext): string {
  const body = [...header('APPROVED', c), '## Review output', '', fenced(tail(c.output ?? '').trimEnd() || '(no output)', 'text'), ''];
  return write(c.planDirAbs, approvedPath(c.achievement), body.join('\n'));
}

export function writeFix(c: VerdictContext): string {
  const body = [
    ...header('FIX', c),
    'The review command asked for changes (it exited non-zero). Address the review output below in the next attempt.',
    '',
    '## Review output',
    '',
    fenced(tail(c.output ?? '').trimEnd() || '(no output)', 'text'),
    '',
  ];
  return write(c.planDirAbs, fixPathForAttempt(c.achievement, c.attempt), body.join('\n'));
}

/** Idempotent: a rerun of the same attempt keeps the record it already has. */
export function writeAwaitingReview(c: VerdictContext): string {
  const relative = awaitingReviewPath(c.achievement, c.attempt);
  if (existsSync(join(c.planDirAbs, relative))) return relative;
  const nm = c.achievement.replace('.', '');
  const body = [
    ...header('AWAITING REVIEW', c),
    'The agent finished this attempt (exit code 0) and no review has decided yet.',
    '',
    'Record the verdict with one of:',
    `- approve: write \`execution/feedbacks/APPROVED_${nm}.md\` (status → complete);`,
    `- ask for fixes: write \`${fixPathForAttempt(c.achievement, c.attempt)}\` (status → failed; the next run creates attempt ${c.attempt + 1});`,
    '- or the MCP tool `record_review` of `nx-plan mcp`.',
    '',
  ];
  return write(c.planDirAbs, awaitingReviewPath(c.achievement, c.attempt), body.join('\n'));
}
