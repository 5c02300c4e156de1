/**
 * `nx g @nx-plan/plan:init` (run by `nx add @nx-plan/plan`): registers the
 * plugin in nx.json, adds the `$schema` reference to existing parallel.json
 * files, ignores the run markers in .gitignore, and adds the packages to
 * devDependencies.
 */
import {
  addDependenciesToPackageJson,
  formatFiles,
  readJsonFile,
  runTasksInSerial,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import { join } from 'node:path';
import { addSchemaReferences } from './lib/add-schema-references';
import { ignoreRunMarkers } from './lib/ignore-run-markers';
import { PLUGIN_PACKAGE, registerPlugin, registeredPluginOptions } from './lib/register-plugin';
import type { InitGeneratorSchema } from './schema';

type NormalizedSchema = Required<InitGeneratorSchema>;

function normalizeOptions(schema: InitGeneratorSchema): NormalizedSchema {
  return {
    skipFormat: schema.skipFormat ?? false,
    skipPackageJson: schema.skipPackageJson ?? false,
    keepExistingVersions: schema.keepExistingVersions ?? true,
  };
}

/** The version of this plugin package (the packages are released together). */
export function nxPlanVersion(): string {
  return readJsonFile<{ version: string }>(join(__dirname, '../../../package.json')).version;
}

export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(schema);
  registerPlugin(tree);
  addSchemaReferences(tree, { strict: registeredPluginOptions(tree)?.['strict'] === true });
  ignoreRunMarkers(tree);

  const tasks: GeneratorCallback[] = [];
  if (!options.skipPackageJson) {
    const version = nxPlanVersion();
    tasks.push(
      addDependenciesToPackageJson(
        tree,
        {},
        { [PLUGIN_PACKAGE]: version, '@nx-plan/schema': version },
        undefined,
        options.keepExistingVersions
      )
    );
  }
  if (!options.skipFormat) await formatFiles(tree);
  return runTasksInSerial(...tasks);
}

export default initGenerator;
