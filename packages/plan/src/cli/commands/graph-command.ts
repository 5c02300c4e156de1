/** `nx-plan graph [plan] [--format=ascii|mermaid|dot|json] [--outputFile]`: the graph executor's report. */
import { checkGraphFormat, graphReport } from '../../reports/graph-report';
import { CliUsageError } from '../cli-usage-error';
import { COMMON_OPTIONS, OUTPUT_FILE_OPTIONS, outputFileOf, strictOf, type ReportCommand } from './run-report-command';

export const graphCommand: ReportCommand = {
  name: 'graph',
  options: { ...COMMON_OPTIONS, ...OUTPUT_FILE_OPTIONS, format: { type: 'string' } },
  maxPlans: 1,
  run(folders, line, workspace, cwd) {
    const requested = line.values['json'] ? 'json' : (line.values['format'] as string | undefined);
    if (line.values['json'] && line.values['format'] !== undefined && line.values['format'] !== 'json') {
      throw new CliUsageError(`nx-plan graph: --json and --format=${String(line.values['format'])} disagree; give one`, 'graph');
    }
    let format;
    try {
      format = checkGraphFormat(requested);
    } catch (error) {
      throw new CliUsageError(`nx-plan graph: ${(error as Error).message}`, 'graph');
    }
    return graphReport(
      folders,
      {
        strict: strictOf(line, workspace),
        format,
        outputFile: outputFileOf(line, cwd),
        // Like the plan project (one plan) and the aggregate project `plan` (every plan).
        multiPlanDocument: line.positionals.length === 0,
        onePlanHint: (analyses) => `name one plan: nx-plan graph <plan> --format=mermaid (${analyses.map((a) => a.name).join(', ')})`,
      },
      workspace
    );
  },
};
