import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRegistry, startLocalRegistry } from './local-registry';
import { cleanEnv } from './nx-env';
import { describeResult, runCommand } from './run-command';

jest.setTimeout(120_000);

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(true);
    });
    request.setTimeout(2000, () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

describe('startLocalRegistry', () => {
  let dir: string;
  let registry: LocalRegistry | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nx-plan-registry-'));
  });
  afterEach(async () => {
    await registry?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves @nx-plan/* on 127.0.0.1: a package published with its npmrc can be viewed, and stop() frees the port', async () => {
    registry = await startLocalRegistry(join(dir, 'registry'));
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const pkg = join(dir, 'probe');
    mkdirSync(pkg);
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@nx-plan/probe', version: '1.2.3' }));
    const env = { ...cleanEnv(), NPM_CONFIG_USERCONFIG: registry.publishNpmrc };
    const publish = await runCommand('npm', ['publish', `--registry=${registry.url}`], { cwd: pkg, env });
    if (publish.code !== 0) throw new Error(describeResult(publish));
    const view = await runCommand('npm', ['view', '@nx-plan/probe', 'version', `--registry=${registry.url}`], { cwd: dir, env });
    expect(view.stdout.trim()).toBe('1.2.3');

    // No uplink: a package that is not in its storage is not found.
    const missing = await runCommand('npm', ['view', 'left-pad', 'version', `--registry=${registry.url}`], { cwd: dir, env });
    expect(missing.code).not.toBe(0);

    await registry.stop();
    expect(await answers(`${registry.url}-/ping`)).toBe(false);
    registry = undefined;
  });
});
