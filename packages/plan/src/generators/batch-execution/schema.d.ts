export interface BatchExecutionGeneratorSchema {
  /** Plan name (`PLAN_<NAME>.md`), plan folder, or inferred project name. */
  plan: string;
  /** Every achievement of this dependency level (0 = no dependencies). */
  level?: number;
  /** Comma-separated achievement ids, e.g. `1.1,2.3`. */
  achievements?: string | number;
  /** Every achievement of the plan. */
  all?: boolean;
  /** Create the missing SUBPLANs of the selected achievements too, in the same batch. */
  createSubplans?: boolean;
  /** Force this attempt number (refused when that file exists). */
  attempt?: number;
  /** Create without asking for confirmation. */
  yes?: boolean;
  /** Print the summary as one JSON document on stdout. */
  json?: boolean;
  /** Validate parallel.json against the published schema exactly; warnings refuse too. */
  strict?: boolean;
  /** Do not format the created files. */
  skipFormat?: boolean;
}
