import type { LoadedPlan } from '../model/types';
import { JsonPointerLocation, JsonTextPositions, parallelPositions, setParallelPositions } from './json-pointer-location';

// Line 1 `{`, line 2 `  "achievements": [`, line 3 `    { "achievement_id": "1.1" },`, line 4 `    { "achievement_id": "1.2", "dependencies": ["1.1"] }`.
const TEXT = ['{', '  "achievements": [', '    { "achievement_id": "1.1" },', '    { "achievement_id": "1.2", "dependencies": ["1.1"] }', '  ]', '}'].join('\n');

describe('JsonTextPositions', () => {
  it('answers the position of values at any depth', () => {
    const positions = new JsonTextPositions(TEXT);
    expect(positions.positionOf('/achievements/0')).toEqual({ line: 3, column: 5 });
    expect(positions.positionOf('/achievements/1')).toEqual({ line: 4, column: 5 });
    // `    { "achievement_id": "1.2", "dependencies": [` is 48 characters; "1.1" starts at column 49.
    expect(positions.positionOf('/achievements/1/dependencies/0')).toEqual({ line: 4, column: 49 });
  });

  it('counts positions after a byte-order mark as editors do, and falls back to the nearest parent or 1:1', () => {
    expect(new JsonTextPositions(`\uFEFF${TEXT}`).positionOf('/achievements/1')).toEqual({ line: 4, column: 5 });
    expect(new JsonTextPositions(TEXT).positionOf('/achievements/7')).toEqual({ line: 2, column: 19 });
    expect(new JsonTextPositions('{ not json').positionOf('/achievements/0')).toEqual({ line: 1, column: 1 });
  });
});

describe('JsonPointerLocation', () => {
  it('resolves line and column when read, serialises as a plain location, and keeps assigned values', () => {
    const location = new JsonPointerLocation('p/parallel.json', '/achievements/1', new JsonTextPositions(TEXT));
    expect([location.file, location.line, location.column, location.pointer]).toEqual(['p/parallel.json', 4, 5, '/achievements/1']);
    expect(JSON.parse(JSON.stringify(location))).toEqual({ file: 'p/parallel.json', line: 4, column: 5, pointer: '/achievements/1' });
    location.line = 10;
    location.column = 2;
    expect([location.line, location.column]).toEqual([10, 2]);
  });
});

describe('parallelPositions', () => {
  const plan = (parallelText?: string): LoadedPlan => ({
    name: 'P',
    dir: 'p',
    achievements: [],
    dependencySource: 'parallel.json',
    files: { byNm: new Map(), unrecognised: [] },
    diagnostics: [],
    parallelText,
  });

  it('returns the registered index of the plan, and a fresh one when the text changed or nothing was registered', () => {
    const loaded = plan(TEXT);
    const registered = new JsonTextPositions(TEXT);
    setParallelPositions(loaded, registered);
    expect(parallelPositions(loaded)).toBe(registered);
    loaded.parallelText = TEXT.replace('1.2', '1.3');
    const fresh = parallelPositions(loaded);
    expect(fresh).not.toBe(registered);
    expect(fresh?.isFor(loaded.parallelText)).toBe(true);
    expect(parallelPositions(plan(TEXT))?.positionOf('/achievements/0')).toEqual({ line: 3, column: 5 });
    expect(parallelPositions(plan())).toBeUndefined();
  });
});
