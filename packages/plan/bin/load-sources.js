/**
 * Inside the nx-plan repository only (no build): lets Node require the
 * TypeScript sources. Each `.ts` file is compiled by @swc/core to CommonJS
 * and kept in node_modules/.cache/nx-plan-bin, keyed by the file's content
 * and the compiler version, so a rerun compiles nothing; the repository's
 * tsconfig paths make @nx-plan/core and @nx-plan/schema resolve to their
 * sources. Unlike @swc-node/register (the fallback) this never loads the
 * TypeScript compiler, which costs more than the whole CLI command.
 */
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

function loadSources(repoRoot) {
  const tsconfig = join(repoRoot, 'tsconfig.base.json');
  const { compilerOptions } = JSON.parse(readFileSync(tsconfig, 'utf8'));
  require('tsconfig-paths').register({ baseUrl: join(repoRoot, compilerOptions.baseUrl || '.'), paths: compilerOptions.paths || {} });

  let swc;
  try {
    swc = require('@swc/core');
  } catch {
    process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || tsconfig;
    require('@swc-node/register');
    return;
  }
  const cacheDir = join(repoRoot, 'node_modules', '.cache', 'nx-plan-bin');
  const salt = `swc ${require('@swc/core/package.json').version} commonjs es2022 v1`;
  const options = {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
    swcrc: false,
    configFile: false,
  };

  function compile(code, filename) {
    const key = createHash('sha1').update(salt).update('\0').update(filename).update('\0').update(code).digest('hex');
    const cached = join(cacheDir, `${key}.js`);
    try {
      return readFileSync(cached, 'utf8');
    } catch {
      // not cached yet
    }
    const output = swc.transformSync(code, { ...options, filename }).code;
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temp = `${cached}.${process.pid}.tmp`;
      writeFileSync(temp, output);
      renameSync(temp, cached);
    } catch {
      // a read-only node_modules only costs the next run a compile
    }
    return output;
  }

  require.extensions['.ts'] = function loadTypeScript(module, filename) {
    module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);
  };
}

module.exports = { loadSources };
