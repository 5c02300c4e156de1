/**
 * The prompt that hands one achievement to an agent: what the PLAN says about
 * it, its SUBPLAN, the latest EXECUTION_TASK and, for a new attempt, the FIX
 * review feedback. Pure: file contents come in through `read`.
 */
import { approvedPath, fixPath, nmOf, subplanPath, type AnalyzedAchievement, type LoadedPlan, type PlanAnalysis } from '@nx-plan/core';
import { fenced } from './markdown-fence';

export interface ExecutionPromptInput {
  loaded: LoadedPlan;
  analysis: PlanAnalysis;
  id: string;
  /** Workspace-relative plan folder, for the paths shown to the agent. */
  planDir: string;
  /** File content relative to the plan folder, undefined when missing. */
  read(relativePath: string): string | undefined;
  validateCommand: string;
  statusCommand: string;
  batchSubplanCommand: string;
  batchExecutionCommand: string;
}

export interface ExecutionPrompt {
  text: string;
  /** Lifecycle files the prompt would have used but that do not exist yet. */
  missing: ('SUBPLAN' | 'EXECUTION_TASK')[];
}

function describeDependency(analysis: PlanAnalysis, id: string): string {
  const dep = analysis.achievements.find((a) => a.id === id);
  return dep ? `${id} ${dep.title} (${dep.status})` : `${id} (not in the plan)`;
}

export function buildExecutionPrompt(input: ExecutionPromptInput): ExecutionPrompt {
  const { loaded, analysis, id, planDir } = input;
  const achievement = analysis.achievements.find((a) => a.id === id) as AnalyzedAchievement;
  const text = loaded.plan?.achievements.find((a) => a.id === id);
  const files = loaded.files.byNm.get(nmOf(id));
  const where = (rel: string) => `${planDir}/${rel}`;
  const missing: ExecutionPrompt['missing'] = [];

  const subplanRel = files?.subplan ?? subplanPath(loaded.name, id);
  const subplan = files?.subplan ? input.read(files.subplan) : undefined;
  if (subplan === undefined) missing.push('SUBPLAN');
  const latest = files?.executions.length ? files.executions[files.executions.length - 1] : undefined;
  const execution = latest ? input.read(latest.file) : undefined;
  if (execution === undefined) missing.push('EXECUTION_TASK');
  const fixRel = files?.fix ?? fixPath(id);
  const fix = files?.fix ? input.read(files.fix) : undefined;

  const out: string[] = [];
  out.push(`# Execute achievement ${id}: ${achievement.title}`);
  out.push('');
  out.push(`Plan \`${loaded.name}\` (\`${planDir}\`). You are the agent responsible for achievement ${id} and for nothing else.`);
  out.push('');
  out.push('## Where things stand');
  out.push('');
  out.push(`- Status: ${achievement.status}${achievement.attempts > 0 ? `, ${achievement.attempts} execution attempt(s)` : ''}`);
  out.push(
    `- Dependencies: ${achievement.dependencies.length ? achievement.dependencies.map((d) => describeDependency(analysis, d)).join('; ') : 'none'}`,
  );
  if (!achievement.ready && achievement.status !== 'complete' && achievement.status !== 'skipped') {
    out.push('- Warning: not every dependency is complete yet; check with the team before starting.');
  }
  if (fix !== undefined) out.push(`- The previous attempt was reviewed and needs fixes: see the feedback below (\`${where(fixRel)}\`).`);
  out.push('');

  out.push('## What to do');
  out.push('');
  const steps: string[] = [];
  if (subplan === undefined) {
    steps.push(`There is no SUBPLAN yet. Create it first (\`${input.batchSubplanCommand}\`), fill in its design, then continue.`);
  } else {
    steps.push(`Follow the design in \`${where(subplanRel)}\` (quoted below).`);
  }
  if (latest && execution !== undefined) {
    steps.push(`Work through \`${where(latest.file)}\` and record progress, decisions and test results in that file as you go.`);
  } else {
    steps.push(`There is no EXECUTION_TASK yet. Create it (\`${input.batchExecutionCommand}\`) and keep your log in it.`);
  }
  if (fix !== undefined) steps.push('Address every point of the review feedback; say in the EXECUTION_TASK how each one was resolved.');
  steps.push('Write or update the tests named in the PLAN and SUBPLAN and make them pass.');
  steps.push(`Change only what this achievement needs; do not edit other achievements' SUBPLAN or EXECUTION files.`);
  steps.push(
    `Do not create \`${where(approvedPath(id))}\` or \`${where(fixPath(id))}\` yourself: the review writes them. Check the plan with \`${input.validateCommand}\` and \`${input.statusCommand}\`.`,
  );
  steps.forEach((step, k) => out.push(`${k + 1}. ${step}`));
  out.push('');

  out.push(`## Achievement ${id} in ${loaded.planFile ? `\`${loaded.planFile.split('/').pop()}\`` : 'the PLAN'}`);
  out.push('');
  if (text && text.body.trim() !== '') {
    out.push(fenced(text.body.trim()));
  } else {
    const parts: string[] = [];
    if (text?.goal) parts.push(`Goal: ${text.goal}`);
    if (text?.deliverables.length) parts.push(`Deliverables:\n${text.deliverables.map((d) => `- ${d}`).join('\n')}`);
    out.push(parts.length ? parts.join('\n\n') : `The PLAN gives only the title "${achievement.title}".`);
  }
  out.push('');

  if (subplan !== undefined) {
    out.push(`## SUBPLAN (\`${where(subplanRel)}\`)`);
    out.push('');
    out.push(fenced(subplan));
    out.push('');
  }
  if (latest && execution !== undefined) {
    out.push(`## EXECUTION_TASK, attempt ${latest.attempt} (\`${where(latest.file)}\`)`);
    out.push('');
    out.push(fenced(execution));
    out.push('');
  }
  if (fix !== undefined) {
    out.push(`## Review feedback to address (\`${where(fixRel)}\`)`);
    out.push('');
    out.push(fenced(fix));
    out.push('');
  }
  return { text: out.join('\n'), missing };
}
