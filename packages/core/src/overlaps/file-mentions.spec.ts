import { fileMentions, namedFilePaths, normaliseNamedPath } from './file-mentions';

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

describe('normaliseNamedPath', () => {
  it('drops ./, a trailing slash, line numbers and anchors', () => {
    expect(normaliseNamedPath('./src/app.ts:42:7')).toBe('src/app.ts');
    expect(normaliseNamedPath('docs/guide.md#install')).toBe('docs/guide.md');
    expect(normaliseNamedPath('packages/core/')).toBe('packages/core');
    expect(normaliseNamedPath('./')).toBeUndefined();
  });
});

describe('namedFilePaths', () => {
  it('finds paths in code spans and bare in prose, normalised, once each', () => {
    const text = [
      'Edit `src/app.ts` and src/app.ts:12 again; document it in README.md.',
      'Add tests under packages/core/src/ and `tools/bench`, see [the guide](docs/guide.md#setup).',
      'Update ./package.json, then config/settings.yaml, (scripts/build.sh).',
    ].join('\n');
    expect(namedFilePaths(text)).toEqual(['src/app.ts', 'README.md', 'docs/guide.md', 'package.json', 'config/settings.yaml', 'scripts/build.sh']);
  });

  it('keeps files, not folders: extensions, dotfiles and Makefile-like names', () => {
    const text = 'Touch `Makefile`, `.github/workflows/ci.yml`, `docker/Dockerfile`, `.env` and `src/lib/`, src/lib/parser, `tools/bench`, packages/core/.';
    expect(namedFilePaths(text)).toEqual(['Makefile', '.github/workflows/ci.yml', 'docker/Dockerfile', '.env']);
  });

  it('leaves out prose that only looks like a path', () => {
    const text =
      'Use Node.js and Next.js, e.g. for I/O and CI/CD, read/write access, TCP/IP/UDP, version 1.2.3 or v2.0, ' +
      'achievement 2.1, estimates of 4-6h, 1/2/3, etc. See https://github.com/org/repo/blob/main/a.md and ' +
      'github.com/org/repo, mail dev@example.com, install `@nx/devkit` and @scope/pkg.';
    expect(namedFilePaths(text)).toEqual([]);
  });

  it("leaves out the plan folder's own files, which every plan names", () => {
    const text =
      'See `../PLAN_WEB-APP.md`, subplans/SUBPLAN_WEB-APP_21.md, EXECUTION_TASK_WEB-APP_21_01.md, execution/feedbacks/APPROVED_21.md, ' +
      'FIX_21_02.md, parallel.json, `execution/`, execution/feedbacks/ and `execution/.runs/RUN_21.json`, <NM>_01.md; the code goes to src/web/app.tsx.';
    expect(namedFilePaths(text)).toEqual(['src/web/app.tsx']);
  });

  it('drops a bare file name when the same text names its full path', () => {
    expect(namedFilePaths('Create LLM/dashboard/utils.py; utils.py holds the helpers; README.md and docs/README.md')).toEqual([
      'LLM/dashboard/utils.py',
      'docs/README.md',
    ]);
    expect(namedFilePaths('utils.py only')).toEqual(['utils.py']);
  });

  it('is empty for text without paths', () => {
    expect(namedFilePaths('')).toEqual([]);
    expect(namedFilePaths('Design the dashboard layout and review it with the team.')).toEqual([]);
  });
});
