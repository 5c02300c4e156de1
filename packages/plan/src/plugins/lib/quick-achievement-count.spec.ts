import { createTempWorkspace, type TempWorkspace } from '../../testing/temp-workspace';
import { quickAchievementCount } from './quick-achievement-count';

describe('quickAchievementCount', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = createTempWorkspace()));
  afterEach(() => ws.cleanup());

  it('counts "achievement_id" keys in the first dependency tree file found, 0 without one', () => {
    expect(quickAchievementCount(ws.root)).toBe(0);
    ws.write({ 'parallel_analysis.json': '{"achievements":[{"achievement_id":"1.1"}]}' });
    expect(quickAchievementCount(ws.root)).toBe(1);
    ws.write({ 'parallel.json': '{"achievements":[{"achievement_id":"1.1"},{"achievement_id":"1.2"},{"achievement_id":"2.1"}]}' });
    expect(quickAchievementCount(ws.root)).toBe(3);
  });
});
