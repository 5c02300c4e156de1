/**
 * The parent environment without what `npm test` / jest / an outer `nx` put in
 * it: `npm_*` (an outer npm's config such as npm_config_local_prefix would steer
 * the nested npm install), `JEST_*`, `NX_*`, NODE_ENV=test, NODE_OPTIONS.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|NX_|JEST_)/i.test(key)) continue;
    if (key === 'NODE_ENV' || key === 'NODE_OPTIONS' || key === 'FORCE_COLOR' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return env;
}

/** Environment for every `nx` process the harness starts (repo or temp workspace). */
export function nxEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    CI: 'true',
    NO_COLOR: '1',
    ...extra,
  };
}
