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

/** `execute` of a plan above maxAchievementTargets: prints why and how to raise the limit, and fails. */
export function giantPlanExecuteTarget(reason: string, hint: string, technologies: string[]): TargetConfiguration {
  return {
    executor: 'nx:run-commands',
    cache: false,
    options: { command: `printf '%s\\n' ${shellQuote(`nx-plan: ${reason}`)} ${shellQuote(`  hint: ${hint}`)} >&2; exit 1` },
    metadata: { technologies, description: `Not available: ${reason}` },
  };
}

/** `execute` of a finished plan: prints that there is nothing to run, and succeeds. */
export function finishedPlanExecuteTarget(reason: string, technologies: string[]): TargetConfiguration {
  return {
    executor: 'nx:run-commands',
    cache: false,
    options: { command: `printf '%s\\n' ${shellQuote(`nx-plan: ${reason}`)}` },
    metadata: { technologies, description: `Nothing to run: ${reason}` },
  };
}
