import { join } from 'node:path';
import { repoNxVersion } from './create-workspace';
import { cleanEnv } from './nx-env';
import { describeResult, runCommand } from './run-command';

/**
 * npm settings for every install the registry e2e runs: take third-party
 * packages from the warm npm cache when it has them, no audit/fund requests.
 * Given through the environment so the workspace's own .npmrc stays what a
 * user would write.
 */
export function quietNpmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/**
 * A brand-new workspace made the way Nx's docs start one:
 * `npx create-nx-workspace@<repo's nx version> <name> --preset=apps` (npm,
 * no Nx Cloud, git initialised). Returns its absolute path.
 */
export async function createNxWorkspace(parentDir: string, name: string): Promise<string> {
  const result = await runCommand(
    'npx',
    ['-y', `create-nx-workspace@${repoNxVersion()}`, name, '--preset=apps', '--nxCloud=skip', '--pm=npm', '--no-interactive'],
    { cwd: parentDir, env: quietNpmEnv({ NX_DAEMON: 'false', CI: 'true', NX_NO_CLOUD: 'true' }), timeoutMs: 240_000 },
  );
  if (result.code !== 0) throw new Error(`create-nx-workspace failed:\n${describeResult(result)}`);
  return join(parentDir, name);
}
