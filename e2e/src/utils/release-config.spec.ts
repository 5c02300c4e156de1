/**
 * The release wiring the registry e2e relies on, checked on the repository's
 * own files (fast, no build): one fixed version for the three packages, each
 * depending on the others at exactly that version, and `nx release publish`
 * publishing each package's build output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGES } from './build-and-pack';
import { releaseVersion } from './publish-packages';
import { repoRoot } from './repo-paths';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as T;

interface NxJson {
  release?: { projects?: string[]; projectsRelationship?: string; version?: { preserveMatchingDependencyRanges?: boolean } };
  targetDefaults?: Record<string, { dependsOn?: string[]; options?: { packageRoot?: string } }>;
}

describe('nx release configuration', () => {
  const nxJson = readJson<NxJson>('nx.json');

  it('releases schema, core and the plugin as one fixed group whose dependencies always follow the new version', () => {
    expect(nxJson.release?.projects).toEqual(PACKAGES.map((p) => p.project));
    expect(nxJson.release?.projectsRelationship).toBe('fixed');
    expect(nxJson.release?.version?.preserveMatchingDependencyRanges).toBe(false);
  });

  it('the three package.json files share one version and pin each other at exactly that version', () => {
    const version = releaseVersion();
    const names = new Set<string>(PACKAGES.map((p) => p.npmName));
    const pins = PACKAGES.flatMap((pkg) => {
      const manifest = readJson<{ dependencies?: Record<string, string> }>(`${pkg.source}/package.json`);
      return Object.entries(manifest.dependencies ?? {})
        .filter(([name]) => names.has(name))
        .map(([name, range]) => `${pkg.npmName} → ${name}@${range}`);
    });
    expect(pins).toEqual([
      `@nx-plan/core → @nx-plan/schema@${version}`,
      `@nx-plan/plan → @nx-plan/core@${version}`,
      `@nx-plan/plan → @nx-plan/schema@${version}`,
    ]);
  });

  it('publishes from each build output, built first', () => {
    const publish = nxJson.targetDefaults?.['nx-release-publish'];
    expect(publish?.dependsOn).toEqual(['build']);
    for (const pkg of PACKAGES) {
      const project = readJson<{ targets: { build: { options: { outputPath: string } } } }>(`${pkg.source}/project.json`);
      const packageRoot = (publish?.options?.packageRoot ?? '').replace('{projectRoot}', pkg.source);
      expect({ project: pkg.project, packageRoot }).toEqual({ project: pkg.project, packageRoot: project.targets.build.options.outputPath });
    }
  });
});
