export interface InitGeneratorSchema {
  /** Do not format the files the generator changed. */
  skipFormat?: boolean;
  /** Do not add @nx-plan/plan and @nx-plan/schema to devDependencies. */
  skipPackageJson?: boolean;
  /** Keep versions already in package.json (set by `nx add`). */
  keepExistingVersions?: boolean;
}
