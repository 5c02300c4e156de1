/**
 * What a report needs to know about where it runs, whether it was started by
 * an Nx executor (`nx run plan:status`) or by the `nx-plan` CLI: the
 * workspace root (paths are printed relative to it) and how a plan folder's
 * Nx project is named (for the commands the recommended action prints).
 * Nothing here loads Nx.
 */
export interface ReportContext {
  /** Absolute workspace root. */
  root: string;
  /** The Nx project name of a plan folder (workspace-relative) holding PLAN_<planName>.md. */
  projectNameOf(relDir: string, planName: string): string;
}

/** Options every report takes. */
export interface ReportOptions {
  /** Validate parallel.json against the published schema exactly. */
  strict?: boolean;
  /** Write the document (or the uncoloured text) to this file, relative to the workspace root. */
  outputFile?: string;
}
