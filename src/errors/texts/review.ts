import type { TextEntry } from './entry';

/** `jixiao review` and `jixiao review import`: help, progress and the summary. */
export const REVIEW_TEXTS = {
  'help.review': {
    zh: '复核一个年度的自评表：重新评分、按复核规则查找问题、按风险排序、抽样，写出 复核.xlsx、index.html、review.json 与复核报告',
    en: "Re-check a year's self-evaluation forms: re-score them, find issues by review rules, rank by risk, sample, and write the review workbook, index.html, review.json and the report",
  },
  'help.review.run': {
    zh: '复核一个年度的自评表（默认子命令）',
    en: "Re-check a year's forms (the default sub-command)",
  },
  'help.review.forms': {
    zh: '自评表或目录：*.actuals.yaml、*.xlsx、签章 PDF，可混合',
    en: 'forms or folders: *.actuals.yaml, *.xlsx and signed PDFs, in any mix',
  },
  'help.review.output': {
    zh: '复核目录（写出结果；已填的复核底稿会保留）',
    en: 'the review folder (its filled review worksheet is kept)',
  },
  'help.review.rules': {
    zh: '复核规则集编号或路径（默认 review-default）',
    en: 'review rule set id or path (review-default by default)',
  },
  'help.review.trust': {
    zh: '签章 PDF 须链接到的根证书（PEM，可给多次）',
    en: 'root certificate signed PDFs must chain to (PEM; may be given more than once)',
  },
  'help.review.previous': {
    zh: '上年的自评表目录：按部门与项目名称对照，查目标降低、连续超额、总分跳变',
    en: "last year's forms: matched by department and project, for lowered targets, repeated over-achievement and jumps",
  },
  'help.review.sample': { zh: '抽样：张数（如 12）或比例（如 20%）', en: 'sample: a count (12) or a share (20%)' },
  'help.review.seed': { zh: '抽样种子：同一种子抽出同一批表', en: 'sample seed: the same seed draws the same forms' },
  'help.review.by': { zh: '分层抽样：department（按部门）', en: 'stratified sample: department' },
  'help.review.withoutP0': {
    zh: '抽样不强制包含有 P0 发现的表',
    en: 'do not force every form with a P0 finding into the sample',
  },
  'help.review.workers': { zh: '读取表单的线程数（默认按 CPU）', en: 'threads reading forms (by default, the CPUs)' },
  'help.review.noPdf': { zh: '不生成复核报告 PDF', en: 'do not print the report PDF' },
  'help.review.cache': {
    zh: '表单缓存目录（默认：$JIXIAO_CACHE，否则 ~/.cache/jixiao）；文件与评分规则集都未改动的 YAML 表从缓存读回，可随时删除',
    en: 'form cache folder (default: $JIXIAO_CACHE, else ~/.cache/jixiao); YAML forms whose files and rule set are unchanged are read back from it; delete it any time',
  },
  'help.review.noCache': { zh: '不读也不写表单缓存', en: 'neither read nor write the form cache' },
  'help.review.import': {
    zh: '导入填好的复核底稿：按同一规则集重新计分，得出复核总分、等级与偏离度',
    en: 'import the filled review worksheet: re-score under the same rule sets for the reviewed totals, grades and deviation',
  },
  'help.review.import.workbook': { zh: '填好的 复核.xlsx', en: 'the filled review workbook (.xlsx)' },
  'help.review.import.json': {
    zh: '该次复核的 review.json（默认与工作簿同目录）',
    en: "the review's review.json (by default beside the workbook)",
  },
  'review.progress': {
    zh: '复核 {bar} {value}/{total} 张表 {eta_formatted}',
    en: 'reviewing {bar} {value}/{total} forms {eta_formatted}',
  },
  'review.summary': {
    zh: '复核 {forms} 张表（完成 {complete}，草稿 {draft}，失败 {failed}）：发现 P0 {p0} 项、P1 {p1} 项、P2 {p2} 项；抽中 {sampled} 张；用时 {seconds} 秒',
    en: 'Reviewed {forms} forms ({complete} complete, {draft} drafts, {failed} failed): {p0} P0, {p1} P1, {p2} P2 findings; {sampled} sampled; {seconds} s',
  },
  'review.top': { zh: '风险最高：', en: 'Highest risk:' },
  'review.topLine': {
    zh: '  {rank}. {project}（{department}）风险分 {risk}：{codes}',
    en: '  {rank}. {project} ({department}) risk {risk}: {codes}',
  },
  'review.cache': {
    zh: '表单缓存 {dir}：{hits} 张 YAML 表从缓存读回，{misses} 张从文件读取并评分（工作簿与签章 PDF 每次都重新读取、核验）',
    en: 'form cache {dir}: {hits} YAML forms read back, {misses} read from their files and scored (workbooks and signed PDFs are read and verified every time)',
  },
  'review.wrote': { zh: '已写出：{files}', en: 'Wrote: {files}' },
  'review.kept': { zh: '保留了复核底稿中已填的 {count} 行', en: 'Kept {count} filled rows of the review worksheet' },
  'review.imported': {
    zh: '导入 {forms} 张表的复核结果：',
    en: 'Imported the re-check of {forms} forms:',
  },
  'review.importLine': {
    zh: '  {input}：自评 {selfTotal}（{selfGrade}）→ 复核 {reviewTotal}（{reviewGrade}），偏离度 {deviation}',
    en: '  {input}: self {selfTotal} ({selfGrade}) → re-check {reviewTotal} ({reviewGrade}), deviation {deviation}',
  },
} as const satisfies Record<string, TextEntry>;
