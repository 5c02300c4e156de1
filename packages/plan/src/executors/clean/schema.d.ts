export interface CleanExecutorSchema {
  /** One plan folder, relative to the workspace root. */
  plan?: string;
  /** Several plan folders (the aggregate project). */
  plans?: string[];
  /** List what would be removed; remove nothing. */
  dryRun?: boolean;
}
