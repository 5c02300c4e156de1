/** `nx-plan validate [plan…] [--strict] [--json] [--outputFile]`: the validate executor's report. */
import { printValidateReport, validatePlans } from '../../reports/validate-report';
import { COMMON_OPTIONS, OUTPUT_FILE_OPTIONS, outputFileOf, strictOf, type ReportCommand } from './run-report-command';

export const validateCommand: ReportCommand = {
  name: 'validate',
  options: { ...COMMON_OPTIONS, ...OUTPUT_FILE_OPTIONS },
  maxPlans: Infinity,
  run(folders, line, workspace, cwd) {
    const strict = strictOf(line, workspace);
    const plans = validatePlans(folders, { strict }, workspace);
    return printValidateReport(plans, { strict, format: line.values['json'] ? 'json' : 'pretty', outputFile: outputFileOf(line, cwd) }, workspace);
  },
};
