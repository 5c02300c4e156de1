import { logger, readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { validateParallelJson, type ParallelJson } from '@nx-plan/schema';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, copyIntoTree } from '../../utils/testing/copy-into-tree';
import { discoverGenerator, runDiscover } from './discover';

const DEMO_PLAN = `# PLAN: Demo

## Achievements

### Priority 1: Core

**Achievement 1.1**: Markdown Parser (2-3h)

**Goal**: Read plan files into a model.

**Deliverables**:

- \`src/parser.ts\`
- Parser unit tests

**Approach**: Scan line by line, keep a small state machine.

**Achievement 1.2**: Table Renderer (1h)

**Goal**: Print the model as a table.

**Deliverables**:

- \`src/table.ts\`

### Priority 2: Integration

**Achievement 2.1**: Command Line (2h)

**Goal**: Wire parser and renderer into one command.

**Deliverables**:

- \`src/cli.ts\`
`;

function writeDemo(tree: Tree, dir = 'plans/DEMO'): void {
  tree.write(`${dir}/PLAN_DEMO.md`, DEMO_PLAN);
}

function read(tree: Tree, file: string): string {
  const text = tree.read(file, 'utf-8');
  if (text === null) throw new Error(`${file} was not written`);
  return text;
}

/** Every problem default (tolerant) validation reports, warnings included. */
function problems(text: string, file: string) {
  return validateParallelJson(text, { file }).diagnostics;
}

const TOLERANT_REFERENCE = '../../node_modules/@nx-plan/schema/src/schemas/parallel.tolerant.schema.json';

describe('discover generator', () => {
  let tree: Tree;
  let info: jest.SpyInstance;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  const printed = () => info.mock.calls.map((c) => String(c[0])).join('\n');

  describe('on a plan without parallel.json', () => {
    beforeEach(() => writeDemo(tree));

    it('writes the prompt with every achievement, the three levels and the checklist', async () => {
      await discoverGenerator(tree, { plan: 'DEMO' });
      const prompt = read(tree, 'plans/DEMO/PARALLEL_DISCOVERY_PROMPT.md');
      expect(prompt).toContain('### 1.1: Markdown Parser');
      expect(prompt).toContain('### 1.2: Table Renderer');
      expect(prompt).toContain('### 2.1: Command Line');
      // Goal, deliverables and approach come from the PLAN text.
      expect(prompt).toContain('Read plan files into a model.');
      expect(prompt).toContain('- `src/parser.ts`');
      expect(prompt).toContain('Scan line by line, keep a small state machine.');
      for (const level of ['`level_1`', '`level_2`', '`level_3`']) expect(prompt).toContain(level);
      for (const heading of ['**Technical**', '**Testing**', '**Mergeability**']) expect(prompt).toContain(heading);
      expect(prompt).toContain(`"$schema": "${TOLERANT_REFERENCE}"`);
      expect(prompt).toContain('- Draft dependencies (inferred, the PLAN states none): 1.1, 1.2');
      expect(prompt).toContain('npx nx run plan-demo:validate');
      // Markdown is written raw, never HTML-escaped by EJS.
      expect(prompt).not.toContain('&lt;');
      expect(prompt).not.toContain('&#');
    });

    it('writes a draft parallel.json that validates without a warning, with the $schema path init writes and the ranges kept', async () => {
      await discoverGenerator(tree, { plan: 'plans/DEMO' });
      const text = read(tree, 'plans/DEMO/parallel.json');
      expect(problems(text, 'parallel.json')).toEqual([]);
      const draft = JSON.parse(text) as ParallelJson;
      expect(draft.$schema).toBe(TOLERANT_REFERENCE);
      expect(draft.achievements.map((a) => a.estimated_hours)).toEqual(['2-3', 1, 2]);
      expect(draft.plan_name).toBe('DEMO');
      expect(draft.notes).toMatch(/draft/i);
      const deps = Object.fromEntries(draft.achievements.map((a) => [a.achievement_id, a.dependencies]));
      expect(Object.keys(deps)).toEqual(['1.1', '1.2', '2.1']);
      // Same priority, nothing in the text links them: independent.
      expect(deps['1.1']).toEqual([]);
      expect(deps['1.2']).toEqual([]);
      // Priorities in order: 2.1 waits for priority 1 and nothing else.
      expect(deps['2.1'].length).toBeGreaterThan(0);
      for (const dep of deps['2.1']) expect(['1.1', '1.2']).toContain(dep);
    });

    it('prints what it created and the validate command', async () => {
      await discoverGenerator(tree, { plan: 'demo' });
      expect(printed()).toContain('created  plans/DEMO/parallel.json');
      expect(printed()).toContain('created  plans/DEMO/PARALLEL_DISCOVERY_PROMPT.md');
      expect(printed()).toContain('npx nx run plan-demo:validate');
    });

    it('uses the project prefix configured for the plugin in nx.json', async () => {
      const nxJson = readJson(tree, 'nx.json');
      tree.write(
        'nx.json',
        JSON.stringify({ ...nxJson, plugins: [{ plugin: '@nx-plan/plan', options: { projectNamePrefix: 'p-', validateTargetName: 'check' } }] }),
      );
      await discoverGenerator(tree, { plan: 'DEMO' });
      expect(read(tree, 'plans/DEMO/PARALLEL_DISCOVERY_PROMPT.md')).toContain('npx nx run p-demo:check');
    });
  });

  describe('dependencies the PLAN states', () => {
    it('keeps a **Dependencies** line exactly, says so in the prompt and the notes, and infers only the others', async () => {
      tree.write('plans/DEMO/PLAN_DEMO.md', DEMO_PLAN.replace('- `src/cli.ts`', '- `src/cli.ts`\n\n**Dependencies**: 1.1'));
      await discoverGenerator(tree, { plan: 'DEMO' });
      const draft = readJson<ParallelJson>(tree, 'plans/DEMO/parallel.json');
      expect(draft.achievements.map((a) => [a.achievement_id, a.dependencies])).toEqual([
        ['1.1', []],
        ['1.2', []],
        ['2.1', ['1.1']],
      ]);
      expect(draft.notes).toContain('Stated in the PLAN (kept as written): 2.1 ← 1.1.');
      expect(draft.notes).toContain('Inferred, the PLAN states none (previous priority, plus earlier achievements the text names): 1.1 ← none; 1.2 ← none.');
      const prompt = read(tree, 'plans/DEMO/PARALLEL_DISCOVERY_PROMPT.md');
      expect(prompt).toContain('- Draft dependencies (stated in the PLAN): 1.1\n- The PLAN says: `**Dependencies**: 1.1`');
    });

    it('points $schema at the strict schema when the plugin runs with strict: true, as init does', async () => {
      writeDemo(tree);
      const nxJson = readJson(tree, 'nx.json');
      tree.write('nx.json', JSON.stringify({ ...nxJson, plugins: [{ plugin: '@nx-plan/plan', options: { strict: true } }] }));
      await discoverGenerator(tree, { plan: 'DEMO' });
      expect(readJson<ParallelJson>(tree, 'plans/DEMO/parallel.json').$schema).toBe('../../node_modules/@nx-plan/schema/src/schemas/parallel.schema.json');
    });
  });

  describe('never overwrites', () => {
    const original = '{ "plan_name": "DEMO", "parallelization_level": "level_2", "achievements": [] }\n';

    beforeEach(() => writeDemo(tree));

    it('leaves an existing parallel.json untouched and writes parallel.draft.json beside it', async () => {
      tree.write('plans/DEMO/parallel.json', original);
      const result = await runDiscover(tree, { plan: 'DEMO' });
      expect(read(tree, 'plans/DEMO/parallel.json')).toBe(original);
      expect(result.draftFile).toBe('plans/DEMO/parallel.draft.json');
      expect(problems(read(tree, 'plans/DEMO/parallel.draft.json'), 'parallel.draft.json')).toEqual([]);
      expect(read(tree, 'plans/DEMO/PARALLEL_DISCOVERY_PROMPT.md')).toContain('parallel.draft.json');
      expect(printed()).toContain('created  plans/DEMO/parallel.draft.json');
    });

    it('treats the other known tree names as an existing parallel.json', async () => {
      tree.write('plans/DEMO/PARALLEL-EXECUTION-ANALYSIS.json', original);
      await discoverGenerator(tree, { plan: 'DEMO' });
      expect(tree.exists('plans/DEMO/parallel.json')).toBe(false);
      expect(tree.exists('plans/DEMO/parallel.draft.json')).toBe(true);
      expect(read(tree, 'plans/DEMO/PARALLEL-EXECUTION-ANALYSIS.json')).toBe(original);
    });

    it('skips and lists a draft and a prompt that already exist', async () => {
      tree.write('plans/DEMO/parallel.json', original);
      tree.write('plans/DEMO/parallel.draft.json', '{"mine": true}\n');
      tree.write('plans/DEMO/PARALLEL_DISCOVERY_PROMPT.md', 'my notes\n');
      const result = await runDiscover(tree, { plan: 'DEMO' });
      expect(result.created).toEqual([]);
      expect(result.skipped.map((s) => s.file)).toEqual(['plans/DEMO/parallel.draft.json', 'plans/DEMO/PARALLEL_DISCOVERY_PROMPT.md']);
      expect(read(tree, 'plans/DEMO/parallel.draft.json')).toBe('{"mine": true}\n');
      expect(read(tree, 'plans/DEMO/PARALLEL_DISCOVERY_PROMPT.md')).toBe('my notes\n');
      expect(printed()).toContain('skipped  plans/DEMO/parallel.draft.json');
    });
  });

  describe('bad input', () => {
    it('refuses an unknown plan and writes nothing', async () => {
      writeDemo(tree);
      const before = tree.listChanges().length;
      await expect(discoverGenerator(tree, { plan: 'NOPE' })).rejects.toThrow(/no plan named "NOPE"/);
      expect(tree.listChanges().length).toBe(before);
    });

    it('refuses a path outside the workspace', async () => {
      await expect(discoverGenerator(tree, { plan: '../elsewhere' })).rejects.toThrow(/outside the workspace/);
    });

    it('refuses a PLAN without achievements with a located diagnostic', async () => {
      tree.write('plans/EMPTY/PLAN_EMPTY.md', '# PLAN: Empty\n\nNothing here yet.\n');
      const before = tree.listChanges().length;
      await expect(discoverGenerator(tree, { plan: 'EMPTY' })).rejects.toThrow(/PLAN022/);
      expect(tree.listChanges().length).toBe(before);
    });
  });
});

const corpusPlan = path.join(CORPUS_DIR, 'LLM-DASHBOARD-CLI');
const describeCorpus = existsSync(corpusPlan) ? describe : describe.skip;
const corpusName = existsSync(corpusPlan)
  ? 'discover on the corpus plan LLM-DASHBOARD-CLI'
  : 'discover on the corpus plan LLM-DASHBOARD-CLI (skipped: ../shared/corpus not found)';

describeCorpus(corpusName, () => {
  // Checked by hand in PLAN_LLM-DASHBOARD-CLI.md: the achievement index lists these 13 ids,
  // grouped by the "### Priority N" headings of the Achievements section.
  const PRIORITIES: Record<number, string[]> = {
    0: ['0.1', '0.2', '0.3', '0.4'],
    1: ['1.1', '1.2', '1.3'],
    2: ['2.1', '2.2', '2.3'],
    3: ['3.1', '3.2', '3.3'],
  };
  const TITLES: Record<string, string> = {
    '0.1': 'Rich Dashboard Framework Setup',
    '0.2': 'Plan Discovery & State Detection',
    '0.3': 'Main Dashboard Implementation',
    '1.1': 'Plan-Specific Dashboard',
    '1.2': 'Achievement State Visualization',
    '1.3': 'Quick Action Shortcuts',
    '2.1': 'Parallel Execution Detection & UI',
    '2.2': 'Interactive Workflow Execution',
    '2.3': 'Real-Time State Updates',
    '3.1': 'Color Themes & Customization',
    '3.2': 'Keyboard Shortcuts & Navigation',
    '3.3': 'Help System & Documentation',
  };
  const priorityOf = (id: string) => Number(id.split('.')[0]);

  let tree: Tree;
  let draft: ParallelJson;
  let draftText: string;
  let prompt: string;

  beforeAll(async () => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
    copyIntoTree(tree, corpusPlan, 'plans/LLM-DASHBOARD-CLI');
    await discoverGenerator(tree, { plan: 'LLM-DASHBOARD-CLI', skipFormat: true });
    draftText = read(tree, 'plans/LLM-DASHBOARD-CLI/parallel.json');
    draft = JSON.parse(draftText) as ParallelJson;
    prompt = read(tree, 'plans/LLM-DASHBOARD-CLI/PARALLEL_DISCOVERY_PROMPT.md');
  });
  afterAll(() => jest.restoreAllMocks());

  it('the prompt names every achievement with its title', () => {
    for (const [id, title] of Object.entries(TITLES)) expect(prompt).toContain(`### ${id}: ${title}`);
    expect(prompt).toContain('### 0.4: Library Integration & Production Patterns');
    // 0.1's deliverables come from the PLAN text.
    expect(prompt).toContain('`LLM/main.py` entry point');
  });

  it('the draft lists the 13 achievements and validates without a warning', () => {
    expect(problems(draftText, 'parallel.json')).toEqual([]);
    expect(draft.plan_name).toBe('LLM-DASHBOARD-CLI');
    expect(draft.achievements.map((a) => a.achievement_id)).toEqual(Object.values(PRIORITIES).flat());
  });

  it('priority 0 has no prerequisites and achievements of one priority stay independent', () => {
    // No achievement of this PLAN declares a prerequisite of this plan: the "**Dependencies**:"
    // list under 2.1 describes the detector's algorithm, and the ids it shows (1.1, 2.5, 3.1…) are examples.
    for (const a of draft.achievements) {
      const p = priorityOf(a.achievement_id);
      if (p === 0) expect(a.dependencies).toEqual([]);
      for (const dep of a.dependencies) expect(priorityOf(dep)).toBeLessThan(p);
    }
  });

  it('later priorities wait for the previous one, never for mentions of other plans\' achievements', () => {
    const byId = new Map(draft.achievements.map((a) => [a.achievement_id, a.dependencies]));
    for (const p of [1, 2, 3]) {
      for (const id of PRIORITIES[p]) {
        const deps = byId.get(id) ?? [];
        expect(deps.some((d) => priorityOf(d) === p - 1)).toBe(true);
      }
    }
    // With no prerequisite named in the text, each priority waits for the whole previous one.
    expect(byId.get('1.1')).toEqual(PRIORITIES[0]);
    expect(byId.get('2.2')).toEqual(PRIORITIES[1]);
    expect(byId.get('3.3')).toEqual(PRIORITIES[2]);
    // 0.4 "integrates libraries from Achievements 3.1-3.3" of another plan; 2.3 cites the
    // "Achievement 3.2 pattern"; 2.1's examples name 2.5, which this plan does not have.
    expect(byId.get('0.4')).toEqual([]);
    expect(byId.get('2.3')).not.toContain('3.2');
    expect(byId.get('2.1')).not.toContain('2.5');
  });
});

const peaPlan = path.join(CORPUS_DIR, 'PARALLEL-EXECUTION-AUTOMATION');
const describePea = existsSync(peaPlan) ? describe : describe.skip;

describePea(
  existsSync(peaPlan)
    ? 'discover on the corpus plan PARALLEL-EXECUTION-AUTOMATION'
    : 'discover on the corpus plan PARALLEL-EXECUTION-AUTOMATION (skipped: ../shared/corpus not found)',
  () => {
    it('leaves its parallel.json byte for byte and writes beside it a draft with the dependencies its PLAN states', async () => {
      jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      const tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
      copyIntoTree(tree, peaPlan, 'plans/PARALLEL-EXECUTION-AUTOMATION');
      const before = read(tree, 'plans/PARALLEL-EXECUTION-AUTOMATION/parallel.json');
      const result = await runDiscover(tree, { plan: 'PARALLEL-EXECUTION-AUTOMATION', skipFormat: true });
      jest.restoreAllMocks();
      expect(read(tree, 'plans/PARALLEL-EXECUTION-AUTOMATION/parallel.json')).toBe(before);
      expect(result.draftFile).toBe('plans/PARALLEL-EXECUTION-AUTOMATION/parallel.draft.json');
      const draftText = read(tree, 'plans/PARALLEL-EXECUTION-AUTOMATION/parallel.draft.json');
      expect(problems(draftText, 'parallel.draft.json')).toEqual([]);
      // Read by hand in the PLAN: each achievement's "- **Dependencies**:" line (1.1 None, then a chain),
      // which for 3.2 and 3.3 differs from the plan's own parallel.json (both on 2.3 there).
      expect((JSON.parse(draftText) as ParallelJson).achievements.map((a) => [a.achievement_id, a.dependencies])).toEqual([
        ['1.1', []], ['1.2', ['1.1']], ['1.3', ['1.2']], ['2.1', ['1.3']], ['2.2', ['2.1']], ['2.3', ['2.2']], ['3.1', ['2.3']], ['3.2', ['3.1']], ['3.3', ['3.2']],
      ]);
      const prompt = read(tree, 'plans/PARALLEL-EXECUTION-AUTOMATION/PARALLEL_DISCOVERY_PROMPT.md');
      expect(prompt).toContain('### 1.1: Parallel Discovery Prompt Created');
      expect(prompt).toContain('The plan already has `parallel.json` (left untouched)');
    });
  },
);
