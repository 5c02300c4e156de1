/**
 * Quote a whole file inside a markdown document. The fence is one backtick
 * longer than the longest backtick run in the content, so code blocks inside
 * the quoted file can never close it early.
 */
export function fenced(content: string, info = 'markdown'): string {
  let longest = 0;
  let run = 0;
  for (const ch of content) {
    if (ch === '`') {
      run++;
      if (run > longest) longest = run;
    } else {
      run = 0;
    }
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = content.endsWith('\n') ? content : `${content}\n`;
  return `${fence}${info}\n${body}${fence}`;
}
