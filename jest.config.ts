import type { Config } from 'jest';

const config: Config = {
  projects: ['<rootDir>/packages/schema', '<rootDir>/packages/core', '<rootDir>/packages/plan', '<rootDir>/e2e'],
};

export default config;
