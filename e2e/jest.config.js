/**
 * End-to-end tests: build and pack the three packages, install the tarballs in
 * a brand-new Nx workspace under the OS temp dir and run the real `nx`
 * commands there. Slow by nature, so one generous timeout for every hook/test.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 300000,
};
