#!/usr/bin/env node
/**
 * The `nx-plan` command. In the published package the compiled
 * src/cli/main.js sits next to this folder and is used as it is. In the
 * nx-plan repository itself (TypeScript sources, no build) the sources are
 * compiled on the fly and cached (bin/load-sources.js), and the repository's
 * tsconfig paths make @nx-plan/core and @nx-plan/schema resolve to their
 * sources too.
 */
'use strict';
// nx:run-commands sets FORCE_COLOR for the commands it runs; with the user's
// NO_COLOR also set, Node would warn that one of them is ignored. NO_COLOR wins.
if (process.env.NO_COLOR && process.env.FORCE_COLOR !== undefined) delete process.env.FORCE_COLOR;
const { existsSync } = require('node:fs');
const { join } = require('node:path');

function loadMain() {
  const compiled = join(__dirname, '..', 'src', 'cli', 'main.js');
  if (existsSync(compiled)) return require(compiled).main;

  const source = join(__dirname, '..', 'src', 'cli', 'main.ts');
  const repoRoot = join(__dirname, '..', '..', '..');
  const tsconfig = join(repoRoot, 'tsconfig.base.json');
  if (!existsSync(source) || !existsSync(tsconfig)) {
    process.stderr.write(`nx-plan: ${compiled} is missing; reinstall @nx-plan/plan\n`);
    process.exit(1);
  }
  require('./load-sources').loadSources(repoRoot);
  return require(source).main;
}

loadMain()(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`nx-plan: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
);
