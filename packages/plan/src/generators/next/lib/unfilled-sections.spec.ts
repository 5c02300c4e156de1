import { findUnfilledSections } from './unfilled-sections';

describe('findUnfilledSections', () => {
  it("finds batch-subplan's fill-in marker, bracket placeholders and empty sections", () => {
    const text = [
      '# SUBPLAN: Achievement 2.1', // 1
      '', // 2
      'A quoted "✏️ Not in the PLAN — fill in" marks what the PLAN does not say.', // 3: prose, not a marker
      '', // 4
      '## Objective', // 5
      '', // 6
      'Ship it.', // 7
      '', // 8
      '## Risks', // 9
      '', // 10
      '> ✏️ **Not in the PLAN — fill in:** what could go wrong.', // 11
      '', // 12
      '## Files', // 13
      '[TO BE FILLED]', // 14
      '## Notes', // 15
      '', // 16
      '---', // 17
      '## Tests', // 18
      '- unit tests', // 19
    ].join('\n');
    expect(findUnfilledSections(text)).toEqual([
      { heading: 'Risks', line: 9, reason: 'placeholder' },
      { heading: 'Files', line: 13, reason: 'placeholder' },
      { heading: 'Notes', line: 15, reason: 'empty' },
    ]);
  });

  it('counts code blocks and sub-headings as content, and ignores headings inside code', () => {
    const text = ['## Design', '### Parser', 'Tokens first.', '## Example', '```md', '## Not a heading', '```'].join('\n');
    expect(findUnfilledSections(text)).toEqual([]);
  });

  it('reports an empty last section', () => {
    expect(findUnfilledSections('# T\n\n## Approach\n\nDone.\n\n## Risks\n')).toEqual([{ heading: 'Risks', line: 7, reason: 'empty' }]);
  });
});
