import { readJson, readNxJson, updateNxJson, writeJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import initDefault, { initGenerator } from './init';
import { withSchemaReference } from './lib/add-schema-references';

const OWN_VERSION: string = require('../../../package.json').version;

describe('init generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  const plugins = () => readNxJson(tree)?.plugins ?? [];

  it('is the default export too', () => {
    expect(initDefault).toBe(initGenerator);
  });

  it('registers the plugin in nx.json', async () => {
    await initGenerator(tree, { skipFormat: true });
    expect(plugins()).toContainEqual({ plugin: '@nx-plan/plan' });
  });

  it('is idempotent', async () => {
    await initGenerator(tree, { skipFormat: true });
    await initGenerator(tree, { skipFormat: true });
    expect(plugins().filter((p) => typeof p !== 'string' && p.plugin === '@nx-plan/plan')).toHaveLength(1);
  });

  it.each([
    ['the string form', '@nx-plan/plan'],
    ['the object form with options', { plugin: '@nx-plan/plan', options: { projectNamePrefix: 'p-' } }],
  ])('recognises an existing entry in %s and leaves it alone', async (_, entry) => {
    const nxJson = readNxJson(tree)!;
    nxJson.plugins = [entry];
    updateNxJson(tree, nxJson);

    await initGenerator(tree, { skipFormat: true });
    expect(plugins()).toEqual([entry]);
  });

  it('recognises a path to the plugin source and a tsconfig alias pointing there', async () => {
    writeJson(tree, 'packages/plan/package.json', { name: '@nx-plan/plan', version: '0.1.0' });
    tree.write('packages/plan/src/index.ts', 'export {};\n');
    writeJson(tree, 'tsconfig.base.json', { compilerOptions: { paths: { plan: ['packages/plan/src/index.ts'] } } });

    for (const entry of ['./packages/plan/src/index.ts', { plugin: 'plan' }]) {
      const nxJson = readNxJson(tree)!;
      nxJson.plugins = [entry];
      updateNxJson(tree, nxJson);
      await initGenerator(tree, { skipFormat: true, skipPackageJson: true });
      expect(plugins()).toEqual([entry]);
    }
  });

  it('does not mistake another local plugin for this one', async () => {
    writeJson(tree, 'tools/other/package.json', { name: '@acme/other' });
    tree.write('tools/other/index.ts', 'export {};\n');
    const nxJson = readNxJson(tree)!;
    nxJson.plugins = ['./tools/other/index.ts'];
    updateNxJson(tree, nxJson);

    await initGenerator(tree, { skipFormat: true });
    expect(plugins()).toEqual(['./tools/other/index.ts', { plugin: '@nx-plan/plan' }]);
  });

  it('adds the schema reference to parallel.json files of plan folders, changing nothing else', async () => {
    const original = '{\n  "plan_name": "SHIP",\n  "parallelization_level": "level_2",\n  "achievements": []\n}\n';
    tree.write('plans/SHIP/PLAN_SHIP.md', '# PLAN: SHIP\n');
    tree.write('plans/SHIP/parallel.json', original);

    await initGenerator(tree, { skipFormat: true });
    expect(tree.read('plans/SHIP/parallel.json', 'utf-8')).toBe(
      '{\n  "$schema": "../../node_modules/@nx-plan/schema/src/schemas/parallel.tolerant.schema.json",\n' +
        '  "plan_name": "SHIP",\n  "parallelization_level": "level_2",\n  "achievements": []\n}\n'
    );
  });

  it('points at the strict schema when the plugin is registered with strict: true', async () => {
    const nxJson = readNxJson(tree)!;
    nxJson.plugins = [{ plugin: '@nx-plan/plan', options: { strict: true } }];
    updateNxJson(tree, nxJson);
    tree.write('PLAN_ROOT.md', '# PLAN: ROOT\n');
    tree.write('parallel.json', '{"plan_name": "ROOT"}');

    await initGenerator(tree, { skipFormat: true });
    expect(tree.read('parallel.json', 'utf-8')).toBe(
      '{"$schema": "./node_modules/@nx-plan/schema/src/schemas/parallel.schema.json", "plan_name": "ROOT"}'
    );
  });

  it('leaves alone parallel.json files that already have $schema, do not parse, or are not in a plan folder', async () => {
    const files = {
      'plans/A/PLAN_A.md': '# A\n',
      'plans/A/parallel.json': '{ "$schema": "./custom.json", "plan_name": "A" }',
      'plans/B/PLAN_B.md': '# B\n',
      'plans/B/parallel.json': '{ "plan_name": "B", ',
      'plans/C/PLAN_C.md': '# C\n',
      'plans/C/parallel.json': '[1, 2]',
      'elsewhere/parallel.json': '{ "workers": 4 }',
    };
    for (const [path, content] of Object.entries(files)) tree.write(path, content);

    await initGenerator(tree, { skipFormat: true });
    for (const [path, content] of Object.entries(files)) {
      expect(tree.read(path, 'utf-8')).toBe(content);
    }
  });

  it('adds the packages to devDependencies with this version, unless --skipPackageJson', async () => {
    await initGenerator(tree, { skipFormat: true });
    const devDependencies = readJson(tree, 'package.json').devDependencies;
    expect(devDependencies['@nx-plan/plan']).toBe(OWN_VERSION);
    expect(devDependencies['@nx-plan/schema']).toBe(OWN_VERSION);

    const other = createTreeWithEmptyWorkspace();
    await initGenerator(other, { skipFormat: true, skipPackageJson: true });
    expect(readJson(other, 'package.json').devDependencies?.['@nx-plan/plan']).toBeUndefined();
  });

  it('keeps a version already in package.json (nx add passes --keepExistingVersions)', async () => {
    writeJson(tree, 'package.json', { name: 'ws', devDependencies: { '@nx-plan/plan': '0.0.9' } });
    await initGenerator(tree, { skipFormat: true, keepExistingVersions: true });
    expect(readJson(tree, 'package.json').devDependencies['@nx-plan/plan']).toBe('0.0.9');
  });

  it('returns a callback (the install task)', async () => {
    const callback = await initGenerator(tree, { skipFormat: true, skipPackageJson: true });
    expect(typeof callback).toBe('function');
  });
});

describe('withSchemaReference', () => {
  const ref = './node_modules/x.json';

  it('inserts after the opening brace with the file\'s own indentation and line endings', () => {
    expect(withSchemaReference('{\r\n    "a": 1\r\n}', ref)).toBe('{\r\n    "$schema": "./node_modules/x.json",\r\n    "a": 1\r\n}');
  });

  it('handles one-line and empty objects', () => {
    expect(withSchemaReference('{"a":1}', ref)).toBe('{"$schema": "./node_modules/x.json", "a":1}');
    expect(withSchemaReference('{}', ref)).toBe('{ "$schema": "./node_modules/x.json" }');
  });

  it('keeps a byte-order mark', () => {
    expect(withSchemaReference('\uFEFF{"a":1}', ref)).toBe('\uFEFF{"$schema": "./node_modules/x.json", "a":1}');
  });
});
