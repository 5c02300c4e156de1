/**
 * What a new EXECUTION_TASK says: the SUBPLAN's sections as context, a
 * checklist from its deliverables and success criteria, and for a retry the
 * FIX feedback to address, verbatim.
 */
import { planFileName, type AnalyzedAchievement, type LoadedPlan } from '@nx-plan/core';
import { checklist, fillIn, hoursText, today } from '../lib/markdown-format';
import { demoteHeadings, findSection, listItems, splitSections } from '../lib/markdown-sections';
import { planTextById } from '../batch-subplan/subplan-content';
import { fixAnswerMarker } from './fix-answer-marker';

export interface RetryContext {
  /** Plan-relative path of the FIX file. */
  fixFile: string;
  fixText: string;
  /** Plan-relative path of the latest earlier attempt. */
  previousAttempt?: string;
}

/** Substitutions of files/__fileName__.md.template. */
export interface ExecutionTemplateData {
  fileName: string;
  planName: string;
  planFile: string;
  subplanFile: string;
  id: string;
  title: string;
  attempt: string;
  attemptNote: string;
  estimate: string;
  created: string;
  subplanContext: string;
  feedback: string;
  fixMarker: string;
  checklist: string;
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function headerField(markdown: string, field: string): string | undefined {
  const match = new RegExp(`^\\*\\*${field}\\*\\*:\\s*(.+?)\\s*$`, 'mi').exec(markdown);
  return match ? match[1] : undefined;
}

export function executionTemplateData(
  plan: LoadedPlan,
  achievement: AnalyzedAchievement,
  subplan: { file: string; text: string },
  attempt: string,
  fileName: string,
  retry?: RetryContext,
  now: Date = new Date(),
): ExecutionTemplateData {
  const sections = splitSections(subplan.text, 2).filter((s) => s.level === 2);
  const context = sections.map((s) => `### ${s.title}\n\n${demoteHeadings(s.body, 1)}`.trim()).join('\n\n');
  const deliverables = findSection(sections, /^deliverables?/i);
  const criteria = findSection(sections, /^success criteria/i, /^definition of done/i, /^expected results/i);
  const approach = findSection(sections, /^approach/i, /^implementation/i, /^phases?/i);
  const usable = (list: string[]) => list.filter((item) => !item.startsWith('✏️') && !item.startsWith('> '));
  let items = usable([...listItems(deliverables?.body ?? ''), ...listItems(criteria?.body ?? '')]);
  if (items.length === 0) items = usable(listItems(approach?.body ?? ''));
  // A retry is done when every point of the review is addressed.
  if (retry) items = [...usable(listItems(retry.fixText)).map((item) => `Review: ${item}`), ...items];
  const planText = planTextById(plan).get(achievement.id);
  const estimate = headerField(subplan.text, 'Estimated Time') ?? hoursText(planText?.estimate ?? achievement.estimate);
  return {
    fileName,
    planName: plan.name,
    planFile: planFileName(plan.name),
    subplanFile: basename(subplan.file),
    id: achievement.id,
    title: planText?.title || achievement.title || `Achievement ${achievement.id}`,
    attempt,
    attemptNote: retry
      ? `retry after review feedback in \`${basename(retry.fixFile)}\`${retry.previousAttempt ? `, follows \`${basename(retry.previousAttempt)}\`` : ''}`
      : 'first attempt',
    estimate: estimate ?? 'not in the SUBPLAN or PLAN — fill in',
    created: today(now),
    subplanContext: context !== '' ? context : fillIn('SUBPLAN', `the SUBPLAN \`${basename(subplan.file)}\` has no sections yet; write its design first.`),
    feedback: retry ? demoteHeadings(retry.fixText.trim(), 2) : '',
    fixMarker: retry ? fixAnswerMarker(retry.fixText) : '',
    checklist: items.length > 0 ? checklist(items) : fillIn('SUBPLAN', 'the checks that show this attempt is done.'),
  };
}
