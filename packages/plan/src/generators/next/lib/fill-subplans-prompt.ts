/**
 * The prompt asking an agent to finish SUBPLANs that still hold unfilled
 * sections (a scaffold's placeholders or empty headings), with the PLAN text
 * of each achievement to write them from. Pure: contents come in through `read`.
 */
import { compareAchievementIds, nmOf, type LoadedPlan } from '@nx-plan/core';
import { fenced } from './markdown-fence';
import { findUnfilledSections, type UnfilledSection } from './unfilled-sections';

export interface SubplanToFill {
  id: string;
  title: string;
  /** Relative to the plan folder. */
  file: string;
  sections: UnfilledSection[];
}

/** SUBPLANs of the plan's achievements that have at least one unfilled section, by id. */
export function findSubplansToFill(loaded: LoadedPlan, read: (relativePath: string) => string | undefined): SubplanToFill[] {
  const result: SubplanToFill[] = [];
  for (const achievement of loaded.achievements) {
    const files = loaded.files.byNm.get(nmOf(achievement.id));
    if (!files?.subplan) continue;
    // A reviewed or finished achievement's SUBPLAN is history, not work.
    if (files.approved || files.skipped) continue;
    const text = read(files.subplan);
    if (text === undefined) continue;
    const sections = findUnfilledSections(text);
    if (sections.length > 0) result.push({ id: achievement.id, title: achievement.title, file: files.subplan, sections });
  }
  return result.sort((a, b) => compareAchievementIds(a.id, b.id));
}

export function buildFillSubplansPrompt(
  loaded: LoadedPlan,
  planDir: string,
  subplans: readonly SubplanToFill[],
  read: (relativePath: string) => string | undefined,
  validateCommand: string,
): string {
  const out: string[] = [];
  out.push(`# Fill the SUBPLANs of plan ${loaded.name}`);
  out.push('');
  out.push(
    `${subplans.length} SUBPLAN file(s) in \`${planDir}\` still hold sections that nobody wrote. For each one below, replace the placeholder or empty section with the real design of the achievement, using the PLAN text given with it. Edit the files in place; keep every section that is already written as it is, keep the headings, and do not create EXECUTION files.`,
  );
  out.push('');
  out.push('A good SUBPLAN says which files change and how, the order of the work, the tests to write, and the risks. Be concrete: name files, functions and commands.');
  out.push('');
  for (const item of subplans) {
    const planText = loaded.plan?.achievements.find((a) => a.id === item.id);
    out.push(`## ${item.id}: ${item.title} (\`${planDir}/${item.file}\`)`);
    out.push('');
    out.push('Sections to fill:');
    for (const s of item.sections) out.push(`- line ${s.line}: \`${s.heading}\` (${s.reason === 'empty' ? 'empty' : 'placeholder'})`);
    out.push('');
    out.push('What the PLAN says:');
    out.push('');
    out.push(planText && planText.body.trim() !== '' ? fenced(planText.body.trim()) : `Only the title: "${item.title}".`);
    out.push('');
    out.push('The SUBPLAN as it is now:');
    out.push('');
    out.push(fenced(read(item.file) ?? ''));
    out.push('');
  }
  out.push('## When you are done');
  out.push('');
  out.push(`Run \`${validateCommand}\` and make sure no placeholder is left in these files.`);
  out.push('');
  return out.join('\n');
}
