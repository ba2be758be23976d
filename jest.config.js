/** Unit tests sit next to the code (*.spec.ts); integration and end-to-end tests in test/. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/test/**/*.int-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/**/*.browser-spec.ts',
  ],
  transform: {
    // Types are checked once by `tsc` in the test command; here only transpile, which is fast.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    '^@weiquan/(core|directory|schema|calendar|cases|complaints|routing|identity|notifications|stats|business|warnings)$':
      '<rootDir>/libs/$1/src',
    '^@weiquan/(core|directory|schema|calendar|cases|complaints|routing|identity|notifications|stats|business|warnings)/(.*)$':
      '<rootDir>/libs/$1/src/$2',
  },
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
