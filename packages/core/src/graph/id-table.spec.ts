import { IdTable } from './id-table';

describe('IdTable', () => {
  it('maps keys to their insertion position and reports absent keys as -1', () => {
    const table = new IdTable(3);
    expect(table.add('1.1')).toBe(-1);
    expect(table.add('1.2')).toBe(-1);
    expect(table.add('1.1')).toBe(0);
    expect(table.get('1.2')).toBe(1);
    expect(table.get('9.9')).toBe(-1);
    expect(table.keys).toEqual(['1.1', '1.2']);
    expect(table.size).toBe(2);
  });

  it('compares with a skipped character removed, for file-name forms', () => {
    const table = IdTable.skipping('.', 4);
    expect(table.add('1.11')).toBe(-1);
    expect(table.add('11.1')).toBe(0);
    expect(table.add('1.1')).toBe(-1);
    expect(table.add('111')).toBe(0);
    expect(table.get('2.1')).toBe(-1);
  });

  it('holds many keys with colliding slots', () => {
    const n = 50_000;
    const table = new IdTable(n);
    for (let i = 0; i < n; i++) table.add(`${i % 97}.${i}`);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (table.get(`${i % 97}.${i}`) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(table.get('0.1')).toBe(-1);
  });

  it('refuses more keys than its capacity allows', () => {
    const table = new IdTable(1);
    for (let i = 0; i < 8; i++) table.add(String(i));
    expect(() => {
      for (let i = 8; i < 100; i++) table.add(String(i));
    }).toThrow(RangeError);
  });
});
