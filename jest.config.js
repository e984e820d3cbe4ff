/** @type {import('jest').Config} */
const os = require('node:os');

module.exports = {
  // two workers even on two cores (jest's default there is one): much of a test's time is spent waiting on
  // Chromium, LibreOffice or Redis in processes of their own, so the suite takes about 7 minutes instead of 11
  maxWorkers: Math.max(2, os.cpus().length - 1),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // every temporary folder a test makes is removed when the run ends
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
};
