export type NextAction = 'subplans' | 'executions' | 'prepare' | 'run' | 'graph' | 'prompt' | 'fill-subplans' | 'status';

export interface NextGeneratorSchema {
  /** Plan NAME, project name (`plan-<name>`) or folder; optional when the workspace has one plan. */
  plan?: string;
  /** Run one step without the menu. */
  action?: NextAction;
  /** Achievement id for `--action=prompt` (default: the next available achievement). `nx g` may hand it over as a number. */
  achievement?: string | number;
  /** Skip the batch generators' confirmation. */
  yes?: boolean;
  /** Do not run the workspace formatter over the written files. */
  skipFormat?: boolean;
}
