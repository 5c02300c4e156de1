/** `nx-plan status [plan…] [--json] [--strict] [--outputFile]`: the status executor's report. */
import { statusReport } from '../../reports/status-report';
import { COMMON_OPTIONS, OUTPUT_FILE_OPTIONS, outputFileOf, strictOf, type ReportCommand } from './run-report-command';

export const statusCommand: ReportCommand = {
  name: 'status',
  options: { ...COMMON_OPTIONS, ...OUTPUT_FILE_OPTIONS },
  maxPlans: Infinity,
  run(folders, line, workspace, cwd) {
    return statusReport(
      folders,
      { strict: strictOf(line, workspace), format: line.values['json'] ? 'json' : 'pretty', outputFile: outputFileOf(line, cwd) },
      workspace
    );
  },
};
