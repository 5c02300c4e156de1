/** `nx-plan next [plan…] [--json] [--strict]`: what can start now and the recommended action. */
import { nextReport } from '../../reports/next-report';
import { COMMON_OPTIONS, strictOf, type ReportCommand } from './run-report-command';

export const nextCommand: ReportCommand = {
  name: 'next',
  options: COMMON_OPTIONS,
  maxPlans: Infinity,
  run(folders, line, workspace) {
    return nextReport(folders, { strict: strictOf(line, workspace), format: line.values['json'] ? 'json' : 'pretty' }, workspace);
  },
};
