import { parsePlanMarkdown } from './parse-plan-markdown';

const FENCE = '```';

function byId(text: string) {
  const doc = parsePlanMarkdown(text, 'plans/X/PLAN_X.md');
  return { doc, get: (id: string) => doc.achievements.find((a) => a.id === id) };
}

describe('parsePlanMarkdown', () => {
  describe('index lines + bold detail sections + tracking headings (PARALLEL-EXECUTION style)', () => {
    const text = [
      '# PLAN: Demo', // 1
      '', // 2
      '## 📋 Achievement Index', // 3
      '', // 4
      '**Priority 1: Foundation** (3-5 hours)', // 5
      '', // 6
      '**Achievement 1.1**: Schema Written (2-3h)', // 7
      '**Achievement 1.2**: Validator Written (1-2h)', // 8
      '', // 9
      '**Progress**: 0/2 achievements complete', // 10
      '', // 11
      '## 🚨 Error Handling', // 12
      '', // 13
      '**Achievement 1.2**: Add error handling to the validator', // 14
      '', // 15
      '- Clear messages', // 16
      '', // 17
      '**Achievement 2.2/2.3**: Add partial success handling', // 18
      '**Achievement 7.7**: A note about another plan', // 19
      '', // 20
      '## 🎯 Desirable Achievements', // 21
      '', // 22
      '**Achievement 1.1: Schema Written** ⏱️ 2-3 hours', // 23
      '', // 24
      '- **Goal**: Define the JSON schema', // 25
      '- **Deliverables**:', // 26
      '  1. `schema.json`', // 27
      '  2. Examples', // 28
      '     - valid', // 29
      '     - invalid', // 30
      '- **Success Criteria**:', // 31
      '  - Validates', // 32
      '- **Schema Enhancements** (from gap analysis):', // 33
      '  - Add statuses', // 34
      '- **Dependencies**: None', // 35
      '- **Blocks**: 1.2', // 36
      '', // 37
      '**Achievement 1.2: Validator Written** ⏱️ 3-4 hours', // 38
      '', // 39
      '- **Goal**: Validate files (builds on the schema from Achievement 1.1)', // 40
      '- **Implementation Approach** (filesystem-first):', // 41
      '  - Read files', // 42
      '  - Report errors', // 43
      '- **Testing Requirements**:', // 44
      '  - Unit tests', // 45
      '  - Edge cases', // 46
      '- **Dependencies**: 1.1', // 47
      '- **Blocks**: None', // 48
      '', // 49
      '---', // 50
      '', // 51
      '## 📊 Subplan Tracking', // 52
      '', // 53
      '### Achievement 1.1: Schema Written (tracking)', // 54
      '', // 55
      '**Status**: Not Started', // 56
      '', // 57
      '**Deliverables**:', // 58
      '', // 59
      '- [ ] tracking item', // 60
    ].join('\n');
    const { doc, get } = byId(text);

    it('finds exactly the achievements of the plan, in document order', () => {
      expect(doc.title).toBe('PLAN: Demo');
      expect(doc.achievements.map((a) => a.id)).toEqual(['1.1', '1.2']);
    });

    it('takes the title from the first index line and locates the achievement there', () => {
      expect(get('1.1')?.title).toBe('Schema Written');
      expect(get('1.2')?.title).toBe('Validator Written');
      expect(get('1.1')?.location).toEqual({ file: 'plans/X/PLAN_X.md', line: 7, column: 1 });
      expect(get('1.2')?.location.line).toBe(8);
    });

    it('reads the fields of the detail section, not of the tracking section', () => {
      const a = get('1.1')!;
      expect(a.goal).toBe('Define the JSON schema');
      expect(a.deliverables).toEqual(['`schema.json`', 'Examples\n- valid\n- invalid']);
      expect(a.successCriteria).toEqual(['Validates']);
      expect(a.estimate).toEqual({ min: 2, max: 3 });
      expect(a.declaredDependencies).toEqual([]);
      expect(a.body.split('\n')[0]).toBe('**Achievement 1.1: Schema Written** ⏱️ 2-3 hours');
      expect(a.body).toContain('- **Blocks**: 1.2');
      expect(a.body).not.toContain('tracking item');
    });

    it('prefers the detail estimate over the index estimate', () => {
      expect(get('1.2')?.estimate).toEqual({ min: 3, max: 4 });
    });

    it('collects approach, tests and prerequisites; Blocks lines are not prerequisites', () => {
      const a = get('1.2')!;
      expect(a.approach).toBe('- Read files\n- Report errors');
      expect(a.tests).toEqual(['Unit tests', 'Edge cases']);
      expect(a.declaredDependencies).toEqual(['1.1']);
      expect(a.referencedIds).toEqual(['1.1']);
      expect(get('1.1')?.referencedIds).toEqual([]);
    });
  });

  describe('list index + bold-id detail sections with code (LLM-DASHBOARD style)', () => {
    const text = [
      '# PLAN: Dashboard', // 1
      '## 📋 Achievement Index', // 2
      '- Achievement 0.1: Framework Setup', // 3
      '- Achievement 0.2: State Detection (NEW - Gap Fix #1)', // 4
      '## 🔗 Library Integration', // 5
      '**From**: `core/libraries` (Achievement 3.1)', // 6
      '## 📋 Achievements', // 7
      '### Priority 0: FOUNDATION', // 8
      '**Achievement 0.1**: Framework Setup', // 9
      '', // 10
      '**Purpose**: Set up the framework', // 11
      '', // 12
      '**What**:', // 13
      '', // 14
      '1. **Install**:', // 15
      '', // 16
      `   ${FENCE}python`, // 17
      '   # Achievement 9.9: not a heading', // 18
      '   **Achievement 9.8**: not an achievement', // 19
      '   - Achievement 9.7: not an index line', // 20
      `   ${FENCE}`, // 21
      '', // 22
      '   **Integrated Docs** (from Achievement 0.2):', // 23
      '   - docs', // 24
      '', // 25
      '**Deliverables**:', // 26
      '', // 27
      '- `main.py`', // 28
      '- Tests', // 29
      '', // 30
      '**Effort**: 3-4 hours (was 2-3 hours)', // 31
      '', // 32
      '---', // 33
      '', // 34
      '**Achievement 0.2**: State Detection', // 35
      '', // 36
      '**Purpose**: Detect state; requires Achievement 0.1 and depends on 0.3', // 37
      '', // 38
      '**Effort**: 2 hours', // 39
      '', // 40
      '## 🚀 Roadmap', // 41
      '- Achievement 0.1: Rich Setup (9-10h)', // 42
      '- Achievement 4.4: Only in the roadmap (1-2h)', // 43
    ].join('\n');
    const { doc, get } = byId(text);

    it('ignores code fences, prose mentions and index-like lines outside achievement sections', () => {
      expect(doc.achievements.map((a) => a.id)).toEqual(['0.1', '0.2']);
    });

    it('keeps titles from the index and fields/estimates from the detail sections', () => {
      const a = get('0.1')!;
      expect(a.title).toBe('Framework Setup');
      expect(a.goal).toBe('Set up the framework');
      expect(a.deliverables).toEqual(['`main.py`', 'Tests']);
      expect(a.estimate).toEqual({ min: 3, max: 4 });
      expect(a.approach).toContain('# Achievement 9.9: not a heading');
      expect(a.approach).toContain('**Integrated Docs** (from Achievement 0.2):');
      expect(a.location.line).toBe(3);
      expect(get('0.2')?.title).toBe('State Detection (NEW - Gap Fix #1)');
      expect(get('0.2')?.estimate).toEqual({ min: 2, max: 2 });
    });

    it('records prose prerequisites as referencedIds, without a Dependencies line', () => {
      expect(get('0.1')?.referencedIds).toEqual(['0.2']);
      expect(get('0.1')?.declaredDependencies).toBeUndefined();
      expect(get('0.2')?.referencedIds).toEqual(['0.1', '0.3']);
    });
  });

  it('reads heading sections as generated plans write them', () => {
    const text = [
      '# PLAN: DEMO',
      '## 📋 Achievement Index',
      '**Achievement 1.001**: Config Parser (6-8h)',
      '**Achievement 1.002**: Cache (5-7h)',
      '## 🎯 Desirable Achievements',
      '### Achievement 1.001: Config Parser',
      '**Goal**: Deliver it.',
      '**Deliverables**:',
      '- `src/a.py`',
      '**Effort**: 6-8 hours',
      '**Dependencies**: None',
      '### Achievement 1.002: Cache',
      '#### Notes',
      'Needs work after 1.001 is done.',
      '**Dependencies**: 1.001',
    ].join('\r\n');
    const { doc, get } = byId(text);
    expect(doc.achievements.map((a) => [a.id, a.title])).toEqual([
      ['1.001', 'Config Parser'],
      ['1.002', 'Cache'],
    ]);
    expect(get('1.001')?.declaredDependencies).toEqual([]);
    expect(get('1.001')?.deliverables).toEqual(['`src/a.py`']);
    expect(get('1.002')?.declaredDependencies).toEqual(['1.001']);
    expect(get('1.002')?.estimate).toEqual({ min: 5, max: 7 });
    expect(get('1.002')?.body).toContain('#### Notes');
  });

  it('falls back to index lines anywhere when no section names achievements', () => {
    const { doc } = byId(['# Work', '## Tasks', '- Achievement 1.1: First (2h)', '  - Achievement 1.2: Second', '- [x] Achievement 1.3: Third', '**Goal**: g', '- Achievement 1.4: content of 1.3'].join('\n'));
    expect(doc.achievements.map((a) => [a.id, a.title, a.estimate])).toEqual([
      ['1.1', 'First', { min: 2, max: 2 }],
      ['1.2', 'Second', undefined],
      ['1.3', 'Third', undefined],
    ]);
    expect(doc.achievements[2].goal).toBe('g');
    expect(doc.achievements[1].location.column).toBe(3);
    expect(doc.achievements[0].body).toBe('');
  });

  it('does not treat hours, ranges of other plans or later ids as anything but references', () => {
    const { get } = byId(
      [
        '## Achievements',
        '**Achievement 2.1**: Wire it',
        '**Goal**: Start after 2.5 hours of setup; reuse libraries from Achievements 1.1-1.3',
      ].join('\n'),
    );
    expect(get('2.1')?.referencedIds).toEqual(['1.1', '1.2', '1.3']);
  });

  it('never throws and finds nothing in empty or odd input', () => {
    for (const text of ['', '\uFEFF', '```\n**Achievement 1.1**: inside an unclosed fence', '#', '---\n***', 'Achievement 1.1: no list marker']) {
      expect(parsePlanMarkdown(text, 'P.md').achievements).toEqual([]);
    }
    expect(parsePlanMarkdown(undefined as unknown as string, 'P.md').achievements).toEqual([]);
  });

  it('takes an estimate only from the end of a title, and keeps other parentheses in the title', () => {
    const { get } = byId(
      [
        '## Achievement Index',
        '**Achievement 1.1**: Parse (JSON) files (2-3h)  ',
        '**Achievement 1.2**: Support v2 (later)',
        '**Achievement 1.3**: Cache ( ~4 Hours )',
        '**Achievement 1.4**: Estimate (2h) first',
        '**Achievement 1.5**: __Timed__ ⏱️ 5 hours',
        '**Achievement 1.6**: Last',
      ].join('\r\n'),
    );
    expect([get('1.1')?.title, get('1.1')?.estimate]).toEqual(['Parse (JSON) files', { min: 2, max: 3 }]);
    expect([get('1.2')?.title, get('1.2')?.estimate]).toEqual(['Support v2 (later)', undefined]);
    expect([get('1.3')?.title, get('1.3')?.estimate]).toEqual(['Cache', { min: 4, max: 4 }]);
    expect([get('1.4')?.title, get('1.4')?.estimate]).toEqual(['Estimate (2h) first', undefined]);
    expect([get('1.5')?.title, get('1.5')?.estimate]).toEqual(['Timed', { min: 5, max: 5 }]);
    // CRLF line ends: the title stops at the line end, and the line number counts CRLF as one line break.
    expect([get('1.6')?.title, get('1.6')?.location.line]).toEqual(['Last', 7]);
  });

  it('handles a 100,000-achievement index in one pass without recursion', () => {
    const lines = ['## Achievement Index'];
    for (let i = 1; i <= 100_000; i++) lines.push(`- Achievement 1.${i}: Step ${i}`);
    const doc = parsePlanMarkdown(lines.join('\n'), 'P.md');
    expect(doc.achievements.length).toBe(100_000);
    expect(doc.achievements[99_999]).toMatchObject({ id: '1.100000', title: 'Step 100000', location: { line: 100_001 } });
  });

  it('survives deeply nested lists', () => {
    const lines = ['## Achievements', '**Achievement 1.1**: Deep', '**Deliverables**:'];
    for (let i = 0; i < 2_000; i++) lines.push(`${' '.repeat(i * 2)}- level ${i}`);
    const doc = parsePlanMarkdown(lines.join('\n'), 'P.md');
    expect(doc.achievements[0].deliverables.length).toBe(1);
  });
});
