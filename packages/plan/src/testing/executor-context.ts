/** Test helper: a literal ExecutorContext, as the @nx/plugin executor template builds it. */
import type { ExecutorContext, ProjectConfiguration } from '@nx/devkit';

export function executorContext(
  root: string,
  projects: Record<string, Pick<ProjectConfiguration, 'root'> & Partial<ProjectConfiguration>> = {},
  projectName?: string
): ExecutorContext {
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName,
    projectGraph: { nodes: {}, dependencies: {} },
    projectsConfigurations: { version: 2, projects: projects as Record<string, ProjectConfiguration> },
    nxJsonConfiguration: {},
  };
}
