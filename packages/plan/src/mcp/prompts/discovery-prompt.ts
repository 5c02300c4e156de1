/**
 * The `parallel_discovery` prompt: the parallel-discovery prompt of
 * `nx g @nx-plan/plan:discover`, produced by the generator's own code on a
 * Tree that is never flushed, followed by the draft dependency tree it infers
 * from the PLAN. Nothing is written, so the sentence saying where the
 * generator put the draft is replaced by one pointing at the draft below.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { captureOutput } from '../lib/output-capture';
import { ToolRefusal } from '../lib/tool-input-error';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { planNameCompleter } from './plan-name-completer';
import { readOnlyTree } from './plan-tree';

const WRITTEN_SENTENCES: [RegExp, string][] = [
  [/A draft inferred mechanically from the PLAN was written to `parallel\.json`\./, 'A draft inferred mechanically from the PLAN is at the end of this prompt (nothing was written to the plan folder).'],
  [
    /a draft inferred mechanically from the PLAN was written beside it to `parallel\.draft\.json`\./,
    'a draft inferred mechanically from the PLAN is at the end of this prompt (nothing was written to the plan folder).',
  ],
];

export async function discoveryPrompt(workspace: PlanWorkspace, args: { plan: string }): Promise<GetPromptResult> {
  const plan = workspace.resolvePlan('plan', args.plan);
  const { runDiscover, PROMPT_FILE } = await import('../../generators/discover/discover');
  const tree = readOnlyTree(workspace.root);
  const promptFile = `${plan.dir}/${PROMPT_FILE}`;
  // A prompt file left by an earlier `nx g discover` would be kept as it is: regenerate it in the tree only.
  if (tree.exists(promptFile)) tree.delete(promptFile);
  const captured = await captureOutput(() => runDiscover(tree, { plan: plan.dir, skipFormat: true }));
  if (captured.error !== undefined || !captured.value) {
    const message = captured.error instanceof Error ? captured.error.message : String(captured.error);
    throw new ToolRefusal(`parallel_discovery: ${message}`);
  }
  let text = tree.read(promptFile, 'utf-8') ?? '';
  for (const [pattern, replacement] of WRITTEN_SENTENCES) text = text.replace(pattern, replacement);
  const draftFile = captured.value.draftFile;
  const draft = draftFile ? tree.read(draftFile, 'utf-8') : undefined;
  if (draft) text = `${text.replace(/\n+$/, '')}\n\n## Draft dependency tree (inferred from the PLAN)\n\n\`\`\`json\n${draft.replace(/\n+$/, '')}\n\`\`\`\n`;
  return {
    description: `Parallel discovery for plan ${plan.name}`,
    messages: [{ role: 'user', content: { type: 'text', text } }],
  };
}

export function registerDiscoveryPrompt(server: McpServer, workspace: PlanWorkspace): void {
  server.registerPrompt(
    'parallel_discovery',
    {
      title: 'Parallel discovery',
      description:
        'The parallel-discovery prompt of `nx g @nx-plan/plan:discover` for a plan: its achievements, the three parallelization levels, the independence checklist and the exact parallel.json shape, with a draft dependency tree inferred from the PLAN. Writes nothing.',
      argsSchema: { plan: completable(z.string().min(1).describe('Plan name, project name or folder'), planNameCompleter(workspace)) },
    },
    async (args) => discoveryPrompt(workspace, args),
  );
}
