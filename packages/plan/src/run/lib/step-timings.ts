/**
 * Where a run spends its time, step by step. Printed to stderr at the end of
 * a run when NX_PLAN_TIMINGS=1 (used by tools/bench/isolation.mjs and handy
 * when a setup step is slow).
 */
export class StepTimings {
  private readonly spent = new Map<string, number>();

  async time<T>(step: string, work: () => Promise<T> | T): Promise<T> {
    const started = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      this.spent.set(step, (this.spent.get(step) ?? 0) + ms);
    }
  }

  /** `nx-plan timings 1.2: check=12ms open=140ms …` */
  format(achievement: string): string {
    const parts = [...this.spent].map(([step, ms]) => `${step}=${Math.round(ms)}ms`);
    return `nx-plan timings ${achievement}: ${parts.join(' ')}`;
  }

  report(achievement: string, env: NodeJS.ProcessEnv = process.env): void {
    if (env.NX_PLAN_TIMINGS === '1') process.stderr.write(`${this.format(achievement)}\n`);
  }
}
