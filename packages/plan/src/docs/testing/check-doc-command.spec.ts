import { REPO_ROOT } from '../../utils/testing/copy-into-tree';
import { buildCommandCatalog, type CommandCatalog } from './command-catalog';
import { checkDocCommand } from './check-doc-command';
import { extractNxCommands } from './doc-commands';

/** The drift detector must itself catch drift: each broken command below has one deliberate mistake. */
describe('checkDocCommand', () => {
  let catalog: CommandCatalog;
  beforeAll(() => {
    catalog = buildCommandCatalog(REPO_ROOT);
    // A plan of our own so the checks do not depend on the repository's examples.
    catalog.plans.push({ name: 'DEMO', dir: 'plans/DEMO', project: 'plan-demo', achievementIds: new Set(['1.1', '1.2']) });
  });

  const check = (line: string) => {
    const [command] = extractNxCommands('```bash\n' + line + '\n```\n', 'x.md');
    return checkDocCommand(command, catalog);
  };

  it('accepts commands that exist', () => {
    expect(check('npx nx g @nx-plan/plan:discover --plan=DEMO --dryRun').problems).toEqual([]);
    expect(check('npx nx g plan:next DEMO --action=prompt --achievement=1.2').problems).toEqual([]);
    expect(check('npx nx run plan-demo:graph --format=mermaid --output=g.mmd').problems).toEqual([]);
    expect(check('npx nx run plan-demo:execute --parallel=2').problems).toEqual([]);
    expect(check('npx nx run-many -t achievement-1.1,achievement-1.2 -p plan-demo').problems).toEqual([]);
    expect(check('npx nx run plan:validate --strict --format=json').problems).toEqual([]);
    expect(check('npx nx run plan-<name>:status').problems).toEqual([]);
  });

  it('rejects an unknown generator, option, enum value, plan or achievement', () => {
    expect(check('npx nx g @nx-plan/plan:discovery --plan=DEMO').problems).toEqual([expect.stringMatching(/no generator "discovery"/)]);
    expect(check('npx nx g @nx-plan/plan:discover --plan=DEMO --force').problems).toEqual([expect.stringMatching(/--force: no such option/)]);
    expect(check('npx nx g @nx-plan/plan:next --plan=DEMO --action=deploy').problems).toEqual([expect.stringMatching(/"deploy" is not one of/)]);
    expect(check('npx nx g @nx-plan/plan:next --plan=NOPE').problems).toEqual([expect.stringMatching(/no such plan/)]);
    expect(check('npx nx g @nx-plan/plan:next --plan=DEMO --action=prompt --achievement=9.9').problems).toEqual([
      expect.stringMatching(/has no achievement 9\.9/),
    ]);
  });

  it('rejects an unknown project, target or executor option', () => {
    expect(check('npx nx run plan-nope:validate').problems).toEqual([expect.stringMatching(/no project "plan-nope"/)]);
    expect(check('npx nx run plan-demo:lint').problems).toEqual([expect.stringMatching(/no target "lint"/)]);
    expect(check('npx nx run plan-demo:status --format=mermaid').problems).toEqual([expect.stringMatching(/"mermaid" is not one of/)]);
    expect(check('npx nx run plan-demo:validate --fix').problems).toEqual([expect.stringMatching(/--fix: no such option/)]);
    expect(check('npx nx run-many -t achievement-3.1 -p plan-demo').problems).toEqual([expect.stringMatching(/no target "achievement-3.1"/)]);
    expect(check('npx nx frobnicate').problems).toEqual([expect.stringMatching(/unknown nx command/)]);
  });

  it('runs only read-only commands', () => {
    expect(check('npx nx run plan-demo:status').safeToRun).toBe(true);
    expect(check('npx nx g @nx-plan/plan:batch-subplan --plan=DEMO --dryRun').safeToRun).toBe(true);
    expect(check('npx nx g @nx-plan/plan:batch-subplan --plan=DEMO').safeToRun).toBe(false);
    expect(check('npx nx run plan-demo:graph --outputFile=g.mmd').safeToRun).toBe(false);
    expect(check('npx nx run plan-demo:execute --parallel=2').safeToRun).toBe(false);
  });
});

describe('extractNxCommands', () => {
  it('takes npx nx lines of shell blocks only, with their line numbers, joining continuations and && chains', () => {
    const md = [
      '# Title', // 1
      '```bash', // 2
      'npm ci && npx nx run plan:status', // 3
      '$ npx nx g @nx-plan/plan:next \\', // 4
      '    --plan=DEMO   # comment', // 5
      '```', // 6
      '```json', // 7
      'npx nx run plan:validate', // 8
      '```', // 9
      '```sh', // 10
      "npx nx run plan:graph --format='dot'", // 11
      '```', // 12
    ].join('\n');
    expect(extractNxCommands(md, 'doc.md').map((c) => [c.line, c.argv.join(' ')])).toEqual([
      [3, 'npx nx run plan:status'],
      [4, 'npx nx g @nx-plan/plan:next --plan=DEMO'],
      [11, 'npx nx run plan:graph --format=dot'],
    ]);
  });
});
