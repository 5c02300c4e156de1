/**
 * Registers `@nx-plan/plan` in nx.json `plugins`, once. An existing entry is
 * recognised in every form Nx accepts: the package name as a string or as
 * `{ plugin }`, a path to the plugin's source (`./packages/plan/src/index.ts`),
 * or a tsconfig path alias that points there.
 */
import { readJson, readNxJson, updateNxJson, writeJson, type NxJsonConfiguration, type Tree } from '@nx/devkit';
import { posix } from 'node:path';

export const PLUGIN_PACKAGE = '@nx-plan/plan';

/** Adds the plugin entry; returns false when nx.json already registers the plugin. */
export function registerPlugin(tree: Tree): boolean {
  const nxJson: NxJsonConfiguration = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((entry) =>
    isNxPlanPlugin(tree, typeof entry === 'string' ? entry : entry.plugin)
  );
  if (registered) return false;
  nxJson.plugins = [...plugins, { plugin: PLUGIN_PACKAGE }];
  if (tree.exists('nx.json')) updateNxJson(tree, nxJson);
  else writeJson(tree, 'nx.json', nxJson);
  return true;
}

export function isNxPlanPlugin(tree: Tree, specifier: string): boolean {
  if (specifier === PLUGIN_PACKAGE) return true;
  const target = isPathSpecifier(specifier) ? toTreePath(tree, specifier) : aliasTarget(tree, specifier);
  return target !== undefined && packageNameAbove(tree, target) === PLUGIN_PACKAGE;
}

function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/') || /^[A-Za-z]:[\\/]/.test(specifier);
}

function toTreePath(tree: Tree, path: string): string | undefined {
  const posixPath = path.replace(/\\/g, '/');
  const rootPosix = tree.root.replace(/\\/g, '/');
  const relative = posixPath.startsWith('/') || /^[A-Za-z]:\//.test(posixPath)
    ? posix.relative(rootPosix, posixPath)
    : posix.normalize(posixPath);
  if (relative.startsWith('..')) return undefined;
  return relative === '' ? '.' : relative;
}

/** First target of a root tsconfig `compilerOptions.paths` alias. */
function aliasTarget(tree: Tree, alias: string): string | undefined {
  for (const file of ['tsconfig.base.json', 'tsconfig.json']) {
    if (!tree.exists(file)) continue;
    try {
      const paths = readJson(tree, file)?.compilerOptions?.paths as Record<string, string[]> | undefined;
      const target = paths?.[alias]?.[0];
      if (typeof target === 'string') return toTreePath(tree, target);
    } catch {
      // An unreadable tsconfig cannot register the plugin.
    }
  }
  return undefined;
}

/** Name in the nearest package.json at or above path (a file or a folder). */
function packageNameAbove(tree: Tree, path: string): string | undefined {
  let dir = tree.isFile(path) ? posix.dirname(path) : path;
  for (;;) {
    const manifest = dir === '.' ? 'package.json' : `${dir}/package.json`;
    if (tree.exists(manifest)) {
      try {
        return readJson(tree, manifest)?.name;
      } catch {
        return undefined;
      }
    }
    if (dir === '.' || dir === '') return undefined;
    dir = posix.dirname(dir);
  }
}

/** The `options` of this plugin's nx.json entry, if it has any. */
export function registeredPluginOptions(tree: Tree): Record<string, unknown> | undefined {
  for (const entry of readNxJson(tree)?.plugins ?? []) {
    if (typeof entry !== 'string' && isNxPlanPlugin(tree, entry.plugin)) {
      return entry.options as Record<string, unknown> | undefined;
    }
  }
  return undefined;
}
