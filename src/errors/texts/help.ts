import type { TextEntry } from './entry';

/** `--help`: every command's and option's description, and commander's headings. */
export const HELP_TEXTS = {
  'help.program': {
    zh: 'jixiao 绩效：预算绩效自评的评分、出表、签章与核验',
    en: 'jixiao: scoring, printing, signing and verifying budget performance self-evaluations',
  },
  'help.title.Usage:': { zh: '用法：', en: 'Usage:' },
  'help.title.Options:': { zh: '选项：', en: 'Options:' },
  'help.title.Commands:': { zh: '命令：', en: 'Commands:' },
  'help.title.Arguments:': { zh: '参数：', en: 'Arguments:' },
  'help.title.Global Options:': { zh: '全局选项：', en: 'Global Options:' },
  'help.default': { zh: '（默认：{value}）', en: '(default: {value})' },
  'help.version': { zh: '显示版本', en: 'show the version' },
  'help.help': { zh: '显示帮助', en: 'show help' },
  'help.helpCommand': { zh: '显示某个命令的帮助', en: 'show help for a command' },
  'help.lang': { zh: '提示语言：zh（默认）或 en', en: 'language of messages: zh (default) or en' },
  'help.json': {
    zh: '输出 JSON（出错时也是 JSON：代码、文件、行、列、说明）',
    en: 'print JSON (errors too: code, file, line, column, message)',
  },
  'help.force': { zh: '覆盖已存在的文件', en: 'replace an existing file' },
  'help.output': { zh: '输出文件（- 为标准输出）', en: 'output file (- for standard output)' },

  'help.score': {
    zh: '按评分规则集为实际完成值文件评分（可给目录：其中所有 *.actuals.yaml）',
    en: 'score actuals files under their rule set (a folder: every *.actuals.yaml in it)',
  },
  'help.score.actuals': {
    zh: '实际完成值文件（YAML）或目录；- 读标准输入（其中的相对路径以当前目录为准）',
    en: 'actuals files (YAML) or folders; - reads standard input (its relative paths from the current folder)',
  },
  'help.score.rules': { zh: '改用此规则集（编号或文件路径）', en: 'score under this rule set instead (id or path)' },
  'help.init': {
    zh: '由指标定义文件生成供填报的实际完成值文件',
    en: 'make the actuals file a department fills from a definitions file',
  },
  'help.init.definitions': { zh: '指标定义文件（YAML）', en: 'indicator definitions file (YAML)' },
  'help.render': {
    zh: '生成绩效自评表 PDF（一次运行只启动一个浏览器）；给指标定义文件时生成供手工填写的空白表',
    en: 'print the self-evaluation form as PDF (one browser per run); a definitions file prints the blank form',
  },
  'help.render.output': { zh: '输出 PDF 文件；多个表单时为目录', en: 'output PDF file; a folder for several forms' },
  'help.batch': {
    zh: '批量生成一年的绩效自评表：逐张写出 PDF，可中断后续跑，附汇总页和日志；--queue 时分给多台机器的工作进程',
    en: 'print a year of forms: each PDF written as it is done, resumable, with a summary page and a journal; --queue spreads them over workers',
  },
  'help.batch.inputs': {
    zh: '目录（查找 *.actuals.yaml 与 *.xlsx）、表单文件，或清单文件（每行一个路径）',
    en: 'folders (searched for *.actuals.yaml and *.xlsx), form files, or list files (one path per line)',
  },
  'help.batch.output': {
    zh: '输出目录：PDF、index.html、summary.csv 与 journal.jsonl',
    en: 'output folder: the PDFs, index.html, summary.csv and journal.jsonl',
  },
  'help.batch.cache': {
    zh: '表单缓存目录（默认：$JIXIAO_CACHE，否则 ~/.cache/jixiao）；重跑时文件与规则集都未改动的 YAML 表不再评分即可判定跳过，可随时删除',
    en: 'form cache folder (default: $JIXIAO_CACHE, else ~/.cache/jixiao); on a re-run, YAML forms whose files and rule set are unchanged are skipped without being scored; delete it any time',
  },
  'help.batch.noCache': { zh: '不读也不写表单缓存', en: 'neither read nor write the form cache' },
  'help.batch.queue': {
    zh: '经 Redis 队列交给工作进程（redis://主机:端口）；表单与输出目录须在各机器相同路径的共享存储上',
    en: 'hand the forms to workers through a Redis queue (redis://host:port); forms and output must be on shared storage at the same path everywhere',
  },
  'help.batch.concurrency': {
    zh: '同时打印的页面数（默认 2，约等于 CPU 核数）',
    en: 'pages printed at once (default 2, about the CPU cores)',
  },
  'help.worker': {
    zh: '工作进程：从 Redis 队列取表单打印，PDF 写入共享输出目录；Ctrl-C 停止',
    en: 'worker: prints forms from the Redis queue into the shared output folder; Ctrl-C stops it',
  },
  'help.serve': {
    zh: '在浏览器中填报：本机网页表单，边填边算分，保存为同一份 YAML，打印同一份 PDF；Ctrl-C 停止',
    en: 'fill forms in a browser: a local web form scored as you type, saved to the same YAML, printed to the same PDF; Ctrl-C stops it',
  },
  'help.serve.folder': { zh: '要服务的文件夹（默认当前目录）', en: 'the folder to serve (default: the current one)' },
  'help.serve.port': { zh: '端口（默认 8470；0 表示由系统挑选）', en: 'port (default 8470; 0 lets the system pick)' },
  'help.serve.host': {
    zh: '监听地址（默认 127.0.0.1；非本机地址须加 --allow-remote）',
    en: 'address to listen on (default 127.0.0.1; others need --allow-remote)',
  },
  'help.serve.allowRemote': {
    zh: '允许在非本机地址上提供服务（会打印警告）',
    en: 'allow serving on an address other machines can reach (prints a warning)',
  },
  'help.serve.open': { zh: '启动后用系统浏览器打开', en: 'open the system browser once started' },
  'help.worker.queue': { zh: '队列地址（redis://主机:端口）', en: 'the queue (redis://host:port)' },
  'help.render.explain': {
    zh: '附“评分说明”：每行的计算过程与全部提示',
    en: 'append the scoring notes: each row’s calculation and every warning',
  },
  'help.render.html': { zh: '同时输出 HTML（单个表单）', en: 'also write the HTML (one form)' },
  'help.render.timeout': {
    zh: '每页生成时限（毫秒，1000–600000），超时在新页面重试一次',
    en: 'time limit per page (ms, 1000–600000); retried once on a fresh page',
  },
  'help.sign': {
    zh: '以某一角色对 PDF 数字签章（增量更新，之前的签名保持有效）；密码取自 JIXIAO_P12_PASSWORD 或提示输入',
    en: 'sign the PDF in one role (an incremental update; earlier signatures stay valid); password from JIXIAO_P12_PASSWORD or a prompt',
  },
  'help.sign.pdf': { zh: '由 jixiao render 生成的 PDF', en: 'a PDF made by jixiao render' },
  'help.sign.p12': { zh: '签章证书（PKCS#12）', en: 'signing certificate (PKCS#12)' },
  'help.sign.role': {
    zh: '填表人 | 审核人 | 单位负责人 | 单位盖章（按此顺序签署）；复核报告：复核人 | 复核负责人',
    en: 'preparer | reviewer | head | seal (signed in this order); a review report: checker | checkLead',
  },
  'help.sign.reason': { zh: '签署理由', en: 'reason for signing' },
  'help.sign.location': { zh: '签署地点', en: 'place of signing' },
  'help.sign.seal': {
    zh: '签章框中显示的印章图片（PNG/JPEG，≤ 2000×2000 像素）；单位盖章不给时用填报文件 signOff.seal 指定的图片',
    en: 'seal image shown in the signature box (PNG/JPEG, ≤ 2000×2000 px); for the unit seal the image the actuals name in signOff.seal is the default',
  },
  'help.sign.allowExpired': {
    zh: '证书过期时仍签署（带警告）',
    en: 'sign with an expired certificate (with a warning)',
  },
  'help.sign.output': {
    zh: '输出文件（默认写回原文件）',
    en: 'output file (default: the input file, updated in place)',
  },
  'help.verify': {
    zh: '核验签名、检查末次签名后有无追加内容，并用内嵌数据重新评分比对',
    en: 'verify signatures, check nothing follows the last one, and re-score the embedded data',
  },
  'help.verify.pdf': {
    zh: '已签署的 PDF；给出多个文件或文件夹时，每份一行汇总成表',
    en: 'a signed PDF; several files or folders give one line per form',
  },
  'help.verify.details': {
    zh: '逐项列出每个签名的各项检查（签名范围、内容摘要、证书、修订版本）',
    en: 'list every check of every signature (byte range, digest, certificate, revision)',
  },
  'help.verify.output': {
    zh: '把汇总表写成 .xlsx（中文表头）或 .csv',
    en: 'write the table as .xlsx (Chinese headers) or .csv',
  },
  'help.verify.trust': {
    zh: '受信任的根证书（PEM/DER 文件或放证书的文件夹，可重复）；不给时读环境变量 JIXIAO_TRUST',
    en: 'a trusted root certificate (PEM/DER file or a folder of them; repeatable); JIXIAO_TRUST is read when none is given',
  },
  'help.verify.crl': {
    zh: '证书吊销列表（CRL 文件或 http(s) 网址，可重复）：签署前已被吊销的证书使签名无效',
    en: 'a certificate revocation list (CRL file or http(s) address; repeatable): a certificate revoked before signing invalidates the signature',
  },
  'help.verify.render': {
    zh: '按内嵌数据重新印一遍表，逐页比较读者看到的像素（需启动浏览器和 pdftoppm，较慢）：页面上表以外画的东西都会被发现',
    en: 'print the form again from its embedded data and compare each page as a reader sees it (starts a browser and pdftoppm; slower): anything drawn besides the form is found',
  },
  'help.verify.allowCustomRules': {
    zh: '接受冒用发布规则集编号却内容不同的内嵌规则集（仍列出差异）',
    en: 'accept an embedded rule set that uses a shipped id but differs from it (the differences are still listed)',
  },
  'help.verify.allowNameMismatch': {
    zh: '接受签署证书姓名与表上所印姓名不同（代签）',
    en: 'accept a signer whose certificate name is not the name printed on the form (signing for someone)',
  },
  'help.sign.tsa': {
    zh: '向时间戳服务（RFC 3161，http/https 地址）申请时间戳，证明签署时间；证书过期后签名仍可核验。不给时读环境变量 JIXIAO_TSA',
    en: 'ask a time-stamping authority (RFC 3161, an http/https URL) for a timestamp proving when the signature was made, so it still verifies after the certificate expires; JIXIAO_TSA is read when none is given',
  },
  'help.sign.noTsa': {
    zh: '这次不申请时间戳（即使设了 JIXIAO_TSA）',
    en: 'ask for no timestamp this time (even with JIXIAO_TSA set)',
  },
  'help.sign.allowNameMismatch': {
    zh: '证书姓名与表上该角色所印姓名不同时仍签署（签章框同时印出两个姓名）',
    en: 'sign although the certificate name is not the name printed for the role (the box shows both names)',
  },
  'help.verify.roles': {
    zh: '这次核验要求已签的角色，逗号分隔（如 填表人,审核人，核验中间阶段时用）；默认为表上所有角色与单位盖章',
    en: 'the roles this check requires to have signed, comma-separated (e.g. preparer,reviewer, for an intermediate stage); by default every role the form prints and the seal',
  },
  'help.verify.allowUnsigned': {
    zh: '允许没有签名的文件（只核验内嵌数据）',
    en: 'accept a file without signatures (check the embedded data only)',
  },
  'help.keygen': {
    zh: '生成测试证书（PKCS#12；主题中标明“仅供测试”），可作测试 CA 或由测试 CA 颁发',
    en: 'make a test certificate (PKCS#12, marked TEST ONLY), as a test CA or issued by one',
  },
  'help.keygen.cn': { zh: '证书名称（CN），如 演示填表人', en: 'certificate name (CN)' },
  'help.keygen.output': { zh: '输出 .p12 文件', en: 'output .p12 file' },
  'help.keygen.ca': { zh: '生成测试 CA', en: 'make a test CA' },
  'help.keygen.issuer': {
    zh: '由此 CA 颁发（CA 密码取自 JIXIAO_CA_PASSWORD 或提示输入）',
    en: 'issued by this CA (its password from JIXIAO_CA_PASSWORD or a prompt)',
  },
  'help.keygen.certOut': {
    zh: '同时输出证书 PEM（可导入 NSS 数据库作为信任的 CA）',
    en: 'also write the certificate as PEM (to trust it in an NSS database)',
  },
  'help.keygen.days': { zh: '有效天数（1–36500）', en: 'days of validity (1–36500)' },
  'help.lint': {
    zh: '检查评分规则集（冲突、缺口、从不命中的规则、方法选项、权重、档次与等级线）或指标定义（不可衡量的目标、分值合计、重名）',
    en: 'check a rule set (conflicts, gaps, rules that never fire, method options, weights, bands, grade lines) or definitions (unmeasurable targets, weight sums, duplicate names)',
  },
  'help.lint.files': { zh: '规则集或指标定义文件', en: 'rule-set or definitions files' },
  'help.compare': {
    zh: '用两个评分规则集重新评分同一批表单，比较总分、等级与命中的规则（what-if）',
    en: 're-score the same forms under two rule sets and compare totals, grades and rules (what-if)',
  },
  'help.compare.forms': {
    zh: '实际完成值文件或目录（目录下所有 *.actuals.yaml）',
    en: 'actuals files or folders (every *.actuals.yaml in them)',
  },
  'help.compare.rules': { zh: '规则集编号或路径；给两次：A 与 B', en: 'rule-set id or path; give it twice: A and B' },
  'help.compare.csv': { zh: '每张表一行的 CSV', en: 'CSV with a line per form' },
  'help.compare.html': {
    zh: '独立的 HTML 报告（含规则集对照、总分变化图与等级变化矩阵）',
    en: 'self-contained HTML report (rule-set side by side, delta chart, grade matrix)',
  },
  'help.compare.reference': {
    zh: '用 json-rules-engine 本身评估规则（较慢；默认用与之等价的快速路径）',
    en: 'evaluate rules with json-rules-engine itself (slower; the default is an equivalent fast path)',
  },
  'help.compare.workers': {
    zh: '工作线程数（1–64；默认：200 张以上用全部 CPU 核）',
    en: 'worker threads (1–64; default: every core for 200+ forms)',
  },
  'help.compare.cache': {
    zh: '表单缓存目录（默认：$JIXIAO_CACHE，否则 ~/.cache/jixiao）；未改动的表单从缓存读回，可随时删除',
    en: 'form cache folder (default: $JIXIAO_CACHE, else ~/.cache/jixiao); unchanged forms are read back from it; delete it any time',
  },
  'help.compare.noCache': { zh: '不读也不写表单缓存', en: 'neither read nor write the form cache' },
  'help.test': { zh: '运行评分规则集的测试用例（<编号>.test.yaml）', en: 'run rule-set test cases (<id>.test.yaml)' },
  'help.test.rulesets': {
    zh: '规则集编号或路径；省略则运行全部内置规则集',
    en: 'rule-set ids or paths; all shipped rule sets when omitted',
  },
  'help.export': {
    zh: '导出自评表工作簿（.xlsx，Excel/WPS 可填写）：由指标定义得到空表，由实际完成值文件得到已填的表及“评分”页',
    en: 'export the form workbook (.xlsx, to fill in Excel or WPS): blank from definitions, filled (with a sheet of scores) from an actuals file',
  },
  'help.export.file': { zh: '指标定义或实际完成值文件（YAML）', en: 'definitions or actuals file (YAML)' },
  'help.export.output': {
    zh: '输出的工作簿（默认与输入同名 .xlsx）',
    en: 'output workbook (default: the input’s name with .xlsx)',
  },
  'help.import': {
    zh: '导入填好的工作簿：写成实际完成值文件；文件已存在时合并进去，保留注释与顺序',
    en: 'import a filled workbook into the actuals file; an existing file is updated, keeping comments and order',
  },
  'help.import.workbook': {
    zh: '由 jixiao export 导出并填好的 .xlsx',
    en: 'a .xlsx exported by jixiao export and filled in',
  },
  'help.import.output': {
    zh: '实际完成值文件（默认与工作簿同名 .actuals.yaml；- 为标准输出）',
    en: 'actuals file (default: the workbook’s name with .actuals.yaml; - for standard output)',
  },
  'help.import.force': {
    zh: '指标定义在导出后改过也照样导入',
    en: 'import even if the definitions changed since the export',
  },
  'help.schema': {
    zh: '输出文件类型的 JSON Schema（definitions、actuals、ruleset、ruleset-tests、review-ruleset、review-tests）',
    en: 'print the JSON Schema of a file kind (definitions, actuals, ruleset, ruleset-tests, review-ruleset, review-tests)',
  },
  'help.schema.kind': { zh: '文件类型', en: 'file kind' },
  'help.ruleset': {
    zh: '评分规则集：show 输出解析 extends 之后的完整规则集',
    en: 'rule sets: show prints a rule set with extends resolved',
  },
  'help.ruleset.show': {
    zh: '输出解析后的规则集（YAML；--json 为 JSON），含各参数的依据与生效日期',
    en: 'print the resolved rule set (YAML, or JSON with --json) with each parameter’s basis and date',
  },
  'help.ruleset.target': { zh: '规则集编号或文件路径', en: 'rule-set id or path' },
} as const satisfies Record<string, TextEntry>;
