import type { Config } from 'jest';

const config: Config = {
  projects: ['<rootDir>/packages/schema', '<rootDir>/packages/core', '<rootDir>/packages/plan'],
};

export default config;
