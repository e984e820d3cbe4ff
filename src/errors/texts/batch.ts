import type { TextEntry } from './entry';

/** `jixiao batch` and `jixiao worker`: progress, the summary and its index page. */
export const BATCH_TEXTS = {
  'batch.title': { zh: '批量生成绩效自评表：{count} 张', en: 'Batch of self-evaluation forms: {count}' },
  'batch.bar': {
    zh: '生成 {bar} {value}/{total} 张 · {rate} 张/秒 · 预计还需 {eta_formatted}',
    en: 'printing {bar} {value}/{total} forms · {rate} forms/s · ETA {eta_formatted}',
  },
  'batch.line.rendered': {
    zh: '[{done}/{total}] {input} → {output}（{status}{score}）',
    en: '[{done}/{total}] {input} → {output} ({status}{score})',
  },
  'batch.line.skipped': {
    zh: '[{done}/{total}] {input} 未改动，跳过',
    en: '[{done}/{total}] {input} unchanged, skipped',
  },
  'batch.line.failed': {
    zh: '[{done}/{total}] {input} 未生成：{codes}',
    en: '[{done}/{total}] {input} not printed: {codes}',
  },
  'batch.summary': {
    zh: '共 {total} 张：生成 {rendered}，未改动跳过 {skipped}，草稿 {drafts}，失败 {failed}；用时 {seconds} 秒（{rate} 张/秒）{relaunches}',
    en: '{total} forms: {rendered} printed, {skipped} unchanged and skipped, {drafts} drafts, {failed} failed; {seconds} s ({rate} forms/s){relaunches}',
  },
  'batch.relaunches': { zh: '；浏览器重启 {count} 次', en: '; browser relaunched {count} time(s)' },
  'batch.wroteIndex': {
    zh: '汇总：{index}、{csv}；日志：{journal}',
    en: 'Summary: {index}, {csv}; journal: {journal}',
  },
  'batch.cache': {
    zh: '表单缓存 {dir}：{hits} 张未改动的表未重新评分即判定，{misses} 张读取并评分',
    en: 'form cache {dir}: {hits} unchanged forms told without scoring, {misses} read and scored',
  },
  'batch.queued': {
    zh: '已加入队列 {queue}：{count} 张（另有 {skipped} 张未改动）；等待工作进程……',
    en: 'Queued on {queue}: {count} forms ({skipped} unchanged); waiting for workers…',
  },
  'batch.worker.ready': {
    zh: '工作进程已就绪：队列 {queue}，同时处理 {concurrency} 张；按 Ctrl-C 停止',
    en: 'Worker ready: queue {queue}, {concurrency} forms at a time; Ctrl-C stops it',
  },
  'batch.worker.done': {
    zh: '{input} → {output}（{status}{score}，{ms} 毫秒）',
    en: '{input} → {output} ({status}{score}, {ms} ms)',
  },
  'batch.worker.stopped': { zh: '工作进程已停止：共处理 {count} 张', en: 'Worker stopped: {count} forms done' },
  'batch.status.complete': { zh: '完成', en: 'complete' },
  'batch.status.draft': { zh: '草稿', en: 'draft' },
  'batch.status.blank': { zh: '空白表', en: 'blank' },
  'batch.status.failed': { zh: '失败', en: 'failed' },
  'batch.index.title': { zh: '批量生成结果', en: 'Batch results' },
  'batch.index.generated': { zh: '生成时间', en: 'Generated' },
  'batch.index.forms': { zh: '表单', en: 'Forms' },
  'batch.index.grades': { zh: '等级分布', en: 'Grades' },
  'batch.index.noGrade': { zh: '无等级', en: 'no grade' },
  'batch.index.col.input': { zh: '输入文件', en: 'Input' },
  'batch.index.col.title': { zh: '项目 / 部门', en: 'Project / department' },
  'batch.index.col.status': { zh: '状态', en: 'Status' },
  'batch.index.col.total': { zh: '总分', en: 'Total' },
  'batch.index.col.grade': { zh: '等级', en: 'Grade' },
  'batch.index.col.warnings': { zh: '提示数', en: 'Warnings' },
  'batch.index.col.codes': { zh: '代码', en: 'Codes' },
  'batch.index.col.pdf': { zh: 'PDF', en: 'PDF' },
} as const satisfies Record<string, TextEntry>;
