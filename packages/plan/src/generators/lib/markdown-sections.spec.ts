import { demoteHeadings, findSection, listItems, plainHeading, splitSections } from './markdown-sections';

const DOC = `# Title

intro

## 🎯 Objective

Do it.

### Detail

more

\`\`\`md
## not a heading
\`\`\`

## 📦 Deliverables

1. One
2. [x] Two
- Three
  continued
`;

describe('markdown sections', () => {
  it('splits at level-2 headings, keeping deeper headings and fenced code inside', () => {
    const sections = splitSections(DOC, 2);
    expect(sections.map((s) => [s.level, s.title])).toEqual([
      [1, 'Title'],
      [2, 'Objective'],
      [2, 'Deliverables'],
    ]);
    expect(sections[1].body).toBe('Do it.\n\n### Detail\n\nmore\n\n```md\n## not a heading\n```');
    expect(findSection(sections, /^deliverables/i)?.title).toBe('Deliverables');
  });

  it('demotes headings outside code fences only', () => {
    expect(demoteHeadings('## A\n```\n## B\n```\n###### C', 1)).toBe('### A\n```\n## B\n```\n###### C');
  });

  it('lists top-level items without numbering or checkboxes', () => {
    expect(listItems(splitSections(DOC)[2].body)).toEqual(['One', 'Two', 'Three']);
  });

  it('strips emoji from headings', () => {
    expect(plainHeading('✅ Success Criteria')).toBe('Success Criteria');
  });

  it('handles a long document without recursion', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `## S${i}\n\n- item ${i}`).join('\n');
    expect(splitSections(big)).toHaveLength(50_000);
  });
});
