import { rawStringOption } from './raw-option';

describe('rawStringOption', () => {
  it('recovers "1.10" that yargs turned into the number 1.1', () => {
    expect(rawStringOption('achievement', 1.1, ['node', 'nx', 'g', 'x:next', '--achievement=1.10'])).toBe('1.10');
    expect(rawStringOption('achievement', 1.1, ['node', 'nx', 'g', 'x:next', '--achievement', '1.10'])).toBe('1.10');
  });

  it('knows the kebab-case spelling of a camelCase option', () => {
    expect(rawStringOption('achievementId', 2.3, ['--achievement-id=2.30'])).toBe('2.30');
  });

  it('keeps strings and falls back to String() for programmatic calls', () => {
    expect(rawStringOption('achievement', '1.10', [])).toBe('1.10');
    expect(rawStringOption('achievement', 1.2, [])).toBe('1.2');
    expect(rawStringOption('achievement', undefined, [])).toBeUndefined();
  });

  it('ignores a command-line value that is not the number received', () => {
    expect(rawStringOption('achievement', 1.2, ['--achievement=1.10'])).toBe('1.2');
  });
});
