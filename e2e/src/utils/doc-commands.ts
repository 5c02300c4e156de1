/**
 * The `npx nx …` commands a markdown document shows in its fenced code blocks,
 * as argument strings (what follows `npx nx `), in document order, without
 * duplicates. Commands with placeholders (`<name>`), quotes or shell plumbing
 * after the command are cut at the plumbing; placeholder/quoted ones are left out.
 */
export function nxCommandsInMarkdown(markdown: string): string[] {
  const commands: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) continue;
    for (const part of line.split(/&&|\|\||;|\|/)) {
      const match = /(?:^|\s)npx nx\s+(.+)$/.exec(part.replace(/\s#.*$/, '').trim());
      if (!match) continue;
      const args = match[1].trim();
      if (/[<>"'`$]/.test(args)) continue;
      if (!commands.includes(args)) commands.push(args);
    }
  }
  return commands;
}

const READ_ONLY_TARGETS = new Set(['validate', 'status', 'graph']);

/**
 * Commands that must leave the plan folders untouched: `show …`,
 * `run <project>:validate|status|graph`, any generator with `--dryRun`, and
 * `next` without `--action` (it writes nothing without a terminal).
 */
export function isReadOnlyNxCommand(args: string): boolean {
  const argv = args.split(/\s+/);
  const [verb, subject = ''] = argv;
  if (verb === 'show') return true;
  if (verb === 'run') return READ_ONLY_TARGETS.has(subject.split(':')[1] ?? '');
  if (verb === 'g' || verb === 'generate') {
    if (argv.some((a) => a === '--dryRun' || a === '--dry-run' || a === '-d')) return true;
    return subject.endsWith(':next') && !argv.some((a) => a.startsWith('--action'));
  }
  return false;
}
