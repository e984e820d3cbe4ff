import type { TextEntry } from './entry';

/** How verify speaks of revocation (CRLs) and of long-term validation data. */
export const REVOCATION_TEXTS = {
  'verify.problem.revoked': {
    zh: '证书「{name}」已于 {date} 被吊销，早于签署时间',
    en: 'the certificate "{name}" was revoked on {date}, before the signing time',
  },
} as const satisfies Record<string, TextEntry>;
