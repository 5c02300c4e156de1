import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cleanEnv } from './nx-env';
import { repoRoot } from './repo-paths';

/** The scope the local registry serves; everything else is never asked of it. */
export const LOCAL_SCOPE = '@nx-plan';

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  /** Folder with the registry's config, storage, log and the publisher's npmrc. */
  dir: string;
  /**
   * A user npmrc holding a token for this registry (Verdaccio lets anyone
   * publish the scope; npm only refuses to publish without some token). Pass it
   * as NPM_CONFIG_USERCONFIG to a publishing process.
   */
  publishNpmrc: string;
  /** The registry's own log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts Verdaccio (the devDependency, run with this Node) on a free
 * 127.0.0.1 port with storage in `dir`. It serves only `@nx-plan/*`, has no
 * uplink and so never reaches the network: a workspace points just that scope
 * at it (`@nx-plan:registry=<url>` in .npmrc) and takes every other package
 * from its usual registry.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  mkdirSync(dir, { recursive: true });
  let lastError: Error | undefined;
  // A port found free can be taken before Verdaccio binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freeLoopbackPort();
    try {
      return await startOn(dir, port);
    } catch (error) {
      lastError = error as Error;
    }
  }
  throw lastError ?? new Error('Verdaccio did not start');
}

async function startOn(dir: string, port: number): Promise<LocalRegistry> {
  const url = `http://127.0.0.1:${port}/`;
  const configFile = join(dir, 'config.yaml');
  const logFile = join(dir, 'verdaccio.log');
  writeFileSync(configFile, verdaccioConfig(join(dir, 'storage')));
  const publishNpmrc = join(dir, 'publish.npmrc');
  writeFileSync(publishNpmrc, `//127.0.0.1:${port}/:_authToken=nx-plan-e2e\n`);

  const logFd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'verdaccio', 'bin', 'verdaccio'), '--config', configFile, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: cleanEnv(),
    stdio: ['ignore', logFd, logFd],
    detached: process.platform !== 'win32',
  });
  closeSync(logFd);
  const log = () => readFileSync(logFile, 'utf8');
  // Never leave Verdaccio running after the test process, whatever ends it.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    await stopProcess(child);
    process.removeListener('exit', killOnExit);
  };

  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  const deadline = Date.now() + 30_000;
  while (!(await ping(`${url}-/ping`))) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(`Verdaccio on port ${port} ${exited ?? 'did not answer within 30 s'}\n--- verdaccio log ---\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, dir, publishNpmrc, log, stop };
}

function verdaccioConfig(storage: string): string {
  return [
    `storage: ${JSON.stringify(storage)}`,
    'uplinks: {}',
    'packages:',
    `  '${LOCAL_SCOPE}/*':`,
    '    access: $all',
    '    publish: $all',
    '    unpublish: $all',
    "  '**':",
    '    access: $all',
    '    publish: $all',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function ping(url: string): Promise<boolean> {
  return new Promise((resolvePing) => {
    const request = get(url, (response) => {
      response.resume();
      resolvePing(response.statusCode === 200);
    });
    request.setTimeout(2000, () => request.destroy());
    request.on('error', () => resolvePing(false));
  });
}

/** Signals Verdaccio's whole process group (negative pid); false when it is already gone. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return false;
  try {
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    if (!killGroup(child, 'SIGTERM')) resolveStop();
    setTimeout(() => killGroup(child, 'SIGKILL'), 5000).unref();
  });
}
