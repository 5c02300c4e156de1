/**
 * docs/mcp.md and the README show real output: each text block quoted there
 * is produced again here by the server (on this repository for the read-only
 * tools, on a copy of the example plans for the writing ones).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectClient } from './testing/connect-client';
import { exampleWorkspace, REPO_ROOT } from './testing/example-workspace';

const MCP_DOC = readFileSync(join(REPO_ROOT, 'docs/mcp.md'), 'utf8');
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The fenced ```text block of `doc` that starts with `firstLine`. */
function textBlock(doc: string, firstLine: string): string {
  const start = doc.indexOf(`\`\`\`text\n${firstLine}`);
  if (start < 0) throw new Error(`no text block starting with ${JSON.stringify(firstLine)}`);
  const body = start + '```text\n'.length;
  return doc.slice(body, doc.indexOf('\n```', body));
}

describe('output quoted in docs/mcp.md and README.md', () => {
  it('list_plans and next_work on this repository', async () => {
    const c = await connectClient(REPO_ROOT);
    try {
      const list = c.text(await c.call('list_plans'));
      expect(textBlock(MCP_DOC, 'AGENT-DEMO (plan-agent-demo')).toBe(list);
      const next = c.text(await c.call('next_work', { plan: 'RELEASE-PIPELINE' }));
      expect(textBlock(MCP_DOC, 'Plan RELEASE-PIPELINE (plan-release-pipeline)')).toBe(next);
      expect(textBlock(README, 'Plan RELEASE-PIPELINE (plan-release-pipeline)')).toBe(next);
    } finally {
      await c.close();
    }
  });

  it('prepare_achievements and record_review on a copy of the example plans', async () => {
    const ws = exampleWorkspace();
    const c = await connectClient(ws.root);
    try {
      expect(textBlock(MCP_DOC, 'DOCS-SITE (plans/DOCS-SITE), dry run')).toBe(c.text(await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans', dryRun: true })));
      expect(textBlock(MCP_DOC, 'prepare_achievements: batch-subplan refused')).toBe(
        c.text(await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans', achievements: ['9.1'] })),
      );
      const review = await c.call('record_review', { plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'fix', text: 'Pin every action to a commit SHA.' });
      expect(textBlock(MCP_DOC, 'Fixes requested for 2.1')).toBe(c.text(review));
      expect(`${textBlock(MCP_DOC, '# FIX: 2.1 Release Workflow in CI')}\n`).toBe(readFileSync(join(ws.root, 'plans/RELEASE-PIPELINE/execution/feedbacks/FIX_21.md'), 'utf8'));
    } finally {
      await c.close();
      ws.cleanup();
    }
  });
});
