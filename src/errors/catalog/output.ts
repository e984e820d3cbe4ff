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
    hintEn: "On Debian/Ubuntu run sudo apt-get install -y chromium, or set JIXIAO_CHROMIUM to the browser's path.",
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
  OUTPUT_LOCKED: {
    severity: 'error',
    zh: '{path} 正由另一个进程（{pid}）更新，本次未写入',
    en: '{path} is being updated by another process ({pid}); nothing was written',
    hintZh: '等它完成后再运行一次（签章会加在它的签名之后）。',
    hintEn: 'Run again once it has finished (your signature then follows theirs).',
  },
  OUTPUT_CHANGED: {
    severity: 'error',
    zh: '{path} 在读取之后被改动过，本次未写入（否则会覆盖别人刚加上的内容）',
    en: '{path} changed after it was read; nothing was written (it would have overwritten what was just added)',
    hintZh: '再运行一次：会读取最新的文件，在其后追加。',
    hintEn: 'Run again: the newest file is read and added to.',
  },
  NO_PDFS: {
    severity: 'error',
    zh: '目录 {path} 中没有 PDF 文件',
    en: 'The folder {path} holds no PDF file',
    hintZh: '给出签署后的自评表 PDF 所在的文件夹，或直接给出文件路径。',
    hintEn: 'Name the folder that holds the signed forms, or the files themselves.',
  },
  NO_REVIEW_INPUTS: {
    severity: 'error',
    zh: '目录 {path} 中没有自评表（*.actuals.yaml、*.xlsx 或签章 PDF）',
    en: 'The folder {path} holds no self-evaluation form (*.actuals.yaml, *.xlsx or signed PDF)',
    hintZh: '把各部门报送的自评表放进这个目录（可分子目录），或直接给出文件路径。',
    hintEn: 'Put the forms the departments sent in this folder (subfolders are searched), or name the files.',
  },
  NO_FORMS: {
    severity: 'error',
    zh: '目录 {path} 中没有实际完成值文件（*.actuals.yaml）',
    en: 'The folder {path} holds no actuals file (*.actuals.yaml)',
    hintZh: '实际完成值文件名须以 .actuals.yaml 结尾；也可以直接给出文件路径。',
    hintEn: 'Actuals files are named *.actuals.yaml; you can also name the files themselves.',
  },
  BROWSER_CRASHED: {
    severity: 'error',
    zh: '「{name}」打印时浏览器退出（已重启浏览器重试一次）',
    en: '"{name}": the browser stopped while printing (relaunched and retried once)',
    hintZh: '多半是内存不足或浏览器崩溃；其余表单照常生成，重新运行 batch 会只补这一张。',
    hintEn:
      'Usually memory ran out or the browser crashed; the other forms still print, and re-running the batch redoes only this one.',
  },
  BATCH_LIST_EMPTY: {
    severity: 'error',
    zh: '清单文件 {path} 中没有列出任何表单',
    en: 'The list file {path} names no form',
    hintZh:
      '每行写一个实际完成值文件（*.actuals.yaml）或工作簿（*.xlsx）的路径，相对于清单文件所在目录；# 开头的行是注释。',
    hintEn:
      "Write one actuals file (*.actuals.yaml) or workbook (*.xlsx) per line, relative to the list file's folder; lines starting with # are comments.",
  },
  QUEUE_URL_INVALID: {
    severity: 'error',
    zh: '队列地址「{url}」无效：{detail}',
    en: 'Invalid queue address "{url}": {detail}',
    hintZh: '写成 redis://主机:端口（可带 /数据库号，例如 redis://127.0.0.1:6379/0）。',
    hintEn: 'Write redis://host:port (optionally /db, e.g. redis://127.0.0.1:6379/0).',
  },
  QUEUE_UNREACHABLE: {
    severity: 'error',
    zh: '无法连接队列 {url}：{detail}',
    en: 'Cannot reach the queue {url}: {detail}',
    hintZh: '确认 redis-server 已启动、地址和端口正确，且本机可以访问它。',
    hintEn: 'Check that redis-server is running at that address and port and that this machine can reach it.',
  },
  QUEUE_JOB_FAILED: {
    severity: 'error',
    zh: '「{name}」在队列中 {attempts} 次尝试均失败：{detail}',
    en: '"{name}" failed on the queue after {attempts} attempt(s): {detail}',
    hintZh: '查看工作进程的输出；修好后重新运行 batch，只会补做失败的表单。',
    hintEn: "See the workers' output; once fixed, re-run the batch: only the failed forms are redone.",
  },
  QUEUE_LOST: {
    severity: 'error',
    zh: 'Redis 丢失了「{name}」的任务（Redis 重启后数据为空，或被清空）：已重新排队 {times} 次，仍然丢失',
    en: 'Redis lost the job of "{name}" (restarted empty, or flushed): queued again {times} time(s) and lost again',
    hintZh: '检查 Redis 是否稳定运行（持久化、内存上限）；重新运行 batch，日志中已完成的表单会跳过，只补做其余的。',
    hintEn:
      'Check that Redis stays up (persistence, memory limit); re-run the batch: forms the journal shows done are skipped, the rest are redone.',
  },
} as const satisfies Record<string, CatalogEntry>;
