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
  // The one loader. It builds the scorer's input (types of scoring) and checks rule-set events against the
  // scoring-method registry when a rule set loads, so it may read scoring; scoring never reads the loader.
  load: ['source', 'schema', 'targets', 'rules', 'scoring', 'domain', 'errors'],
  lint: ['load', 'scoring', 'rules', 'targets', 'schema', 'source', 'domain', 'errors'],
  compare: ['load', 'scoring', 'rules', 'domain', 'errors'],
  // report turns diagnostics into text, so it reads the message catalogue too
  report: ['scoring', 'compare', 'rules', 'domain', 'errors'],
  pdf: ['errors', 'domain'],
  // PDF structure: splicing an update in, splitting shared sheets, edited-file checks, page text, draft mark,
  // the embedded data and the signature fields as read; no keys, no CMS
  pdfdoc: ['errors', 'domain'],
  // keys, certificates, CMS, timestamps, roles and a signature's face, on the PDF room's structure work
  sign: ['pdfdoc', 'errors', 'domain'],
  // the workbook lays out the file kinds of schema (definitions, actuals) and the last scores (scoring's result type)
  workbook: ['load', 'report', 'schema', 'scoring', 'domain', 'errors'],
  pipeline: [
    'domain',
    'errors',
    'source',
    'schema',
    'targets',
    'rules',
    'scoring',
    'load',
    'report',
    'pdf',
    'pdfdoc',
    'sign',
    'lint',
    'compare',
    'workbook',
  ],
  // the verifier: a signed form checked as a reader would trust it (signatures, revisions, roles, the page
  // against the data, the re-score, the rule set's identity), over the rooms that sign, score and lay out
  verify: ['pipeline', 'load', 'report', 'pdfdoc', 'sign', 'compare', 'workbook', 'scoring', 'domain', 'errors'],
  // the re-check bench: a year's forms read (signed ones verified), re-scored, re-checked by review rules on the
  // rules room, ranked and sampled; its workbook through the workbook room, its pages through report and pdf
  review: [
    'pipeline',
    'verify',
    'load',
    'scoring',
    'rules',
    'targets',
    'lint',
    'workbook',
    'report',
    'pdfdoc',
    'schema',
    'source',
    'domain',
    'errors',
  ],
  batch: ['pipeline', 'domain', 'errors'],
  serve: ['pipeline', 'verify', 'load', 'report', 'domain', 'errors'],
  cli: ['pipeline', 'verify', 'review', 'batch', 'serve', 'errors', 'domain'],
};

const zones = Object.entries(ROOMS).map(([room, allowed]) => ({
  target: `./src/${room}`,
  from: './src',
  except: [`./${room}`, ...allowed.map((a) => `./${a}`)],
  message: `src/${room} may import only: ${[room, ...allowed].join(', ')} (README: 代码结构).`,
}));

/** Libraries that only one room may touch. */
const OWNED = [
  { rooms: ['rules'], names: ['json-rules-engine'], why: 'only src/rules imports json-rules-engine' },
  { rooms: ['pdf'], names: ['puppeteer-core', 'puppeteer'], why: 'only src/pdf imports puppeteer' },
  {
    rooms: ['sign'],
    names: ['node-forge', '@signpdf/*', 'pkijs', 'asn1js'],
    why: 'only src/sign touches keys, certificates and CMS',
  },
  {
    rooms: ['pdfdoc', 'sign'],
    names: ['@cantoo/pdf-lib', 'pdf-lib', 'pdfjs-dist', 'fontkit'],
    why: 'only src/pdfdoc (and src/sign, for a signature field) read and write PDF structure',
  },
  { rooms: ['workbook'], names: ['exceljs'], why: 'only src/workbook imports exceljs' },
  { rooms: ['serve'], names: ['fastify', '@fastify/*'], why: 'only src/serve imports fastify' },
  { rooms: ['batch'], names: ['bullmq', 'ioredis'], why: 'only src/batch imports bullmq' },
];

/** One block per room, so each room's list of forbidden libraries is whole (a later block would replace it). */
const ownedBlocks = Object.keys(ROOMS).map((room) => ({
  files: [`src/${room}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: OWNED.filter((o) => !o.rooms.includes(room)).map(({ names, why }) => ({
          group: names,
          message: why,
        })),
      },
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
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      // without these the cycle rule cannot follow a .ts import and silently finds nothing
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      // A cycle between files is a room that should be two, or a type in the wrong file.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-console': 'error',
      // a file past 300 lines holds two concepts: split it by concept, not by line count
      'max-lines': ['error', { max: 300 }],
      // a function past 60 lines (blank lines and comments aside) does two things: name each
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      // a value that may be missing is handled where it may be, never asserted away
      '@typescript-eslint/no-non-null-assertion': 'error',
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
