export interface ValidateExecutorSchema {
  /** Plan folder, relative to the workspace root; default: the project's root. */
  plan?: string;
  /** Plan folders (the aggregate project's list, set by the plugin). */
  plans?: string[];
  /** Validate against the published schema exactly; warnings fail. */
  strict?: boolean;
  /** `pretty` (default) for people, `json` for tools. */
  format?: 'pretty' | 'json';
  /** Write the report (exactly the document) to this file, relative to the workspace root. */
  outputFile?: string;
}
