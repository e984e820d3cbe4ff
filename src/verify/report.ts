import type { Diagnostic } from '../errors/diagnostic';
import type { TextRef } from '../errors/texts';
import type { SignRole } from '../domain/glossary';
import type { RevocationList } from '../sign/revocation';
import type { Printer } from './renderCheck';
import type { SignatureCheck } from '../sign/verify';

export interface SignatureReport extends SignatureCheck {
  role: string | null;
  /** A certification signature (DocMDP): the permission level it sets (2: fill in and sign only), else null. */
  certifies: number | null;
  /** Every check of this signature holds. */
  valid: boolean;
}

/** A document timestamp (`jixiao ltv`): when the whole file, signatures and validation data, is proven to exist. */
export interface DocumentTimestampReport {
  index: number;
  byteRange: number[];
  revision: number;
  /** The TSA's time, ISO ('' when unreadable). */
  time: string;
  authority: string;
  /** Its range, imprint and token signature hold. */
  valid: boolean;
  /** Its TSA leads to a trusted root (null when no root was given). */
  trusted: boolean | null;
  problems: TextRef[];
}

export interface VerifyReport {
  file: string;
  /** What the file is: a self-evaluation form, or a 复核报告 (reviewer roles, no score to reproduce). */
  kind: 'form' | 'review';
  revisions: number;
  signatures: SignatureReport[];
  /** The document timestamps after the signatures (long-term validation). */
  timestamps: DocumentTimestampReport[];
  /**
   * Every signature's byte range misses the file's bytes: the whole file was written anew by another program (a
   * viewer's "save as", a PDF tool), which keeps the signature fields but not the bytes they signed.
   */
  resaved: boolean;
  /** Bytes after the last signature's range: an unsigned update (empty when 0). */
  unsignedBytesAfterLast: number;
  embedded: {
    found: boolean;
    hashesMatch: boolean;
    jixiaoVersion: string;
    ruleSet: string;
    /** SHA-256 of the embedded actuals file as written: tells whether the file on disk is the one that was signed. */
    actualsSha256: string;
    /** The embedded inputs scored again give the embedded result. */
    rescoreMatches: boolean;
    total: string | null;
    grade: string | null;
    /** The unit and project the form is for, as the embedded inputs say ('' when they cannot be read). */
    department: string;
    project: string;
    rescoredTotal: string | null;
    differences: string[];
    /** What differs from the shipped rule set of the same id (empty when it is that rule set, or a custom id). */
    ruleSetDifferences: string[];
    problems: Diagnostic[];
  };
  /** Every signature holds, nothing unsigned follows, the embedded data re-scores to itself. */
  intact: boolean;
  /** Every signer's certificate leads to a trusted root (false when no root was given). */
  identityVerified: boolean;
  /**
   * The roles this check requires (by default every role the form prints a box for), which of them have signed,
   * which are missing: a form is finished, and can be 核验通过, only when none is missing.
   */
  roles: { required: SignRole[]; signed: SignRole[]; missing: SignRole[] };
  /** Intact, every identity verified and every required role signed: only then is the form 核验通过. */
  ok: boolean;
  /** Why the file is not intact, each a catalog text (said in the reader's language by the CLI). */
  reasons: TextRef[];
  /** Why the signers' identities are not verified (the file may still be intact). */
  identityReasons: TextRef[];
}

/** A report with nothing found yet: each check fills in its part. */
export function emptyReport(file: string, revisions: number): VerifyReport {
  return {
    file,
    kind: 'form',
    revisions,
    signatures: [],
    timestamps: [],
    resaved: false,
    unsignedBytesAfterLast: 0,
    embedded: {
      found: false,
      hashesMatch: false,
      jixiaoVersion: '',
      ruleSet: '',
      actualsSha256: '',
      rescoreMatches: false,
      total: null,
      grade: null,
      department: '',
      project: '',
      rescoredTotal: null,
      differences: [],
      ruleSetDifferences: [],
      problems: [],
    },
    intact: false,
    identityVerified: false,
    roles: { required: [], signed: [], missing: [] },
    ok: false,
    reasons: [],
    identityReasons: [],
  };
}

/**
 * How a signed form is verified: every signature (range, digest, CMS), nothing unsigned after the last one,
 * and the embedded inputs re-scored with the embedded rule set give the embedded result.
 */
export interface VerifyOptions {
  allowUnsigned?: boolean;
  allowCustomRules?: boolean;
  allowNameMismatch?: boolean;
  trust?: readonly string[];
  /** Print the form again from its embedded data and compare the pages as a reader sees them (starts a browser). */
  render?: boolean;
  /** The browser `render` prints with, when the caller runs one for many files. */
  renderPrinter?: Printer;
  /** Certificate revocation lists to hold each signer's path against: files or http(s) addresses (--crl). */
  crl?: readonly string[];
  /** The same lists already read (a run over many files reads and fetches them once). */
  crlLists?: readonly RevocationList[];
  env?: NodeJS.ProcessEnv;
  /** The roles a check of an intermediate stage requires (填表人 and 审核人 before the head signs); all printed by default. */
  requiredRoles?: readonly SignRole[];
}
