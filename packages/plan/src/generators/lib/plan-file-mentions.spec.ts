import { fileMentions } from './plan-file-mentions';

describe('fileMentions', () => {
  it('keeps code spans that name files or folders, once, in order', () => {
    const text =
      'Create `LLM/scripts/generation/parallel_workflow.py` and `docs/GUIDE.md`, update `parallel.json` ' +
      'under `examples/`; see `parallel.json` again.';
    expect(fileMentions(text)).toEqual(['LLM/scripts/generation/parallel_workflow.py', 'docs/GUIDE.md', 'parallel.json', 'examples/']);
  });

  it('drops commands, flags, identifiers, versions and urls', () => {
    const text = 'Run `npm test`, pass `--dry-run`, call `process.env`, use `validatePlan`, pin `1.2.3`, open `https://x.io/a.md`.';
    expect(fileMentions(text)).toEqual([]);
  });
});
