import { CROWD_LIMIT, findFileOverlaps, type OverlapCandidate } from './find-file-overlaps';

const c = (id: string, level: number, ...paths: string[]): OverlapCandidate => ({ id, level, paths });

describe('findFileOverlaps', () => {
  it('pairs achievements of one level that name the same paths, with every shared path', () => {
    expect(
      findFileOverlaps([
        c('1.1', 0, 'src/app.ts', 'package.json', 'docs/a.md'),
        c('1.2', 0, 'package.json', 'src/app.ts'),
        c('1.3', 0, 'docs/b.md'),
        c('1.4', 0, 'docs/a.md'),
      ]),
    ).toEqual([
      { level: 0, ids: ['1.1', '1.2'], paths: ['package.json', 'src/app.ts'] },
      { level: 0, ids: ['1.1', '1.4'], paths: ['docs/a.md'] },
    ]);
  });

  it('never pairs achievements of different levels (a dependency path orders them) nor those on a cycle', () => {
    expect(findFileOverlaps([c('1.1', 0, 'src/a.ts'), c('2.1', 1, 'src/a.ts'), c('3.1', -1, 'src/a.ts'), c('3.2', -1, 'src/a.ts')])).toEqual([]);
  });

  it('orders by level, then by the order of the candidates', () => {
    const found = findFileOverlaps([c('2.1', 1, 'x.ts'), c('1.1', 0, 'y.ts'), c('2.2', 1, 'x.ts'), c('1.2', 0, 'y.ts')]);
    expect(found.map((o) => o.ids.join('+'))).toEqual(['1.1+1.2', '2.1+2.2']);
  });

  it(`reports a path named by more than ${CROWD_LIMIT} achievements of one level once, for all of them`, () => {
    const many = Array.from({ length: CROWD_LIMIT + 2 }, (_, k) => c(`1.${k + 1}`, 0, 'package.json', 'CHANGELOG.md'));
    const found = findFileOverlaps([...many, c('2.1', 1, 'package.json')]);
    expect(found).toEqual([{ level: 0, ids: many.map((m) => m.id), paths: ['CHANGELOG.md', 'package.json'] }]);
  });

  it('stays linear on a large plan: 50k achievements, each sharing a file with one neighbour', () => {
    const candidates: OverlapCandidate[] = [];
    for (let k = 0; k < 50_000; k++) candidates.push(c(`1.${k + 1}`, 0, `src/file-${k >> 1}.ts`, 'package.json'));
    const found = findFileOverlaps(candidates);
    // 25k pairs sharing their own file, plus the crowd naming package.json.
    expect(found.filter((o) => o.ids.length === 2)).toHaveLength(25_000);
    expect(found.filter((o) => o.ids.length > 2).map((o) => [o.ids.length, o.paths])).toEqual([[50_000, ['package.json']]]);
  });
});
