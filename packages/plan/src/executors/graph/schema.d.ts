export interface GraphExecutorSchema {
  /** Plan folder, relative to the workspace root; default: the project's root. */
  plan?: string;
  /** Plan folders (the aggregate project's list, set by the plugin). */
  plans?: string[];
  /** Validate against the published schema exactly. */
  strict?: boolean;
  /** `ascii` (default), `mermaid`, `dot` or `json`. */
  format?: 'ascii' | 'mermaid' | 'dot' | 'json';
  /** Write the graph (exactly the document) to this file, relative to the workspace root. Alias: `output`. */
  outputFile?: string;
}
