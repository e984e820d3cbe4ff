import { statSync } from 'node:fs';
import type { TextKey } from '../errors/texts';
import type * as Batch from './commands/batch';
import type * as Compare from './commands/compare';
import type * as Init from './commands/init';
import type * as Keygen from './commands/keygen';
import type * as Lint from './commands/lint';
import type * as Render from './commands/render';
import type * as RuleSet from './commands/ruleset';
import type * as Schema from './commands/schema';
import type * as Score from './commands/score';
import type * as Serve from './commands/serve';
import type * as Sign from './commands/sign';
import type * as Ltv from './commands/ltv';
import type * as Test from './commands/test';
import type * as Verify from './commands/verify';
import type * as VerifyMany from './commands/verifyMany';
import type * as Workbook from './commands/workbook';
import type * as Worker from './commands/worker';
import type { OutputMode } from './exitCodes';
import type { Io } from './io';

/** One option of a command: commander's flags, its help text, and how its value is taken. */
export interface OptionSpec {
  flags: string;
  help: TextKey;
  required?: true;
  default?: string;
  /** Given more than once, the values are kept as a list. */
  repeatable?: true;
}

/** One command: its name, help, arguments and options, and what it runs (the module is loaded only then). */
export interface CommandSpec {
  name: string;
  help: TextKey;
  args?: { spec: string; help: TextKey }[];
  options?: OptionSpec[];
  /** Run when the parent command is given no sub-command name (`jixiao review <folder>` runs `review run`). */
  isDefault?: true;
  /** Called with the command's arguments, its options, then the io and the output mode. */
  run: (...values: never[]) => Promise<number>;
}

/**
 * A command's module, loaded when the command runs: `score` or `--help` never load the browser, the workbook
 * library or the queue. (require, not import(): the build is CommonJS and the tests run the sources.)
 */
export function load<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(module) as T;
}

/** A folder given where files are taken (verify 表单/): its files are searched. */
const isFolder = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

const output: OptionSpec = { flags: '-o, --output <file>', help: 'help.output' };
const force: OptionSpec = { flags: '--force', help: 'help.force' };
const explain: OptionSpec = { flags: '--explain', help: 'help.render.explain' };
const timeout: OptionSpec = { flags: '--timeout <ms>', help: 'help.render.timeout', default: '30000' };
const concurrency: OptionSpec = { flags: '--concurrency <n>', help: 'help.batch.concurrency' };
const rules: OptionSpec = { flags: '--rules <ruleset>', help: 'help.score.rules' };

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: CommandSpec[] = [
  {
    name: 'score',
    help: 'help.score',
    args: [{ spec: '<actuals...>', help: 'help.score.actuals' }],
    options: [rules],
    run: (files: string[], options: Parameters<typeof Score.scoreCommand>[1], io: Io, mode: OutputMode) =>
      load<typeof Score>('./commands/score').scoreCommand(files, options, io, mode),
  },
  {
    name: 'init',
    help: 'help.init',
    args: [{ spec: '<definitions>', help: 'help.init.definitions' }],
    options: [output, force],
    run: (file: string, options: Parameters<typeof Init.initCommand>[1], io: Io, mode: OutputMode) =>
      load<typeof Init>('./commands/init').initCommand(file, options, io, mode),
  },
  {
    name: 'render',
    help: 'help.render',
    args: [{ spec: '<actuals...>', help: 'help.score.actuals' }],
    options: [
      { flags: '-o, --output <path>', help: 'help.render.output' },
      explain,
      { flags: '--html <file>', help: 'help.render.html' },
      timeout,
    ],
    run: (files: string[], options: Render.RenderCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Render>('./commands/render').renderCommand(files, options, io, mode),
  },
  {
    name: 'batch',
    help: 'help.batch',
    args: [{ spec: '<inputs...>', help: 'help.batch.inputs' }],
    options: [
      { flags: '-o, --output <folder>', help: 'help.batch.output', required: true },
      { flags: '--queue <redis-url>', help: 'help.batch.queue' },
      explain,
      concurrency,
      timeout,
      { flags: '--cache <dir>', help: 'help.batch.cache' },
      { flags: '--no-cache', help: 'help.batch.noCache' },
    ],
    run: (inputs: string[], options: Batch.BatchCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Batch>('./commands/batch').batchCommand(inputs, options, io, mode),
  },
  {
    name: 'worker',
    help: 'help.worker',
    options: [{ flags: '--queue <redis-url>', help: 'help.worker.queue', required: true }, concurrency, timeout],
    run: (options: Worker.WorkerCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Worker>('./commands/worker').workerCommand(options, io, mode),
  },
  {
    name: 'serve',
    help: 'help.serve',
    args: [{ spec: '[folder]', help: 'help.serve.folder' }],
    options: [
      { flags: '--port <n>', help: 'help.serve.port' },
      { flags: '--host <address>', help: 'help.serve.host' },
      { flags: '--allow-remote', help: 'help.serve.allowRemote' },
      { flags: '--open', help: 'help.serve.open' },
      timeout,
    ],
    run: (folder: string | undefined, options: Serve.ServeCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Serve>('./commands/serve').serveCommand(folder, options, io, mode),
  },
  {
    name: 'sign',
    help: 'help.sign',
    args: [{ spec: '<pdf>', help: 'help.sign.pdf' }],
    options: [
      { flags: '--p12 <file>', help: 'help.sign.p12', required: true },
      { flags: '--role <role>', help: 'help.sign.role', required: true },
      { flags: '--reason <text>', help: 'help.sign.reason' },
      { flags: '--location <text>', help: 'help.sign.location' },
      { flags: '--seal <image>', help: 'help.sign.seal' },
      { flags: '--allow-expired', help: 'help.sign.allowExpired' },
      { flags: '--allow-name-mismatch', help: 'help.sign.allowNameMismatch' },
      { flags: '--tsa <url>', help: 'help.sign.tsa' },
      { flags: '--no-tsa', help: 'help.sign.noTsa' },
      { flags: '-o, --output <file>', help: 'help.sign.output' },
    ],
    run: (pdf: string, options: Sign.SignCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Sign>('./commands/sign').signCommand(pdf, options, io, mode),
  },
  {
    name: 'ltv',
    help: 'help.ltv',
    args: [{ spec: '<pdf>', help: 'help.ltv.pdf' }],
    options: [
      { flags: '--tsa <url>', help: 'help.ltv.tsa' },
      { flags: '--crl <file|url>', help: 'help.ltv.crl', repeatable: true },
      { flags: '-o, --output <file>', help: 'help.ltv.output' },
    ],
    run: (pdf: string, options: Ltv.LtvCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Ltv>('./commands/ltv').ltvCommand(pdf, options, io, mode),
  },
  {
    name: 'verify',
    help: 'help.verify',
    args: [{ spec: '<pdf...>', help: 'help.verify.pdf' }],
    options: [
      { flags: '-o, --output <file.xlsx|file.csv>', help: 'help.verify.output' },
      { flags: '--allow-unsigned', help: 'help.verify.allowUnsigned' },
      { flags: '--allow-custom-rules', help: 'help.verify.allowCustomRules' },
      { flags: '--allow-name-mismatch', help: 'help.verify.allowNameMismatch' },
      { flags: '--trust <file|folder>', help: 'help.verify.trust', repeatable: true },
      { flags: '--crl <file|url>', help: 'help.verify.crl', repeatable: true },
      { flags: '--render', help: 'help.verify.render' },
      { flags: '--roles <roles>', help: 'help.verify.roles' },
      { flags: '--details', help: 'help.verify.details' },
    ],
    run: (pdfs: string[], options: Verify.VerifyCommandOptions & { output?: string }, io: Io, mode: OutputMode) => {
      // one file: its whole report; several, a folder, or a table to write: one line per form
      const [only] = pdfs;
      if (pdfs.length === 1 && only !== undefined && !isFolder(only) && options.output === undefined)
        return load<typeof Verify>('./commands/verify').verifyCommand(only, options, io, mode);
      return load<typeof VerifyMany>('./commands/verifyMany').verifyManyCommand(pdfs, options, io, mode);
    },
  },
  {
    name: 'keygen',
    help: 'help.keygen',
    options: [
      { flags: '--cn <name>', help: 'help.keygen.cn' },
      { flags: '-o, --output <file>', help: 'help.keygen.output', required: true },
      { flags: '--revoke <cert>', help: 'help.keygen.revoke', repeatable: true },
      { flags: '--crl <file.crl>', help: 'help.keygen.crl' },
      { flags: '--revoked-at <time>', help: 'help.keygen.revokedAt' },
      { flags: '--ca', help: 'help.keygen.ca' },
      { flags: '--issuer <ca.p12>', help: 'help.keygen.issuer' },
      { flags: '--cert-out <file.pem>', help: 'help.keygen.certOut' },
      { flags: '--days <n>', help: 'help.keygen.days' },
      force,
    ],
    run: (options: Keygen.KeygenCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Keygen>('./commands/keygen').keygenCommand(options, io, mode),
  },
  {
    name: 'lint',
    help: 'help.lint',
    args: [{ spec: '<files...>', help: 'help.lint.files' }],
    run: (files: string[], options: { json?: boolean }, io: Io, mode: OutputMode) =>
      load<typeof Lint>('./commands/lint').lintCommand(files, options, io, mode),
  },
  {
    name: 'compare',
    help: 'help.compare',
    args: [{ spec: '<forms...>', help: 'help.compare.forms' }],
    options: [
      { flags: '--rules <ruleset>', help: 'help.compare.rules', required: true, repeatable: true },
      { flags: '--csv <file>', help: 'help.compare.csv' },
      { flags: '--html <file>', help: 'help.compare.html' },
      { flags: '--reference', help: 'help.compare.reference' },
      { flags: '--workers <n>', help: 'help.compare.workers' },
      { flags: '--cache <dir>', help: 'help.compare.cache' },
      { flags: '--no-cache', help: 'help.compare.noCache' },
    ],
    run: (forms: string[], options: Compare.CompareCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Compare>('./commands/compare').compareCommand(forms, options, io, mode),
  },
  {
    name: 'test',
    help: 'help.test',
    args: [{ spec: '[rulesets...]', help: 'help.test.rulesets' }],
    run: (targets: string[], options: { json?: boolean }, io: Io, mode: OutputMode) =>
      load<typeof Test>('./commands/test').testCommand(targets, options, io, mode),
  },
  {
    name: 'export',
    help: 'help.export',
    args: [{ spec: '<file>', help: 'help.export.file' }],
    options: [{ flags: '-o, --output <file.xlsx>', help: 'help.export.output' }, rules],
    run: (file: string, options: Parameters<typeof Workbook.exportCommand>[1], io: Io, mode: OutputMode) =>
      load<typeof Workbook>('./commands/workbook').exportCommand(file, options, io, mode),
  },
  {
    name: 'import',
    help: 'help.import',
    args: [{ spec: '<workbook>', help: 'help.import.workbook' }],
    options: [
      { flags: '-o, --output <file>', help: 'help.import.output' },
      { flags: '--force', help: 'help.import.force' },
    ],
    run: (file: string, options: Parameters<typeof Workbook.importCommand>[1], io: Io, mode: OutputMode) =>
      load<typeof Workbook>('./commands/workbook').importCommand(file, options, io, mode),
  },
  {
    name: 'schema',
    help: 'help.schema',
    args: [{ spec: '<kind>', help: 'help.schema.kind' }],
    run: (kind: string, _options: unknown, io: Io) => load<typeof Schema>('./commands/schema').schemaCommand(kind, io),
  },
];

/** `jixiao ruleset show`: the one sub-command of `ruleset`. */
export const RULESET_SHOW: CommandSpec = {
  name: 'show',
  help: 'help.ruleset.show',
  args: [{ spec: '<ruleset>', help: 'help.ruleset.target' }],
  run: (target: string, options: { json?: boolean }, io: Io, mode: OutputMode) =>
    load<typeof RuleSet>('./commands/ruleset').rulesetShowCommand(target, options, io, mode),
};
