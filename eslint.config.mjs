// Lint: TypeScript rules, plus the rooms of the house (README: 代码结构). An import against the table fails the build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/** Which of our rooms each room may import (besides itself). */
const ROOMS = {
  domain: [],
  errors: ['domain'],
  source: ['domain', 'errors'],
  schema: ['domain', 'errors'],
  targets: ['domain', 'errors'],
  rules: ['schema', 'domain', 'errors'],
  scoring: ['rules', 'targets', 'domain', 'errors'],
  // report turns diagnostics into text, so it reads the message catalogue too
  report: ['scoring', 'compare', 'domain', 'errors'],
  pdf: ['errors', 'domain'],
  sign: ['errors', 'domain'],
  pipeline: ['domain', 'errors', 'source', 'schema', 'targets', 'rules', 'scoring', 'report', 'pdf', 'sign', 'lint', 'compare'],
  lint: ['rules', 'scoring', 'targets', 'schema', 'domain', 'errors'],
  compare: ['scoring', 'domain', 'errors'],
  cli: ['pipeline', 'errors', 'domain'],
};

const zones = Object.entries(ROOMS).map(([room, allowed]) => ({
  target: `./src/${room}`,
  from: './src',
  except: [`./${room}`, ...allowed.map((a) => `./${a}`)],
  message: `src/${room} may import only: ${[room, ...allowed].join(', ')} (README: 代码结构).`,
}));

/** Libraries that only one room may touch. */
const OWNED = [
  { room: 'rules', names: ['json-rules-engine'], why: 'only src/rules imports json-rules-engine' },
  { room: 'pdf', names: ['puppeteer-core', 'puppeteer'], why: 'only src/pdf imports puppeteer' },
  { room: 'sign', names: ['node-forge', '@signpdf/*', '@cantoo/pdf-lib', 'pdf-lib'], why: 'only src/sign touches keys, certificates and PDF signing' },
];

/** One block per room, so each room's list of forbidden libraries is whole (a later block would replace it). */
const ownedBlocks = Object.keys(ROOMS).map((room) => ({
  files: [`src/${room}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: OWNED.filter((o) => o.room !== room).map(({ names, why }) => ({ group: names, message: why })) },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**', 'tmp/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-console': 'error',
    },
  },
  ...ownedBlocks,
  {
    // Only the CLI writes output and sets exit codes.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'only src/cli sets exit codes' },
        { object: 'process', property: 'exitCode', message: 'only src/cli sets exit codes' },
        { object: 'process', property: 'stdout', message: 'only src/cli writes to stdout' },
        { object: 'process', property: 'stderr', message: 'only src/cli writes to stderr' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
