/** The tool call next_work suggests for each kind of recommended action. */
import type { PlanAnalysis, RecommendedActionKind } from '@nx-plan/core';
import { nextToolCall } from './next-tool-call';

const plan = { name: 'P', project: 'plan-p', dir: 'plans/P', abs: '/w/plans/P', planFile: 'plans/P/PLAN_P.md' };
const analysis = (kind: RecommendedActionKind, ids: string[]) => ({ recommendedAction: { kind, message: '', ids } }) as unknown as PlanAnalysis;

describe('nextToolCall', () => {
  it.each([
    ['fix-errors', [], { tool: 'validate_plan', arguments: { plan: 'plans/P' } }],
    ['create-subplans', ['1.1', '1.2'], { tool: 'prepare_achievements', arguments: { plan: 'plans/P', kind: 'subplans', achievements: ['1.1', '1.2'] } }],
    ['create-executions', ['2.1'], { tool: 'prepare_achievements', arguments: { plan: 'plans/P', kind: 'executions', achievements: ['2.1'] } }],
    ['retry-failed', ['1.3'], { tool: 'prepare_achievements', arguments: { plan: 'plans/P', kind: 'executions', achievements: ['1.3'] } }],
    ['review', ['2.1', '3.1'], { tool: 'get_achievement', arguments: { plan: 'plans/P', id: '2.1' } }],
    ['execute', ['2.1'], undefined],
    ['wait', [], undefined],
    ['done', [], undefined],
  ] as const)('%s', (kind, ids, expected) => {
    expect(nextToolCall(plan, analysis(kind, [...ids]))).toEqual(expected);
  });
});
