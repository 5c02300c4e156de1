import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { getParallelValidator, parallelSchema, parallelTolerantSchema, type SchemaMode } from './schema-validators';

const repoRoot = path.resolve(__dirname, '../../../..');

/** What ajv compiles at run time from the schema documents, with the options the generated code was made with. */
function compiledAtRunTime(mode: SchemaMode) {
  const ajv = new Ajv({ allErrors: true, verbose: true, strictNumbers: true });
  addFormats(ajv, ['date', 'date-time']);
  return ajv.compile(mode === 'strict' ? parallelSchema : parallelTolerantSchema);
}

const achievement = (extra: Record<string, unknown> = {}) => ({ achievement_id: '1.1', title: 'One', dependencies: [], ...extra });
const documents: [string, unknown][] = [
  ['a minimal valid file', { plan_name: 'P', parallelization_level: 'level_2', achievements: [achievement()] }],
  ['a full valid file', { plan_name: 'P', parallelization_level: 'level_2', created_date: '2025-01-31', achievements: [achievement({ estimated_hours: 4, started_at: '2025-01-31T09:30:00Z', completed_at: '2025-01-31T15:45:00+01:00' }), achievement({ achievement_id: '1.2', dependencies: ['1.1'] })] }],
  ['not an object', [1, 2]],
  ['achievements missing', { plan_name: 'P', parallelization_level: 'level_2' }],
  ['an unknown parallelization level', { plan_name: 'P', parallelization_level: 'level_9', achievements: [] }],
  ['wrong types everywhere', { plan_name: 7, achievements: [{ achievement_id: 11, title: null, dependencies: 'none' }] }],
  ['an hours range string', { plan_name: 'P', parallelization_level: 'level_2', achievements: [achievement({ estimated_hours: '4-6' })] }],
  ['negative hours', { plan_name: 'P', parallelization_level: 'level_2', achievements: [achievement({ estimated_hours: -1 })] }],
  ['a number too large for a double', { plan_name: 'P', parallelization_level: 'level_2', achievements: [achievement({ estimated_hours: Infinity })] }],
  ['a bad date', { plan_name: 'P', parallelization_level: 'level_2', created_date: '2025-13-45', achievements: [achievement({ started_at: 'yesterday' }), achievement()] }],
  ['an unknown field', { plan_name: 'P', parallelization_level: 'level_2', owner: 'me', achievements: [achievement({ colour: 'red' })] }],
];

describe('precompiled parallel.json validators', () => {
  it('are up to date with the schema files (tools/scripts/generate-parallel-validators.mjs --check)', () => {
    const result = spawnSync(process.execPath, ['tools/scripts/generate-parallel-validators.mjs', '--check'], {
      cwd: repoRoot,
      encoding: 'utf-8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  describe.each(['strict', 'tolerant'] as const)('%s', (mode) => {
    const runtime = compiledAtRunTime(mode);
    const precompiled = getParallelValidator(mode);

    it.each(documents)('agree with ajv compiling the schema at run time: %s', (_what, document) => {
      const expectedValid = runtime(document);
      const expectedErrors = runtime.errors;
      expect(precompiled(document)).toBe(expectedValid);
      expect(precompiled.errors ?? null).toEqual(expectedErrors ?? null);
    });
  });

  it('reject what each schema rejects (checked by hand against the schema files)', () => {
    const strict = getParallelValidator('strict');
    const tolerant = getParallelValidator('tolerant');
    expect(strict({ plan_name: 'P', parallelization_level: 'level_2', achievements: [achievement()] })).toBe(true);
    expect(tolerant({ plan_name: 'P', parallelization_level: 'level_2', achievements: [achievement()] })).toBe(true);
    // The tolerant schema accepts an hours range string and unknown fields; the strict one does not.
    expect(tolerant({ plan_name: 'P', parallelization_level: 'level_2', achievements: [achievement({ estimated_hours: '4-6' })] })).toBe(true);
    expect(strict({ plan_name: 'P', parallelization_level: 'level_2', achievements: [achievement({ estimated_hours: '4-6' })] })).toBe(false);
    expect(strict({ plan_name: 'P', parallelization_level: 'level_2', owner: 'me', achievements: [achievement()] })).toBe(false);
    expect(tolerant({ plan_name: 'P', parallelization_level: 'level_2', owner: 'me', achievements: [achievement()] })).toBe(true);
    // parallelization_level is required by both; achievements must be an array.
    expect(tolerant({ plan_name: 'P', achievements: [achievement()] })).toBe(false);
    expect(tolerant({ plan_name: 'P', parallelization_level: 'level_2', achievements: 'none' })).toBe(false);
  });
});
