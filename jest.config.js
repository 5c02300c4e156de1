/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/packages/schema', '<rootDir>/packages/core', '<rootDir>/packages/plan', '<rootDir>/e2e'],
};
