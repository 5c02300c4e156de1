// bench-workspace.mjs — puts the nx-plan packages into a throw-away benchmark
// workspace, from this repository's TypeScript sources or from its built dist.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The plugin as the workspace sees it:
 *  - `source`: node_modules is a symlink to this repository's, packages/ a copy of
 *    its sources, tsconfig paths map @nx-plan/* to them (Nx loads the .ts through
 *    @swc-node/register, as inside this repository);
 *  - `dist`: node_modules is a folder of symlinks to this repository's packages
 *    except @nx-plan/*, which are copies of the built dist/packages/* (compiled
 *    JavaScript, as a user gets from npm).
 */
export function installPlugin(ws, mode, distDir = path.join(root, 'dist', 'packages')) {
  if (mode === 'source') {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(ws, 'node_modules'), 'dir');
    for (const pkg of ['schema', 'core', 'plan']) {
      fs.cpSync(path.join(root, 'packages', pkg), path.join(ws, 'packages', pkg), {
        recursive: true,
        filter: (from) => !/(^|[\\/])(node_modules|dist)$/.test(from),
      });
    }
    const src = (pkg) => [`packages/${pkg}/src/index.ts`];
    const compilerOptions = {
      module: 'commonjs',
      target: 'es2022',
      moduleResolution: 'node',
      esModuleInterop: true,
      baseUrl: '.',
      paths: { '@nx-plan/schema': src('schema'), '@nx-plan/core': src('core'), '@nx-plan/plan': src('plan') },
    };
    fs.writeFileSync(path.join(ws, 'tsconfig.base.json'), JSON.stringify({ compilerOptions }, null, 2));
    return;
  }
  const modules = path.join(ws, 'node_modules');
  fs.mkdirSync(path.join(modules, '@nx-plan'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '@nx-plan' || entry === '.bin') continue;
    fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  for (const pkg of ['schema', 'core', 'plan']) {
    const built = path.join(distDir, pkg);
    if (!fs.existsSync(path.join(built, 'package.json'))) {
      throw new Error(`${path.relative(root, built)} is missing: build first (npx nx run-many -t build -p schema core plan-plugin)`);
    }
    fs.cpSync(built, path.join(modules, '@nx-plan', pkg), { recursive: true });
  }
  // .bin: the repository's commands, but `nx-plan` from the copied, compiled package (what the inferred targets run).
  const bin = path.join(modules, '.bin');
  fs.mkdirSync(bin);
  for (const entry of fs.readdirSync(path.join(root, 'node_modules', '.bin'))) {
    if (entry !== 'nx-plan') fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules', '.bin', entry)), path.join(bin, entry));
  }
  fs.symlinkSync(path.join('..', '@nx-plan', 'plan', 'bin', 'nx-plan.js'), path.join(bin, 'nx-plan'));
}

/** dist (compiled, as users install it) when it has been built, else the sources. */
export function defaultMode() {
  return fs.existsSync(path.join(root, 'dist', 'packages', 'plan', 'executors.json')) ? 'dist' : 'source';
}
