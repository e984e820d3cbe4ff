#!/usr/bin/env node
import { Command, CommanderError, Help, Option } from 'commander';
import { JIXIAO_VERSION } from '../domain/version';
import { diagnostic, InputError } from '../errors/diagnostic';
import { isLang, type Lang } from '../errors/lang';
import { text, textOf, type TextKey } from '../errors/texts';
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
import type * as Test from './commands/test';
import type * as Verify from './commands/verify';
import type * as VerifyMany from './commands/verifyMany';
import type * as Workbook from './commands/workbook';
import type * as Worker from './commands/worker';
import { EXIT, guarded, type OutputMode } from './exitCodes';
import { processIo, quietOnClosedPipes, type Io } from './io';
import { statSync } from 'node:fs';

/** A folder given where files are taken (verify 表单/): its files are searched. */
const isFolder = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

/** The mode is read before commander parses, so usage errors and help come out in the right language and form. */
/**
 * The language: --lang, else JIXIAO_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: en_US.UTF-8 is English,
 * anything else — zh_CN, C.UTF-8 — Chinese). A --lang or JIXIAO_LANG that names no offered language is an error.
 */
function modeOf(argv: string[], env: NodeJS.ProcessEnv = process.env): OutputMode & { badLang?: string } {
  const i = argv.indexOf('--lang');
  const value = (i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length)) ?? (env.JIXIAO_LANG || undefined);
  const json = argv.includes('--json');
  if (value !== undefined) return isLang(value) ? { lang: value === 'en' ? 'en' : 'zh', json } : { lang: 'zh', json, badLang: value };
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return { lang: /^en(_|\.|$)/i.test(locale) ? 'en' : 'zh', json };
}

/** Commander's headings (Usage:, Options:, …) and defaults come from the catalog too. */
class LocalizedHelp extends Help {
  constructor(private readonly lang: Lang) {
    super();
  }

  override styleTitle(title: string): string {
    const key = `help.title.${title}` as TextKey;
    return HELP_TITLES.has(key) ? textOf(key, this.lang) : title;
  }

  override optionDescription(option: Option): string {
    if (option.defaultValue === undefined || option.negate) return option.description;
    return `${option.description} ${text('help.default', this.lang, { value: String(option.defaultValue) })}`;
  }
}

const HELP_TITLES = new Set(['help.title.Usage:', 'help.title.Options:', 'help.title.Commands:', 'help.title.Arguments:', 'help.title.Global Options:']);

/** Commander's own error codes, said in the catalog's words. */
const USAGE_TEXT: Record<string, TextKey> = {
  'commander.missingArgument': 'usage.missingArgument',
  'commander.missingMandatoryOptionValue': 'usage.missingOption',
  'commander.optionMissingArgument': 'usage.optionValue',
  'commander.unknownOption': 'usage.unknownOption',
  'commander.unknownCommand': 'usage.unknownCommand',
  'commander.excessArguments': 'usage.excessArguments',
};

function usageDetail(error: CommanderError, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? error.message.replace(/^error: /, '');
  const key = USAGE_TEXT[error.code] ?? 'usage.other';
  return textOf(key, lang, { name: quoted });
}

/** Builds the command tree. Every action resolves to an exit code; only this room sets it. */
/**
 * A command's module, loaded when the command runs: `score` or `--help` never load the browser, the workbook
 * library or the queue. (require, not import(): the build is CommonJS and the tests run the sources.)
 */
function load<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(module) as T;
}

function program(io: Io, mode: OutputMode, setCode: (code: number) => void): Command {
  const { lang } = mode;
  const t = (key: TextKey): string => textOf(key, lang);
  const run = (work: () => Promise<number>) => async () => setCode(await guarded(io, mode, work));
  const json = (): Option => new Option('--json', t('help.json'));
  const cli = new Command('jixiao')
    .description(t('help.program'))
    .version(JIXIAO_VERSION, '-V, --version', t('help.version'))
    .option('--lang <lang>', t('help.lang'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.helpCommand'))
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .exitOverride();
  cli.createHelp = () => Object.assign(new LocalizedHelp(lang), cli.configureHelp());
  const command = (name: string, help: TextKey): Command => {
    const c = cli.command(name).description(t(help)).helpOption('-h, --help', t('help.help')).addOption(json());
    c.createHelp = () => new LocalizedHelp(lang);
    return c;
  };

  command('score', 'help.score')
    .argument('<actuals...>', t('help.score.actuals'))
    .option('--rules <ruleset>', t('help.score.rules'))
    .action((files: string[], options: { json?: boolean; rules?: string }) => run(() => load<typeof Score>('./commands/score').scoreCommand(files, options, io, mode))());

  command('init', 'help.init')
    .argument('<definitions>', t('help.init.definitions'))
    .option('-o, --output <file>', t('help.output'))
    .option('--force', t('help.force'))
    .action((file: string, options: { output?: string; force?: boolean; json?: boolean }) => run(() => load<typeof Init>('./commands/init').initCommand(file, options, io, mode))());

  command('render', 'help.render')
    .argument('<actuals...>', t('help.score.actuals'))
    .option('-o, --output <path>', t('help.render.output'))
    .option('--explain', t('help.render.explain'))
    .option('--html <file>', t('help.render.html'))
    .option('--timeout <ms>', t('help.render.timeout'), '30000')
    .action((files: string[], options: Render.RenderCommandOptions) => run(() => load<typeof Render>('./commands/render').renderCommand(files, options, io, mode))());

  command('batch', 'help.batch')
    .argument('<inputs...>', t('help.batch.inputs'))
    .requiredOption('-o, --output <folder>', t('help.batch.output'))
    .option('--queue <redis-url>', t('help.batch.queue'))
    .option('--explain', t('help.render.explain'))
    .option('--concurrency <n>', t('help.batch.concurrency'))
    .option('--timeout <ms>', t('help.render.timeout'), '30000')
    .action((inputs: string[], options: Batch.BatchCommandOptions) => run(() => load<typeof Batch>('./commands/batch').batchCommand(inputs, options, io, mode))());

  command('worker', 'help.worker')
    .requiredOption('--queue <redis-url>', t('help.worker.queue'))
    .option('--concurrency <n>', t('help.batch.concurrency'))
    .option('--timeout <ms>', t('help.render.timeout'), '30000')
    .action((options: Worker.WorkerCommandOptions) => run(() => load<typeof Worker>('./commands/worker').workerCommand(options, io, mode))());

  command('serve', 'help.serve')
    .argument('[folder]', t('help.serve.folder'))
    .option('--port <n>', t('help.serve.port'))
    .option('--host <address>', t('help.serve.host'))
    .option('--allow-remote', t('help.serve.allowRemote'))
    .option('--open', t('help.serve.open'))
    .option('--timeout <ms>', t('help.render.timeout'), '30000')
    .action((folder: string | undefined, options: Serve.ServeCommandOptions) => run(() => load<typeof Serve>('./commands/serve').serveCommand(folder, options, io, mode))());

  command('sign', 'help.sign')
    .argument('<pdf>', t('help.sign.pdf'))
    .requiredOption('--p12 <file>', t('help.sign.p12'))
    .requiredOption('--role <role>', t('help.sign.role'))
    .option('--reason <text>', t('help.sign.reason'))
    .option('--location <text>', t('help.sign.location'))
    .option('--seal <image>', t('help.sign.seal'))
    .option('--allow-expired', t('help.sign.allowExpired'))
    .option('--allow-name-mismatch', t('help.sign.allowNameMismatch'))
    .option('--tsa <url>', t('help.sign.tsa'))
    .option('--no-tsa', t('help.sign.noTsa'))
    .option('-o, --output <file>', t('help.sign.output'))
    .action((pdf: string, options: Sign.SignCommandOptions) => run(() => load<typeof Sign>('./commands/sign').signCommand(pdf, options, io, mode))());

  command('verify', 'help.verify')
    .argument('<pdf...>', t('help.verify.pdf'))
    .option('-o, --output <file.xlsx|file.csv>', t('help.verify.output'))
    .option('--allow-unsigned', t('help.verify.allowUnsigned'))
    .option('--allow-custom-rules', t('help.verify.allowCustomRules'))
    .option('--allow-name-mismatch', t('help.verify.allowNameMismatch'))
    .option('--trust <file|folder>', t('help.verify.trust'), (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--roles <roles>', t('help.verify.roles'))
    .option('--details', t('help.verify.details'))
    .action((pdfs: string[], options: Verify.VerifyCommandOptions & { output?: string }) =>
      run(() => {
        // one file: its whole report; several, a folder, or a table to write: one line per form
        const [only] = pdfs;
        if (pdfs.length === 1 && only !== undefined && !isFolder(only) && options.output === undefined) return load<typeof Verify>('./commands/verify').verifyCommand(only, options, io, mode);
        return load<typeof VerifyMany>('./commands/verifyMany').verifyManyCommand(pdfs, options, io, mode);
      })(),
    );

  command('keygen', 'help.keygen')
    .requiredOption('--cn <name>', t('help.keygen.cn'))
    .requiredOption('-o, --output <file>', t('help.keygen.output'))
    .option('--ca', t('help.keygen.ca'))
    .option('--issuer <ca.p12>', t('help.keygen.issuer'))
    .option('--cert-out <file.pem>', t('help.keygen.certOut'))
    .option('--days <n>', t('help.keygen.days'))
    .option('--force', t('help.force'))
    .action((options: Keygen.KeygenCommandOptions) => run(() => load<typeof Keygen>('./commands/keygen').keygenCommand(options, io, mode))());

  command('lint', 'help.lint')
    .argument('<files...>', t('help.lint.files'))
    .action((files: string[], options: { json?: boolean }) => run(() => load<typeof Lint>('./commands/lint').lintCommand(files, options, io, mode))());

  command('compare', 'help.compare')
    .argument('<forms...>', t('help.compare.forms'))
    .requiredOption('--rules <ruleset>', t('help.compare.rules'), (value: string, list: string[]) => [...list, value], [] as string[])
    .option('--csv <file>', t('help.compare.csv'))
    .option('--html <file>', t('help.compare.html'))
    .option('--reference', t('help.compare.reference'))
    .option('--workers <n>', t('help.compare.workers'))
    .action((forms: string[], options: Compare.CompareCommandOptions) => run(() => load<typeof Compare>('./commands/compare').compareCommand(forms, options, io, mode))());

  command('test', 'help.test')
    .argument('[rulesets...]', t('help.test.rulesets'))
    .action((targets: string[], options: { json?: boolean }) => run(() => load<typeof Test>('./commands/test').testCommand(targets, options, io, mode))());

  command('export', 'help.export')
    .argument('<file>', t('help.export.file'))
    .option('-o, --output <file.xlsx>', t('help.export.output'))
    .option('--rules <ruleset>', t('help.score.rules'))
    .action((file: string, options: { output?: string; rules?: string; json?: boolean }) => run(() => load<typeof Workbook>('./commands/workbook').exportCommand(file, options, io, mode))());

  command('import', 'help.import')
    .argument('<workbook>', t('help.import.workbook'))
    .option('-o, --output <file>', t('help.import.output'))
    .option('--force', t('help.import.force'))
    .action((file: string, options: { output?: string; force?: boolean; json?: boolean }) => run(() => load<typeof Workbook>('./commands/workbook').importCommand(file, options, io, mode))());

  command('schema', 'help.schema')
    .argument('<kind>', t('help.schema.kind'))
    .action((kind: string) => run(() => load<typeof Schema>('./commands/schema').schemaCommand(kind, io))());

  const ruleset = cli.command('ruleset').description(t('help.ruleset')).helpOption('-h, --help', t('help.help'));
  ruleset.createHelp = () => new LocalizedHelp(lang);
  const show = ruleset
    .command('show')
    .description(t('help.ruleset.show'))
    .argument('<ruleset>', t('help.ruleset.target'))
    .helpOption('-h, --help', t('help.help'))
    .addOption(json())
    .action((target: string, options: { json?: boolean }) => run(() => load<typeof RuleSet>('./commands/ruleset').rulesetShowCommand(target, options, io, mode))());
  show.createHelp = () => new LocalizedHelp(lang);

  return cli;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const { badLang, ...mode } = modeOf(argv);
  if (badLang !== undefined) {
    return guarded(io, mode, async () => {
      throw new InputError([diagnostic('USAGE', { detail: text('usage.lang', mode.lang, { value: badLang }) })]);
    });
  }
  let code: number = EXIT.ok;
  const cli = program(io, mode, (c) => {
    code = c;
  });
  try {
    await cli.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    const detail = usageDetail(error, mode.lang);
    return guarded(io, mode, async () => {
      throw new InputError([diagnostic('USAGE', { detail })]);
    });
  }
  return code;
}

if (require.main === module) {
  quietOnClosedPipes();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // the work is done and said: if a stray handle (a browser that would not die) keeps the process alive,
      // leave anyway after a moment rather than sit there after printing the result
      setTimeout(() => process.exit(code), 2_000).unref();
    },
    (error: unknown) => {
      process.stderr.write(`内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
