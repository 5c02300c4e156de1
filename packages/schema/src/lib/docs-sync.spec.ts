import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from './diagnostic';
import type { DiagnosticCode } from './diagnostic';
import { parallelSchema, parallelTolerantSchema } from './schema-validators';

const repoRoot = path.resolve(__dirname, '../../../..');
const docs = path.join(repoRoot, 'docs');
const read = (file: string) => readFileSync(path.join(docs, file), 'utf8');
const normalise = (text: string) => text.replace(/\s+/g, ' ');

/** The markdown between `## <code>` and the next `## ` heading. */
function section(markdown: string, code: string): string | undefined {
  const start = markdown.search(new RegExp(`^## ${code}\\b.*$`, 'm'));
  if (start === -1) return undefined;
  const rest = markdown.slice(start + 3);
  const end = rest.search(/^## /m);
  return end === -1 ? rest : rest.slice(0, end);
}

describe('docs/diagnostics.md follows the catalogue', () => {
  const markdown = read('diagnostics.md');
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

  it.each(codes)('%s: title, severity, cause, fix and an example line', (code) => {
    const info = DIAGNOSTIC_CODES[code];
    const text = section(markdown, code);
    expect(text).toBeDefined();
    const flat = normalise(text as string);
    expect(flat).toContain(`**${info.title}**`);
    expect(flat).toContain(`severity: \`${info.defaultSeverity}\``);
    expect(flat).toContain(`**Cause.** ${normalise(info.description)}`);
    expect(flat).toContain(`**Fix.** ${normalise(info.hint)}`);
    expect(text).toMatch(new RegExp(`^\\S+:\\d+:\\d+  (error|warning|info)  ${code}  \\S.*\\n  hint: \\S`, 'm'));
  });

  it('documents no code that the catalogue does not have', () => {
    const documented = [...markdown.matchAll(/^## (PLAN\d{3})\b/gm)].map((m) => m[1]);
    expect(documented).toEqual(codes);
  });
});

describe('docs/parallel-json.md covers every field of the schemas', () => {
  const markdown = read('parallel-json.md');
  const fields = new Set<string>();
  for (const schema of [parallelSchema, parallelTolerantSchema]) {
    const root = schema['properties'] as Record<string, Record<string, unknown>>;
    for (const name of Object.keys(root)) fields.add(name);
    const items = root['achievements']['items'] as Record<string, unknown>;
    for (const name of Object.keys(items['properties'] as object)) fields.add(name);
  }

  it.each([...fields])('documents `%s`', (field) => {
    expect(markdown).toMatch(new RegExp('^\\| `' + field.replace(/\$/g, '\\$') + '` \\|', 'm'));
  });

  it('documents every status value and parallelization level', () => {
    const root = parallelSchema['properties'] as Record<string, Record<string, unknown>>;
    const items = root['achievements']['items'] as Record<string, Record<string, Record<string, unknown>>>;
    for (const value of [...(root['parallelization_level']['enum'] as string[]), ...(items['properties']['status']['enum'] as string[])]) {
      expect(markdown).toContain(`\`${value}\``);
    }
  });

  it('links to files that exist', () => {
    for (const [, target] of markdown.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)) {
      expect([target, existsSync(path.join(docs, target))]).toEqual([target, true]);
    }
  });
});
