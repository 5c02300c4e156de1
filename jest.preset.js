// Shared jest settings for every package: TypeScript through @swc/jest (fast,
// no type-check; `nx run-many -t typecheck` does that), node environment, and
// the workspace's tsconfig path aliases so packages import each other from source.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@nx-plan/schema$': path.join(root, 'packages/schema/src/index.ts'),
    '^@nx-plan/core$': path.join(root, 'packages/core/src/index.ts'),
    '^@nx-plan/plan$': path.join(root, 'packages/plan/src/index.ts'),
  },
  testMatch: ['**/?(*.)+(spec|test).ts'],
  // Anchored to each project's rootDir: the checkout itself may live under /tmp.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
};
