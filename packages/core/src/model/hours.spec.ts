import { addHours, formatHours, parseHours } from './hours';

describe('parseHours', () => {
  it.each([
    [5, { min: 5, max: 5 }],
    [0, { min: 0, max: 0 }],
    [2.5, { min: 2.5, max: 2.5 }],
    ['4-6', { min: 4, max: 6 }],
    ['4–6', { min: 4, max: 6 }],
    ['4—6', { min: 4, max: 6 }],
    ['4-6h', { min: 4, max: 6 }],
    ['4 - 6 hours', { min: 4, max: 6 }],
    ['4h-6h', { min: 4, max: 6 }],
    ['4 to 6 hours', { min: 4, max: 6 }],
    [' 1.5-2.5 ', { min: 1.5, max: 2.5 }],
    ['5', { min: 5, max: 5 }],
    ['5h', { min: 5, max: 5 }],
    ['5 hours', { min: 5, max: 5 }],
    ['1 hour', { min: 1, max: 1 }],
    ['3-3', { min: 3, max: 3 }],
  ])('%p → %p', (input, expected) => {
    expect(parseHours(input)).toEqual(expected);
  });

  it.each([[-1], [Number.NaN], [Infinity], ['6-4'], [''], ['abc'], ['4-'], ['-4'], ['4-6 days'], ['4--6'], [null], [undefined], [{}], [[4, 6]], [true]])(
    '%p → undefined',
    (input) => {
      expect(parseHours(input)).toBeUndefined();
    },
  );
});

describe('formatHours', () => {
  it('formats ranges and single values', () => {
    expect(formatHours({ min: 4, max: 6 })).toBe('4-6h');
    expect(formatHours({ min: 5, max: 5 })).toBe('5h');
    expect(formatHours({ min: 0.1 + 0.2, max: 1.5 })).toBe('0.3-1.5h');
  });

  it('round-trips through parseHours', () => {
    expect(parseHours(formatHours({ min: 2, max: 3 }))).toEqual({ min: 2, max: 3 });
  });
});

describe('addHours', () => {
  it('adds both ends', () => {
    expect(addHours({ min: 1, max: 2 }, { min: 3, max: 5 })).toEqual({ min: 4, max: 7 });
  });
});
