/** @type {import('jest').Config} */
module.exports = {
  displayName: 'schema',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
