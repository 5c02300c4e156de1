import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGES } from './build-and-pack';
import { LocalRegistry } from './local-registry';
import { nxEnv } from './nx-env';
import { repoRoot } from './repo-paths';
import { CommandResult, describeResult, runCommand } from './run-command';

/** The one version the three packages share (nx.json `release`, fixed group). */
export function releaseVersion(): string {
  const versions = PACKAGES.map((pkg) => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, pkg.source, 'package.json'), 'utf8')) as { version: string };
    return manifest.version;
  });
  if (new Set(versions).size !== 1) {
    throw new Error(`the packages do not share one version: ${PACKAGES.map((p, i) => `${p.npmName}@${versions[i]}`).join(', ')}`);
  }
  return versions[0];
}

/**
 * Publishes schema, core and the plugin into `registry` the way a release
 * does: `nx release publish` in this repository, which builds each package
 * (`nx-release-publish` depends on `build`) and runs `npm publish` in its
 * dist folder. Throws with the whole output when it fails.
 */
export async function publishPackages(registry: LocalRegistry): Promise<CommandResult> {
  const result = await runCommand(
    join(repoRoot, 'node_modules', '.bin', 'nx'),
    ['release', 'publish', `--registry=${registry.url}`, '--output-style=static'],
    {
      cwd: repoRoot,
      env: nxEnv({ NPM_CONFIG_USERCONFIG: registry.publishNpmrc }),
      timeoutMs: 280_000,
    },
  );
  if (result.code !== 0) {
    throw new Error(`nx release publish failed:\n${describeResult(result)}\n--- verdaccio log ---\n${registry.log()}`);
  }
  return result;
}
