#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { JIXIAO_VERSION } from '../domain/version';
import type { Lang } from '../errors/message';
import { initCommand } from './commands/init';
import { schemaCommand } from './commands/schema';
import { scoreCommand } from './commands/score';
import { testCommand } from './commands/test';
import { renderCommand, type RenderCommandOptions } from './commands/render';
import { EXIT, guarded } from './exitCodes';
import { processIo, type Io } from './io';

function langOf(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'zh';
}

/** Builds the command tree. Every action resolves to an exit code; only this room sets it. */
function program(io: Io, lang: Lang, setCode: (code: number) => void): Command {
  const run = (work: () => Promise<number>) => async () => setCode(await guarded(io, lang, work));
  const cli = new Command('jixiao')
    .description('jixiao 绩效：预算绩效自评的评分、出表、签章与核验')
    .version(JIXIAO_VERSION, '-V, --version', '显示版本')
    .option('--lang <lang>', '提示语言：zh（默认）或 en', 'zh')
    .helpOption('-h, --help', '显示帮助')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();

  cli
    .command('score')
    .description('按评分规则集为实际完成值文件评分')
    .argument('<actuals...>', '实际完成值文件（YAML）')
    .option('--json', '输出完整结果（JSON）')
    .option('--rules <ruleset>', '改用此规则集（编号或文件路径）')
    .action((files: string[], options: { json?: boolean; rules?: string }) => run(() => scoreCommand(files, options, io, lang))());

  cli
    .command('init')
    .description('由指标定义文件生成供填报的实际完成值文件')
    .argument('<definitions>', '指标定义文件（YAML）')
    .option('-o, --output <file>', '输出文件（- 为标准输出）')
    .option('--force', '覆盖已存在的文件')
    .action((file: string, options: { output?: string; force?: boolean }) => run(() => initCommand(file, options, io, lang))());

  cli
    .command('render')
    .description('生成绩效自评表 PDF（一次运行只启动一个浏览器）')
    .argument('<actuals...>', '实际完成值文件（YAML）')
    .option('-o, --output <path>', '输出 PDF 文件；多个表单时为目录')
    .option('--explain', '附“评分说明”：每行的计算过程与全部提示')
    .option('--html <file>', '同时输出 HTML（单个表单）')
    .option('--timeout <ms>', '每页生成时限（毫秒），超时在新页面重试一次', '30000')
    .action((files: string[], options: RenderCommandOptions) => run(() => renderCommand(files, options, io, lang))());

  cli
    .command('test')
    .description('运行评分规则集的测试用例（<编号>.test.yaml）')
    .argument('[rulesets...]', '规则集编号或路径；省略则运行全部内置规则集')
    .action((targets: string[]) => run(() => testCommand(targets, io, lang))());

  cli
    .command('schema')
    .description('输出文件类型的 JSON Schema（definitions、actuals、ruleset、ruleset-tests）')
    .argument('<kind>', '文件类型')
    .action((kind: string) => run(() => schemaCommand(kind, io))());

  return cli;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langOf(argv);
  let code: number = EXIT.ok;
  const cli = program(io, lang, (c) => {
    code = c;
  });
  try {
    await cli.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    throw error;
  }
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`内部错误：${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
