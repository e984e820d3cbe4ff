#!/usr/bin/env node
import { Command, CommanderError, Help, Option } from 'commander';
import { JIXIAO_VERSION } from '../domain/version';
import { usageError } from './options';
import { isLang, type Lang } from '../errors/lang';
import { text, textOf, type TextKey } from '../errors/texts';
import { COMMANDS, RULESET_SHOW, type CommandSpec } from './commandSpecs';
import { REVIEW_COMMANDS } from './reviewCommandSpecs';
import { EXIT, guarded, type OutputMode } from './exitCodes';
import { processIo, quietOnClosedPipes, type Io } from './io';

/** The mode is read before commander parses, so usage errors and help come out in the right language and form. */
/**
 * The language: --lang, else JIXIAO_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: en_US.UTF-8 is English,
 * anything else — zh_CN, C.UTF-8 — Chinese). A --lang or JIXIAO_LANG that names no offered language is an error.
 */
function modeOf(argv: string[], env: NodeJS.ProcessEnv = process.env): OutputMode & { badLang?: string } {
  const i = argv.indexOf('--lang');
  const value =
    (i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length)) ??
    (env.JIXIAO_LANG || undefined);
  const json = argv.includes('--json');
  if (value !== undefined)
    return isLang(value) ? { lang: value === 'en' ? 'en' : 'zh', json } : { lang: 'zh', json, badLang: value };
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
    // a repeatable option starts from an empty list: nothing to show as its default
    const empty = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
    if (option.defaultValue === undefined || option.negate || empty) return option.description;
    return `${option.description} ${text('help.default', this.lang, { value: String(option.defaultValue) })}`;
  }
}

const HELP_TITLES = new Set([
  'help.title.Usage:',
  'help.title.Options:',
  'help.title.Commands:',
  'help.title.Arguments:',
  'help.title.Global Options:',
]);

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

/** Builds the command tree from the command specs. Every action resolves to an exit code; only this room sets it. */
function program(io: Io, mode: OutputMode, setCode: (code: number) => void): Command {
  const { lang } = mode;
  const t = (key: TextKey): string => textOf(key, lang);
  const cli = new Command('jixiao')
    .description(t('help.program'))
    .version(JIXIAO_VERSION, '-V, --version', t('help.version'))
    .option('--lang <lang>', t('help.lang'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.helpCommand'))
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .exitOverride();
  cli.createHelp = () => Object.assign(new LocalizedHelp(lang), cli.configureHelp());
  for (const spec of COMMANDS) addCommand(cli, spec, io, mode, setCode);
  const ruleset = cli.command('ruleset').description(t('help.ruleset')).helpOption('-h, --help', t('help.help'));
  ruleset.createHelp = () => new LocalizedHelp(lang);
  addCommand(ruleset, RULESET_SHOW, io, mode, setCode);
  const review = cli.command('review').description(t('help.review')).helpOption('-h, --help', t('help.help'));
  review.createHelp = () => new LocalizedHelp(lang);
  for (const spec of REVIEW_COMMANDS) addCommand(review, spec, io, mode, setCode);
  return cli;
}

/** One command of the tree, as its spec says: arguments, options (in the catalog's words), and its action. */
function addCommand(
  parent: Command,
  spec: CommandSpec,
  io: Io,
  mode: OutputMode,
  setCode: (code: number) => void,
): void {
  const t = (key: TextKey): string => textOf(key, mode.lang);
  const c = parent
    .command(spec.name, spec.isDefault ? { isDefault: true } : {})
    .description(t(spec.help))
    .helpOption('-h, --help', t('help.help'));
  c.addOption(new Option('--json', t('help.json')));
  c.createHelp = () => new LocalizedHelp(mode.lang);
  for (const a of spec.args ?? []) c.argument(a.spec, t(a.help));
  for (const o of spec.options ?? []) {
    const option = new Option(o.flags, t(o.help));
    if (o.required) option.makeOptionMandatory();
    if (o.default !== undefined) option.default(o.default);
    if (o.repeatable)
      option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]).default([]);
    c.addOption(option);
  }
  const run = spec.run as (...values: unknown[]) => Promise<number>;
  // commander passes the arguments, then the options, then the command itself
  c.action(async (...values: unknown[]) =>
    setCode(await guarded(io, mode, () => run(...values.slice(0, -1), io, mode))),
  );
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const { badLang, ...mode } = modeOf(argv);
  if (badLang !== undefined) {
    return guarded(io, mode, async () => {
      throw usageError(text('usage.lang', mode.lang, { value: badLang }));
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
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
      return EXIT.ok;
    const detail = usageDetail(error, mode.lang);
    return guarded(io, mode, async () => {
      throw usageError(detail);
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
      process.stderr.write(
        `${textOf('cli.internalError', 'zh')} / ${textOf('cli.internalError', 'en')}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = EXIT.internal;
    },
  );
}
