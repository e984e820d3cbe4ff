import type { TextEntry } from './entry';

/** How verify speaks of revocation (CRLs) and of long-term validation data. */
export const REVOCATION_TEXTS = {
  'verify.problem.revoked': {
    zh: '证书「{name}」已于 {date} 被吊销，早于签署时间',
    en: 'the certificate "{name}" was revoked on {date}, before the signing time',
  },
  'cli.revoked': {
    zh: '已吊销「{name}」（序列号 {serial}），吊销列表写入 {path}',
    en: 'revoked "{name}" (serial {serial}); the revocation list is written to {path}',
  },
  'usage.dateTime': {
    zh: '{option} 的取值「{value}」不是日期时间（如 2026-12-07T09:30:00+08:00）',
    en: '{option} "{value}" is not a date and time (e.g. 2026-12-07T09:30:00+08:00)',
  },
  'help.keygen.revoke': {
    zh: '吊销这张证书（证书文件或 .p12，可重复），由 --issuer 的 CA 写出吊销列表（CRL）到 -o',
    en: 'revoke this certificate (certificate file or .p12; repeatable): the --issuer CA writes its revocation list (CRL) to -o',
  },
  'help.keygen.crl': {
    zh: '与 --revoke 同用：这个 CA 上次写出的吊销列表，新列表保留其中各项',
    en: 'with --revoke: the revocation list this CA wrote before, whose entries the new list keeps',
  },
  'help.keygen.revokedAt': {
    zh: '与 --revoke 同用：吊销时间（ISO 日期时间，默认现在）',
    en: 'with --revoke: when the certificates were revoked (ISO date-time, now by default)',
  },
  'verify.reason.documentTimestamp': {
    zh: '第 {index} 个文档时间戳无效：{problems}',
    en: 'document timestamp {index} is invalid: {problems}',
  },
  'verify.documentTimestamp': {
    zh: '文档时间戳 #{index}：{time}（北京时间），由「{authority}」证明整个文件（含签名与长期验证数据）此时已存在{state}',
    en: 'Document timestamp #{index}: {time} (Beijing time), by "{authority}": the whole file (signatures and validation data) existed then{state}',
  },
  'help.ltv': {
    zh: '长期验证（PAdES B-LT/B-LTA）：把证书链和吊销列表写入文件（/DSS），再加文档时间戳，证书过期多年后仍可离线核验',
    en: 'long-term validation (PAdES B-LT/B-LTA): the chains and CRLs into the file (/DSS), then a document timestamp, so the form verifies offline years after its certificates expire',
  },
  'help.ltv.pdf': { zh: '已签署的 PDF', en: 'the signed PDF' },
  'help.ltv.output': {
    zh: '写到这个文件（默认覆盖原文件前先写临时文件）',
    en: 'write to this file (by default the input, via a temporary file)',
  },
  'help.ltv.tsa': {
    zh: '时间戳服务（RFC 3161，http 网址）；不给时读环境变量 JIXIAO_TSA',
    en: 'the time-stamping authority (RFC 3161, http address); JIXIAO_TSA when not given',
  },
  'help.ltv.crl': {
    zh: '要写入文件的吊销列表（CRL 文件或网址，可重复）',
    en: 'a revocation list to put in the file (CRL file or address; repeatable)',
  },
  'cli.ltvDone': {
    zh: '已写入长期验证数据：{certificates} 张证书、{crls} 个吊销列表，文档时间戳 {time}（北京时间）：{path}',
    en: 'long-term validation data written: {certificates} certificates, {crls} revocation lists, document timestamp {time} (Beijing time): {path}',
  },
  'verify.reason.changedBeforeTimestamp': {
    zh: '第 {index} 个文档时间戳所证明的文件，在上一次签署之后被改动过：{what}',
    en: 'the file document timestamp {index} proves was changed after the previous signing: {what}',
  },
  'verify.problem.chainEngine': {
    zh: '证书链未通过 RFC 5280 路径验证（pkijs）：{detail}',
    en: 'the certificate path fails RFC 5280 path validation (pkijs): {detail}',
  },
} as const satisfies Record<string, TextEntry>;
