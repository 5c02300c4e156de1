/**
 * The Nx targets of an achievement run. Each `achievement-<id>` target is an
 * `nx:run-commands` target calling the `nx-plan` CLI, which Nx's task
 * orchestrator spawns itself (no forked executor process per task; Nx puts
 * node_modules/.bin on PATH). Options are not embedded: `nx-plan
 * run-achievement` reads the plugin options from nx.json, and flags given to
 * the target — or to `execute`, through `params: 'forward'` — are appended to
 * the command line by Nx.
 */
import type { TargetConfiguration } from '@nx/devkit';
import { shellQuote } from './shell-quote';

export function achievementCommand(planRoot: string, achievementId: string): string {
  return `nx-plan run-achievement --plan=${shellQuote(planRoot)} --achievement=${shellQuote(achievementId)}`;
}

export function achievementTarget(
  planRoot: string,
  achievement: { id: string; title: string; dependencies: readonly string[] },
  targetPrefix: string,
  technologies: string[]
): TargetConfiguration {
  return {
    executor: 'nx:run-commands',
    cache: false,
    options: { command: achievementCommand(planRoot, achievement.id) },
    dependsOn: achievement.dependencies.map((dep) => ({ target: `${targetPrefix}${dep}`, params: 'forward' as const })),
    metadata: {
      technologies,
      description: achievement.title ? `Achievement ${achievement.id}: ${achievement.title}` : `Achievement ${achievement.id}`,
    },
  };
}

/**
 * A target that only prints a message (to stdout, or to stderr and fails).
 * The text travels in the target's `env`, never in the command line, so
 * nothing in it needs quoting and the same command works in sh and cmd.exe.
 */
function messageTarget(message: string, fail: boolean, description: string, technologies: string[]): TargetConfiguration {
  const print = fail ? 'console.error(process.env.NX_PLAN_MESSAGE);process.exitCode=1' : 'console.log(process.env.NX_PLAN_MESSAGE)';
  return {
    executor: 'nx:run-commands',
    cache: false,
    options: { command: `node -e "${print}"`, env: { NX_PLAN_MESSAGE: message } },
    metadata: { technologies, description },
  };
}

/** `execute` of a plan above maxAchievementTargets: prints why and how to raise the limit, and fails. */
export function giantPlanExecuteTarget(reason: string, hint: string, technologies: string[]): TargetConfiguration {
  return messageTarget(`nx-plan: ${reason}\n  hint: ${hint}`, true, `Not available: ${reason}`, technologies);
}

/** `execute` of a finished plan: prints that there is nothing to run, and succeeds. */
export function finishedPlanExecuteTarget(reason: string, technologies: string[]): TargetConfiguration {
  return messageTarget(`nx-plan: ${reason}`, false, `Nothing to run: ${reason}`, technologies);
}
