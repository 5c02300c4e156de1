import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackedPackages } from './build-and-pack';
import { repoRoot } from './repo-paths';
import { CommandResult, describeResult, runCommand } from './run-command';
import { runNx } from './run-nx';

export interface E2eWorkspace {
  /** Absolute path of the temporary workspace. */
  root: string;
  /** `npm install` of nx + the schema/core tarballs. */
  install: CommandResult;
  /** `nx add @nx-plan/plan@file:<tarball>`. */
  add: CommandResult;
}

/** The Nx version the repo itself is pinned to (root package.json). */
export function repoNxVersion(): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return pkg.devDependencies['nx'];
}

/**
 * Creates a brand-new minimal Nx workspace in `<os tmpdir>/nx-plan-e2e-XXXXXX`:
 * package.json + nx.json + `git init`, installs nx and the packed
 * @nx-plan/schema and @nx-plan/core, then adds the plugin the way the README
 * tells users to, with `nx add` (which installs the package and runs its
 * `init` generator). The tarball is given as a `file:` spec because the
 * package is not published; `nx add` hands that spec to npm unchanged.
 */
export async function createWorkspace(packed: PackedPackages, options: { keepOnFailure?: boolean } = {}): Promise<E2eWorkspace> {
  const root = mkdtempSync(join(tmpdir(), 'nx-plan-e2e-'));
  try {
    return await populateWorkspace(root, packed);
  } catch (error) {
    if (options.keepOnFailure) {
      if (error instanceof Error) error.message += `\n(e2e workspace kept at ${root})`;
    } else {
      removeWorkspace(root);
    }
    throw error;
  }
}

async function populateWorkspace(root: string, packed: PackedPackages): Promise<E2eWorkspace> {
  const nxVersion = repoNxVersion();
  writeJson(join(root, 'package.json'), {
    name: 'nx-plan-e2e-workspace',
    version: '0.0.0',
    private: true,
    devDependencies: {
      nx: nxVersion,
      '@nx/devkit': nxVersion,
      '@nx-plan/schema': `file:${packed.tarballs['@nx-plan/schema']}`,
      '@nx-plan/core': `file:${packed.tarballs['@nx-plan/core']}`,
    },
  });
  writeJson(join(root, 'nx.json'), {
    $schema: './node_modules/nx/schemas/nx-schema.json',
    defaultBase: 'main',
  });
  writeFileSync(join(root, '.gitignore'), 'node_modules\n.nx/cache\n.nx/workspace-data\n');
  // Also read by the `npm install` that `nx add` runs: use the warm npm cache.
  writeFileSync(join(root, '.npmrc'), 'prefer-offline=true\naudit=false\nfund=false\n');

  const git = await runCommand('git', ['init', '-q'], { cwd: root });
  if (git.code !== 0) throw new Error(`git init failed in ${root}:\n${describeResult(git)}`);

  const install = await runCommand('npm', ['install'], {
    cwd: root,
    timeoutMs: 240_000,
  });
  if (install.code !== 0) throw new Error(`npm install failed in ${root}:\n${describeResult(install)}`);

  const add = await runNx(root, ['add', `@nx-plan/plan@file:${packed.tarballs['@nx-plan/plan']}`], {
    timeoutMs: 240_000,
  });
  return { root, install, add };
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
