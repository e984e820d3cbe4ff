#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { JIXIAO_VERSION } from '../domain/version';
import type { Lang } from '../errors/message';
import { initCommand } from './commands/init';
import { schemaCommand } from './commands/schema';
import { scoreCommand } from './commands/score';
import { testCommand } from './commands/test';
import { renderCommand, type RenderCommandOptions } from './commands/render';
import { signCommand, type SignCommandOptions } from './commands/sign';
import { verifyCommand } from './commands/verify';
import { keygenCommand, type KeygenCommandOptions } from './commands/keygen';
import { compareCommand, type CompareCommandOptions } from './commands/compare';
import { lintCommand } from './commands/lint';
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
    .command('sign')
    .description('以某一角色对 PDF 数字签章（增量更新，之前的签名保持有效）；密码取自 JIXIAO_P12_PASSWORD 或提示输入')
    .argument('<pdf>', '由 jixiao render 生成的 PDF')
    .requiredOption('--p12 <file>', '签章证书（PKCS#12）')
    .requiredOption('--role <role>', '填表人 | 审核人 | 单位负责人')
    .option('--reason <text>', '签署理由')
    .option('--location <text>', '签署地点')
    .option('--seal <image>', '签章框中显示的印章图片（PNG/JPEG）')
    .option('--allow-expired', '证书过期时仍签署（带警告）')
    .option('-o, --output <file>', '输出文件（默认覆盖原文件）')
    .action((pdf: string, options: SignCommandOptions) => run(() => signCommand(pdf, options, io, lang))());

  cli
    .command('verify')
    .description('核验签名、检查末次签名后有无追加内容，并用内嵌数据重新评分比对')
    .argument('<pdf>', '已签署的 PDF')
    .option('--json', '输出 JSON')
    .option('--allow-unsigned', '允许没有签名的文件（只核验内嵌数据）')
    .action((pdf: string, options: { json?: boolean; allowUnsigned?: boolean }) => run(() => verifyCommand(pdf, options, io, lang))());

  cli
    .command('keygen')
    .description('生成测试证书（PKCS#12；主题中标明“仅供测试”），可作测试 CA 或由测试 CA 颁发')
    .requiredOption('--cn <name>', '证书名称（CN），如 演示填表人')
    .requiredOption('-o, --output <file>', '输出 .p12 文件')
    .option('--ca', '生成测试 CA')
    .option('--issuer <ca.p12>', '由此 CA 颁发（CA 密码取自 JIXIAO_CA_PASSWORD 或提示输入）')
    .option('--cert-out <file.pem>', '同时输出证书 PEM（可导入 NSS 数据库作为信任的 CA）')
    .option('--days <n>', '有效天数')
    .option('--force', '覆盖已存在的文件')
    .action((options: KeygenCommandOptions) => run(() => keygenCommand(options, io, lang))());

  cli
    .command('lint')
    .description('检查评分规则集（冲突、缺口、从不命中的规则、权重与档次）或指标定义（不可衡量的目标、分值合计、重名）')
    .argument('<files...>', '规则集或指标定义文件')
    .option('--json', '输出 JSON')
    .action((files: string[], options: { json?: boolean }) => run(() => lintCommand(files, options, io, lang))());

  cli
    .command('compare')
    .description('用两个评分规则集重新评分同一批表单，比较总分、等级与命中的规则（what-if）')
    .argument('<forms...>', '实际完成值文件或目录（目录下所有 *.actuals.yaml）')
    .requiredOption('--rules <ruleset>', '规则集编号或路径；给两次：A 与 B', (value: string, list: string[]) => [...list, value], [] as string[])
    .option('--json', '输出 JSON')
    .option('--csv <file>', '每张表一行的 CSV')
    .option('--html <file>', '独立的 HTML 报告（含总分变化图与等级变化矩阵）')
    .option('--reference', '用 json-rules-engine 本身评估规则（较慢；默认用与之等价的快速路径）')
    .option('--workers <n>', '工作线程数（默认：200 张以上用全部 CPU 核）')
    .action((forms: string[], options: CompareCommandOptions) => run(() => compareCommand(forms, options, io, lang))());

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
