/**
 * The Nx project name of a plan folder, for the commands that status and the
 * recommended action print: the project whose root is the folder, else the
 * plugin's default name for the plan.
 */
import type { ExecutorContext } from '@nx/devkit';
import { defaultProjectName } from '@nx-plan/core';

export function projectNameForFolder(context: ExecutorContext, relDir: string, planName: string): string {
  const projects = context.projectsConfigurations?.projects ?? {};
  for (const [name, project] of Object.entries(projects)) {
    if (project.root === relDir && name !== undefined) return name;
  }
  return defaultProjectName(planName);
}
