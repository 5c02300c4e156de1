import fc from 'fast-check';
import { parsePlanMarkdown } from './parse-plan-markdown';

/** Lines that look like the forms the parser reacts to, mixed with noise. */
const line = fc.oneof(
  fc.string(),
  fc.constantFrom('```', '~~~', '---', '## Achievement Index', '## Notes', '### Priority 1', '', '**Goal**: g', '- **Deliverables**:', '  1. item', '**Effort**: 2-3 hours'),
  fc
    .tuple(fc.nat(12), fc.nat(12), fc.constantFrom('**Achievement %**: T (2-3h)', '- Achievement %: T', '**Achievement %: T** ⏱️ 1-2 hours', '### Achievement %: T', 'depends on %', '- **Dependencies**: %'))
    .map(([p, i, form]) => form.replace('%', `${p}.${i}`)),
);

describe('parsePlanMarkdown (properties)', () => {
  it('never throws, and every achievement has a valid id, a location inside the text and unique id', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const text = lines.join('\n');
        const doc = parsePlanMarkdown(text, 'P.md');
        const ids = doc.achievements.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const a of doc.achievements) {
          expect(a.id).toMatch(/^\d+\.\d+$/);
          expect(a.location.line).toBeGreaterThanOrEqual(1);
          expect(a.location.line).toBeLessThanOrEqual(lineCount);
          expect(a.referencedIds).not.toContain(a.id);
        }
      }),
      { numRuns: 300, seed: 20251114 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        parsePlanMarkdown(text, 'P.md');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
