export interface StatusExecutorSchema {
  /** Plan folder, relative to the workspace root; default: the project's root. */
  plan?: string;
  /** Plan folders (the aggregate project's list, set by the plugin). */
  plans?: string[];
  /** Validate against the published schema exactly. */
  strict?: boolean;
  /** `pretty` (default) table, or `json` (one versioned document). */
  format?: 'pretty' | 'json';
  /** Write the report (exactly the document) to this file, relative to the workspace root. */
  outputFile?: string;
}
