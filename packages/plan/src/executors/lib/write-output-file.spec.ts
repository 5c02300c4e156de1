import { readFileSync, readdirSync } from 'node:fs';
import { createTempWorkspace, type TempWorkspace } from '../../testing/temp-workspace';
import { writeOutputFile } from './write-output-file';

describe('writeOutputFile', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = createTempWorkspace('nx-plan-output-')));
  afterEach(() => ws.cleanup());

  it('writes relative to the workspace root, creating parent folders, and returns the absolute path', () => {
    const written = writeOutputFile(ws.root, 'a/b/graph.mmd', 'flowchart TD\n');
    expect(written).toBe(ws.path('a/b/graph.mmd'));
    expect(readFileSync(written, 'utf-8')).toBe('flowchart TD\n');
    expect(readdirSync(ws.path('a/b'))).toEqual(['graph.mmd']);
  });

  it('replaces a previous output as a whole', () => {
    writeOutputFile(ws.root, 'report.json', '{"old":true,"long":"xxxxxxxxxxxxxxxx"}\n');
    writeOutputFile(ws.root, 'report.json', '{}\n');
    expect(readFileSync(ws.path('report.json'), 'utf-8')).toBe('{}\n');
  });

  it('refuses a directory', () => {
    ws.write({ 'dir/.keep': '' });
    expect(() => writeOutputFile(ws.root, 'dir', 'x')).toThrow('--outputFile "dir" is a directory');
  });

  it('leaves no temporary file behind when the write fails', () => {
    ws.write({ 'blocker': 'a file where a folder should be' });
    expect(() => writeOutputFile(ws.root, 'blocker/out.json', '{}')).toThrow();
    expect(readdirSync(ws.root)).toEqual(['blocker']);
  });
});
