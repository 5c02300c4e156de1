/**
 * Which plans the server sees and how a `plan` argument is resolved, on real
 * temporary workspaces: the plugin's plansGlob, include/exclude and
 * projectNamePrefix from nx.json, names in any case, folders, ambiguity,
 * confinement.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempWorkspace, planMarkdown, type TempWorkspace } from '../../testing/temp-workspace';
import { ToolInputError } from '../lib/tool-input-error';
import { PlanWorkspace } from './plan-workspace';

function workspace(nxJson: unknown): TempWorkspace {
  const ws = createTempWorkspace('nx-plan-mcp-ws-');
  ws.write({
    'nx.json': typeof nxJson === 'string' ? nxJson : JSON.stringify(nxJson),
    'plans/ALPHA/PLAN_ALPHA.md': planMarkdown('ALPHA', [{ id: '1.1' }]),
    'plans/BETA/PLAN_BETA.md': planMarkdown('BETA', [{ id: '1.1' }]),
    'drafts/GAMMA/PLAN_GAMMA.md': planMarkdown('GAMMA', [{ id: '1.1' }]),
    'other/alpha/PLAN_alpha.md': planMarkdown('alpha', [{ id: '1.1' }]),
  });
  return ws;
}

const names = (ws: TempWorkspace) => new PlanWorkspace(ws.root).plans().map((p) => `${p.dir}:${p.project}`);

describe('PlanWorkspace', () => {
  const made: TempWorkspace[] = [];
  const make = (nxJson: unknown) => {
    const ws = workspace(nxJson);
    made.push(ws);
    return ws;
  };
  afterAll(() => made.forEach((ws) => ws.cleanup()));

  it('sees every PLAN folder by default, named as the plugin names projects', () => {
    expect(names(make({ plugins: ['@nx-plan/plan'] }))).toEqual([
      'drafts/GAMMA:plan-gamma',
      'other/alpha:plan-alpha',
      'plans/ALPHA:plan-alpha',
      'plans/BETA:plan-beta',
    ]);
  });

  it('honours plansGlob, include, exclude and projectNamePrefix', () => {
    const ws = make({
      // comments are allowed in nx.json
      plugins: [{ plugin: '@nx-plan/plan', options: { plansGlob: ['plans/**/PLAN_*.md', 'drafts/**/PLAN_*.md'], projectNamePrefix: 'p-' }, exclude: ['drafts/**'] }],
    });
    expect(names(ws)).toEqual(['plans/ALPHA:p-alpha', 'plans/BETA:p-beta']);
    const included = make({ plugins: [{ plugin: '@nx-plan/plan', include: ['drafts/**'] }] });
    expect(names(included)).toEqual(['drafts/GAMMA:plan-gamma']);
  });

  it('resolves names in any case, project names and folders; an ambiguous name asks for the folder', () => {
    const ws = new PlanWorkspace(make({ plugins: ['@nx-plan/plan'] }).root);
    expect(ws.resolvePlan('plan', 'beta').dir).toBe('plans/BETA');
    expect(ws.resolvePlan('plan', 'plan-gamma').dir).toBe('drafts/GAMMA');
    expect(ws.resolvePlan('plan', 'ALPHA').dir).toBe('plans/ALPHA');
    expect(ws.resolvePlan('plan', 'alpha').dir).toBe('other/alpha');
    expect(() => ws.resolvePlan('plan', 'Alpha')).toThrow('plan: "Alpha" matches several plans (other/alpha, plans/ALPHA); pass the folder instead');
    expect(ws.resolvePlan('plan', './plans/BETA/').dir).toBe('plans/BETA');
  });

  it('accepts an explicit folder the globs leave out, and refuses what is not a plan or not inside', () => {
    const root = make({ plugins: [{ plugin: '@nx-plan/plan', options: { plansGlob: 'plans/**/PLAN_*.md' } }] }).root;
    const ws = new PlanWorkspace(root);
    expect(ws.resolvePlan('plan', 'drafts/GAMMA').name).toBe('GAMMA');
    expect(() => ws.resolvePlan('plan', 'GAMMA')).toThrow(/^plan: no plan "GAMMA" in this workspace \(plans: ALPHA, BETA\)/);
    mkdirSync(join(root, 'empty'));
    expect(() => ws.resolvePlan('plan', 'empty/')).toThrow(ToolInputError);
    expect(() => ws.resolvePlan('plan', '../x')).toThrow(/outside the workspace/);
    expect(() => ws.resolvePlan('plan', '')).toThrow(/^plan: is empty/);
    expect(() => ws.resolvePlan('plan', '.')).toThrow(ToolInputError);
  });

  it('reports an nx.json that does not parse with its position', () => {
    const ws = make('{ "plugins": [ }');
    expect(() => new PlanWorkspace(ws.root).plans()).toThrow(/^nx\.json:1:\d+: /);
    writeFileSync(join(ws.root, 'nx.json'), '{}');
    expect(new PlanWorkspace(ws.root).plans()).toHaveLength(4);
  });

  it('never drifts to a parent workspace when nx.json disappears', () => {
    const ws = make({ plugins: ['@nx-plan/plan'] });
    const inner = join(ws.root, 'plans');
    writeFileSync(join(inner, 'nx.json'), '{}');
    const served = new PlanWorkspace(inner);
    expect(served.plans().map((p) => p.name)).toEqual(['ALPHA', 'BETA']);
    rmSync(join(inner, 'nx.json'));
    expect(() => served.plans()).toThrow(`${join(inner, 'nx.json')} is gone`);
  });
});
