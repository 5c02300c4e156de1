import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findDirsNamed, listFiles } from './file-listing';

interface PackageJson {
  name: string;
  main?: string;
  types?: string;
  exports?: Record<string, string | Record<string, string>>;
  generators?: string;
  executors?: string;
}

interface CollectionEntry {
  factory?: string;
  implementation?: string;
  schema?: string;
}

/**
 * Lists what is missing from an installed (packed) package: files named by
 * main/types/exports, and for an Nx plugin every generator factory, executor
 * implementation, schema.json and template `files/` folder of its source.
 * Returns human-readable problems; an empty list means the package is complete.
 */
export function findPackageProblems(installedDir: string, sourceDir: string): string[] {
  const problems: string[] = [];
  const pkg = JSON.parse(readFileSync(join(installedDir, 'package.json'), 'utf8')) as PackageJson;
  const need = (relPath: string, why: string) => {
    if (!existsSync(join(installedDir, relPath))) problems.push(`${pkg.name}: ${why} ${relPath} is not in the package`);
  };

  if (!pkg.main) problems.push(`${pkg.name}: package.json has no "main"`);
  else need(pkg.main, '"main"');
  if (!pkg.types) problems.push(`${pkg.name}: package.json has no "types"`);
  else need(pkg.types, '"types"');
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const targets = typeof target === 'string' ? [target] : Object.values(target);
    for (const file of targets) need(file, `exports["${subpath}"] →`);
  }

  for (const [field, key] of [
    ['generators', 'factory'],
    ['executors', 'implementation'],
  ] as const) {
    const collectionFile = pkg[field];
    if (!collectionFile) continue;
    need(collectionFile, `"${field}"`);
    const collectionPath = join(installedDir, collectionFile);
    if (!existsSync(collectionPath)) continue;
    const collection = JSON.parse(readFileSync(collectionPath, 'utf8')) as Record<string, Record<string, CollectionEntry>>;
    for (const [name, entry] of Object.entries(collection[field] ?? {})) {
      const modulePath = entry[key]?.split('#')[0];
      if (!modulePath) problems.push(`${pkg.name}: ${field} "${name}" has no ${key}`);
      else need(`${modulePath}.js`, `${field} "${name}" ${key}`);
      if (!entry.schema) problems.push(`${pkg.name}: ${field} "${name}" has no schema`);
      else need(entry.schema, `${field} "${name}" schema`);
    }
  }

  // Every template folder of a generator (a `files/` next to its schema.json)
  // must ship with the same files.
  const templateDirs = findDirsNamed(join(sourceDir, 'src'), 'files').filter((dir) => existsSync(join(dir, '..', 'schema.json')));
  for (const templateDir of templateDirs) {
    for (const file of listFiles(templateDir)) {
      need(`${relative(sourceDir, templateDir)}/${file}`, 'template');
    }
  }
  return problems;
}
