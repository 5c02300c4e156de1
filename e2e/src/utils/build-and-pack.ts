import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from './file-listing';
import { nxEnv } from './nx-env';
import { describeResult, runCommand } from './run-command';
import { e2eTmpDir, repoRoot } from './repo-paths';

/** The packages the e2e workspace installs: Nx project name → npm name and dist folder. */
export const PACKAGES = [
  { project: 'schema', npmName: '@nx-plan/schema', source: 'packages/schema', dist: 'dist/packages/schema' },
  { project: 'core', npmName: '@nx-plan/core', source: 'packages/core', dist: 'dist/packages/core' },
  { project: 'plan-plugin', npmName: '@nx-plan/plan', source: 'packages/plan', dist: 'dist/packages/plan' },
] as const;

export type PackageName = (typeof PACKAGES)[number]['npmName'];

export interface PackedPackages {
  /** npm name → absolute path of its `.tgz`. */
  tarballs: Record<PackageName, string>;
  /** true when the tarballs came from an earlier run with identical sources. */
  reused: boolean;
  buildMs: number;
  packMs: number;
}

/**
 * Builds schema, core and the plugin with their real `build` targets, checks the
 * dist folders and packs each into a tarball. The result is cached under
 * `tmp/e2e/packs/<hash of the package sources>` so a rerun without source
 * changes costs nothing.
 */
export async function buildAndPack(): Promise<PackedPackages> {
  const hash = hashPackageSources();
  const packDir = join(e2eTmpDir, 'packs', hash);
  const manifest = join(packDir, 'tarballs.json');
  if (existsSync(manifest)) {
    const tarballs = JSON.parse(readFileSync(manifest, 'utf8')) as Record<PackageName, string>;
    if (Object.values(tarballs).every((file) => existsSync(file))) {
      return { tarballs, reused: true, buildMs: 0, packMs: 0 };
    }
  }

  const build = await runCommand(
    join(repoRoot, 'node_modules', '.bin', 'nx'),
    ['run-many', '-t', 'build', '-p', PACKAGES.map((p) => p.project).join(','), '--output-style=static'],
    { cwd: repoRoot, env: nxEnv(), timeoutMs: 280_000 },
  );
  if (build.code !== 0) {
    throw new Error(`Building the packages failed:\n${describeResult(build)}`);
  }

  // Only the tarballs of the current sources are worth keeping.
  rmSync(join(e2eTmpDir, 'packs'), { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const packStarted = Date.now();
  const tarballs = {} as Record<PackageName, string>;
  for (const pkg of PACKAGES) {
    const distDir = join(repoRoot, pkg.dist);
    const pack = await runCommand('npm', ['pack', distDir, '--pack-destination', packDir, '--json', '--ignore-scripts'], {
      cwd: packDir,
      timeoutMs: 120_000,
    });
    if (pack.code !== 0) throw new Error(`npm pack ${pkg.dist} failed:\n${describeResult(pack)}`);
    const [info] = JSON.parse(pack.stdout) as Array<{ filename: string }>;
    tarballs[pkg.npmName] = join(packDir, info.filename);
  }
  writeFileSync(manifest, JSON.stringify(tarballs, null, 2));
  return { tarballs, reused: false, buildMs: build.durationMs, packMs: Date.now() - packStarted };
}

/** sha256 over every non-test file of the three packages plus the shared build config. */
export function hashPackageSources(): string {
  const hash = createHash('sha256');
  const files: string[] = [join(repoRoot, 'tsconfig.base.json'), join(repoRoot, 'package.json')];
  for (const pkg of PACKAGES) {
    const dir = join(repoRoot, pkg.source);
    files.push(...listFiles(dir).map((file) => join(dir, file)));
  }
  for (const file of files.sort()) {
    if (/\.(spec|test)\.ts$/.test(file)) continue;
    hash.update(relative(repoRoot, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
