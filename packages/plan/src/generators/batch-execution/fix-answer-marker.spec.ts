import { answersFix, fixAnswerMarker } from './fix-answer-marker';

describe('fix answer marker', () => {
  it('recognises an attempt made for exactly this FIX text (line endings and outer space ignored)', () => {
    const attempt = `# EXECUTION_TASK\n${fixAnswerMarker('Fix the parser.\n')}\n`;
    expect(answersFix(attempt, 'Fix the parser.')).toBe(true);
    expect(answersFix(attempt, 'Fix the parser.\r\n\r\n')).toBe(true);
    expect(answersFix(attempt, 'Fix the parser and the docs.')).toBe(false);
    expect(answersFix('# hand-written attempt', 'Fix the parser.')).toBe(false);
    expect(answersFix(undefined, 'Fix the parser.')).toBe(false);
  });
});
