import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parallelSchema, parallelTolerantSchema, PARALLEL_SCHEMA_ID, PARALLEL_TOLERANT_SCHEMA_ID } from './schema-validators';

type SchemaNode = Record<string, unknown>;
const packageRoot = path.resolve(__dirname, '../..');
const strict = parallelSchema as SchemaNode;
const tolerant = parallelTolerantSchema as SchemaNode;

/** Every property schema (and array item schema) with its path, found without recursion. */
function propertySchemas(schema: SchemaNode): [string, SchemaNode][] {
  const found: [string, SchemaNode][] = [];
  const queue: [string, SchemaNode][] = [['', schema]];
  while (queue.length > 0) {
    const [where, node] = queue.pop()!;
    const properties = node['properties'] as Record<string, SchemaNode> | undefined;
    for (const [name, child] of Object.entries(properties ?? {})) {
      found.push([`${where}/${name}`, child]);
      queue.push([`${where}/${name}`, child]);
    }
    const items = node['items'] as SchemaNode | undefined;
    if (items) {
      found.push([`${where}[]`, items]);
      queue.push([`${where}[]`, items]);
    }
  }
  return found;
}

const fieldsOf = (schema: SchemaNode) => {
  const root = schema['properties'] as Record<string, SchemaNode>;
  const items = root['achievements']['items'] as SchemaNode;
  return { root: Object.keys(root), achievement: Object.keys(items['properties'] as object) };
};

describe('published JSON Schemas', () => {
  it.each([
    ['strict', strict, PARALLEL_SCHEMA_ID],
    ['tolerant', tolerant, PARALLEL_TOLERANT_SCHEMA_ID],
  ])('%s: draft-07, stable $id, title, description and examples on every property', (_mode, schema, id) => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['$id']).toBe(id);
    expect(schema['title']).toEqual(expect.any(String));
    expect(schema['description']).toEqual(expect.any(String));
    const nodes = propertySchemas(schema);
    expect(nodes.length).toBeGreaterThan(15);
    for (const [where, node] of nodes) {
      expect([where, typeof node['title'], typeof node['description'], Array.isArray(node['examples'])]).toEqual([where, 'string', 'string', true]);
    }
  });

  it('compile with the default Ajv class (draft-07) in ajv strict mode', () => {
    const ajv = new Ajv({ strict: true });
    addFormats(ajv);
    expect(() => ajv.compile(strict)).not.toThrow();
    expect(() => ajv.compile(tolerant)).not.toThrow();
  });

  it('examples given in the schemas are valid against the schema that gives them', () => {
    for (const schema of [strict, tolerant]) {
      const ajv = new Ajv({ strict: true, allErrors: true });
      addFormats(ajv);
      for (const [where, node] of propertySchemas(schema)) {
        const validate = ajv.compile({ ...node, $id: undefined });
        for (const example of node['examples'] as unknown[]) {
          expect([where, example, validate(example)]).toEqual([where, example, true]);
        }
      }
    }
  });

  it('strict and tolerant define the same fields; only estimated_hours and additionalProperties differ', () => {
    expect(fieldsOf(tolerant)).toEqual(fieldsOf(strict));
    expect(fieldsOf(strict)).toEqual({
      root: ['$schema', 'plan_name', 'parallelization_level', 'created_date', 'achievements', 'notes'],
      achievement: ['achievement_id', 'title', 'dependencies', 'status', 'estimated_hours', 'actual_hours', 'started_at', 'completed_at', 'executor'],
    });
    expect(strict['additionalProperties']).toBe(false);
    expect(tolerant['additionalProperties']).toBe(true);
    const strictItems = (strict['properties'] as Record<string, SchemaNode>)['achievements']['items'] as SchemaNode;
    const tolerantItems = (tolerant['properties'] as Record<string, SchemaNode>)['achievements']['items'] as SchemaNode;
    expect(strictItems['required']).toEqual(['achievement_id', 'dependencies']);
    expect(tolerantItems['required']).toEqual(['achievement_id', 'dependencies']);
    for (const name of fieldsOf(strict).achievement.filter((n) => n !== 'estimated_hours')) {
      expect((tolerantItems['properties'] as SchemaNode)[name]).toEqual((strictItems['properties'] as SchemaNode)[name]);
    }
  });

  it('package.json exports point at the schema files', () => {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
    const strictFile = path.join(packageRoot, pkg.exports['./parallel.schema.json']);
    const tolerantFile = path.join(packageRoot, pkg.exports['./parallel.tolerant.schema.json']);
    expect(existsSync(strictFile)).toBe(true);
    expect(JSON.parse(readFileSync(strictFile, 'utf8'))['$id']).toBe(PARALLEL_SCHEMA_ID);
    expect(JSON.parse(readFileSync(tolerantFile, 'utf8'))['$id']).toBe(PARALLEL_TOLERANT_SCHEMA_ID);
    expect(pkg.files).toEqual(expect.arrayContaining(['src', 'README.md']));
  });
});
