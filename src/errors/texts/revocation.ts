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
} as const satisfies Record<string, TextEntry>;
