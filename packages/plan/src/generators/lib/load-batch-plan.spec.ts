import { nmCollisions } from './load-batch-plan';

describe('nmCollisions', () => {
  it('groups ids whose dot-less file-name form is the same', () => {
    expect(nmCollisions(['1.11', '11.1', '1.1', '2.10', '21.0', '3.3'])).toEqual([
      ['1.11', '11.1'],
      ['2.10', '21.0'],
    ]);
    expect(nmCollisions(['1.1', '1.2', '1.10'])).toEqual([]);
  });
});
