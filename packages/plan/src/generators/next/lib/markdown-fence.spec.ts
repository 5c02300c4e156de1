import { fenced } from './markdown-fence';

describe('fenced', () => {
  it('uses three backticks for plain text', () => {
    expect(fenced('hello')).toBe('```markdown\nhello\n```');
  });

  it('outgrows the longest backtick run inside the content', () => {
    const inner = 'before\n```ts\nconst a = 1;\n```\nafter\n';
    expect(fenced(inner)).toBe('````markdown\n' + inner + '````');
    expect(fenced('a ````` b', 'text').startsWith('``````text\n')).toBe(true);
  });
});
