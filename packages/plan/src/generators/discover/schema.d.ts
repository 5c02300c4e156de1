export interface DiscoverGeneratorSchema {
  /** Plan NAME, project name (`plan-<name>`) or folder relative to the workspace root. */
  plan: string;
  /** Do not run the workspace formatter over the written files. */
  skipFormat?: boolean;
}
