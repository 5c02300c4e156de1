import { escapePointerToken, joinPointer, splitPointer, unescapePointerToken } from './json-pointer';

describe('JSON pointers (RFC 6901)', () => {
  it('escapes ~ before / and unescapes in the reverse order', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(unescapePointerToken('a~1b~0c')).toBe('a/b~c');
    // "~01" is "~" followed by "1", not "/".
    expect(unescapePointerToken('~01')).toBe('~1');
  });

  it('joins and splits', () => {
    expect(joinPointer(['achievements', 3, 'estimated_hours'])).toBe('/achievements/3/estimated_hours');
    expect(joinPointer([])).toBe('');
    expect(splitPointer('/achievements/3/estimated_hours')).toEqual(['achievements', '3', 'estimated_hours']);
    expect(splitPointer('')).toEqual([]);
    expect(splitPointer('/')).toEqual(['']);
    expect(splitPointer('/a~1b/~0')).toEqual(['a/b', '~']);
  });

  it('accepts the URI fragment form', () => {
    expect(splitPointer('#/a%20b/0')).toEqual(['a b', '0']);
    expect(splitPointer('#')).toEqual([]);
  });
});
