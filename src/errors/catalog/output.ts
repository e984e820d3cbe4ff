import type { CatalogEntry } from './entry';

/** Commands, outputs and the browser that prints. */
export const OUTPUT = {
  OUTPUT_EXISTS: {
    severity: 'error',
    zh: '输出文件 {path} 已存在',
    en: 'Output file {path} already exists',
    hintZh: '换一个文件名，或加 --force 覆盖。',
    hintEn: 'Choose another name, or pass --force to overwrite.',
  },
  OUTPUT_INVALID: {
    severity: 'error',
    zh: '无法写入输出 {path}：{cause}',
    en: 'Cannot write the output {path}: {cause}',
    hintZh: '给出一个可写目录中的文件路径；- 表示写到标准输出。',
    hintEn: 'Name a file in a folder you can write to; - writes to standard output.',
  },
  UNKNOWN_KIND: {
    severity: 'error',
    zh: '未知的文件类型「{kind}」',
    en: 'Unknown file kind "{kind}"',
    hintZh: '可用的类型：{known}。',
    hintEn: 'Known kinds: {known}.',
  },
  USAGE: {
    severity: 'error',
    zh: '命令用法有误：{detail}',
    en: 'Usage error: {detail}',
    hintZh: '运行 jixiao --help 查看用法。',
    hintEn: 'Run jixiao --help.',
  },
  BROWSER_NOT_FOUND: {
    severity: 'error',
    zh: '找不到用于生成 PDF 的 Chromium 浏览器（查找了：{where}）',
    en: 'No Chromium browser found to print the PDF (looked at: {where})',
    hintZh: '在 Debian/Ubuntu 上运行 sudo apt-get install -y chromium；或用环境变量 JIXIAO_CHROMIUM 指定浏览器路径。',
    hintEn: 'On Debian/Ubuntu run sudo apt-get install -y chromium, or set JIXIAO_CHROMIUM to the browser\'s path.',
  },
  BROWSER_LAUNCH_FAILED: {
    severity: 'error',
    zh: '无法启动浏览器 {path}：{detail}',
    en: 'Cannot start the browser {path}: {detail}',
    hintZh: '确认浏览器可以运行（例如 {path} --version）；以 root 运行时 jixiao 会自动加 --no-sandbox。',
    hintEn: 'Check that the browser runs ({path} --version); as root jixiao adds --no-sandbox itself.',
  },
  RENDER_TIMEOUT: {
    severity: 'error',
    zh: '「{name}」生成 PDF 超时（{seconds} 秒，已在新页面重试一次）',
    en: '"{name}": printing timed out ({seconds} s, retried once on a fresh page)',
    hintZh: '表格过大时可用 --timeout 加长时限；其余表单不受影响。',
    hintEn: 'For a very large form raise --timeout; the other forms are not affected.',
  },
  NO_FORMS: {
    severity: 'error',
    zh: '目录 {path} 中没有实际完成值文件（*.actuals.yaml）',
    en: 'The folder {path} holds no actuals file (*.actuals.yaml)',
    hintZh: '实际完成值文件名须以 .actuals.yaml 结尾；也可以直接给出文件路径。',
    hintEn: 'Actuals files are named *.actuals.yaml; you can also name the files themselves.',
  },
} as const satisfies Record<string, CatalogEntry>;
