/**
 * Points every parallel.json of a plan folder at the published JSON Schema
 * (`"$schema"`), so editors offer completion and hover help. Only files that
 * parse as a JSON object, sit next to a `PLAN_<NAME>.md` and have no
 * `$schema` yet are touched; the property is inserted as text at the top of
 * the object, leaving the rest of the file byte for byte as it was.
 */
import { offsetFromRoot, visitNotIgnoredFiles, type Tree } from '@nx/devkit';
import { posix } from 'node:path';

/**
 * The schema an editor should check parallel.json against: the tolerant one
 * (hour ranges, extra fields), which matches what `validate` accepts by
 * default, or the published strict one when the plugin runs with `strict`.
 */
export function schemaFile(strict: boolean): string {
  return `node_modules/@nx-plan/schema/src/schemas/${strict ? 'parallel.schema.json' : 'parallel.tolerant.schema.json'}`;
}

/** Returns the workspace-relative paths of the files it changed. */
export function addSchemaReferences(tree: Tree, options: { strict?: boolean } = {}): string[] {
  const file = schemaFile(options.strict === true);
  const changed: string[] = [];
  visitNotIgnoredFiles(tree, '', (path) => {
    if (posix.basename(path) !== 'parallel.json') return;
    const dir = posix.dirname(path);
    if (!tree.children(dir).some((f) => /^PLAN_.+\.md$/.test(f))) return;
    const text = tree.read(path, 'utf-8');
    if (text === null) return;
    const updated = withSchemaReference(text, `${offsetFromRoot(dir)}${file}`);
    if (updated !== undefined) {
      tree.write(path, updated);
      changed.push(path);
    }
  });
  return changed;
}

/** The text with `"$schema": reference` added, or undefined when it must be left alone. */
export function withSchemaReference(text: string, reference: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  if (Object.prototype.hasOwnProperty.call(parsed, '$schema')) return undefined;

  const open = text.indexOf('{');
  const before = text.slice(0, open + 1);
  const after = text.slice(open + 1);
  const leading = /^\s*/.exec(after)![0];
  const property = `"$schema": ${JSON.stringify(reference)}`;
  if (after.slice(leading.length).startsWith('}')) {
    return `${before} ${property} ${after.slice(leading.length)}`;
  }
  const newline = leading.lastIndexOf('\n');
  if (newline >= 0) {
    const indent = leading.slice(newline + 1);
    const eol = leading[newline - 1] === '\r' ? '\r\n' : '\n';
    return `${before}${eol}${indent}${property},${after}`;
  }
  return `${before}${leading}${property}, ${after.slice(leading.length)}`;
}
