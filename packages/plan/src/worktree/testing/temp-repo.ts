/**
 * Test helper: a real temporary git repository with one commit and an
 * identity set inside it only (never the user's global config).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTempWorkspace, type TempWorkspace } from '../../testing/temp-workspace';

export interface TempRepo extends TempWorkspace {
  git(...args: string[]): string;
  read(relative: string): string;
  commitAll(message: string): void;
}

export function createTempRepo(files: Record<string, string> = { 'README.md': '# repo\n' }, identity = true): TempRepo {
  const ws = createTempWorkspace('nx-plan-git-');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ws.root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  git('init', '-q', '-b', 'main');
  if (identity) {
    git('config', 'user.name', 'Test');
    git('config', 'user.email', 'test@example.com');
  }
  ws.write(files);
  git('add', '-A');
  git(...(identity ? [] : ['-c', 'user.name=Setup', '-c', 'user.email=setup@example.com']), 'commit', '-q', '-m', 'init');
  return {
    ...ws,
    git,
    read: (relative) => readFileSync(join(ws.root, relative), 'utf8'),
    commitAll(message) {
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
  };
}

export function writeFile(root: string, relative: string, content: string): void {
  mkdirSync(dirname(join(root, relative)), { recursive: true });
  writeFileSync(join(root, relative), content);
}
