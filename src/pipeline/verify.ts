import { readInput } from '../load/files';
import { diagnostic, InputError, type Diagnostic } from '../errors/diagnostic';
import { resultToJson } from '../report/json';
import { factDifferences } from '../report/scoringFacts';
import { canonicalJson, sha256Hex, type EmbeddedData } from '../sign/embeddedData';
import { loadPdf, readEmbeddedData, signatureFields } from '../sign/pdfRead';
import { checkSignatures, revisionEnds, type SignatureCheck } from '../sign/verify';
import { textRef, type TextRef } from '../errors/texts';
import { scoreTexts } from './stages';
import { pageAgainstData } from './pageCheck';
import { changesBeforeSignatures } from '../sign/revisions';
import { printedNames, roleBreaches, unitNames } from '../sign/roles';
import { ROLES, type Role } from '../domain/glossary';

const isRole = (r: string | null): r is Role => (ROLES as readonly (string | null)[]).includes(r);
import { ruleSetFromText, shippedRuleSet } from '../load/ruleSets';
import { diffRuleSets } from '../compare/ruleSetDiff';
import { listOf } from '../errors/texts';
import { trustAnchors } from './trustAnchors';

export interface SignatureReport extends SignatureCheck {
  role: string | null;
  /** A certification signature (DocMDP): the permission level it sets (2: fill in and sign only), else null. */
  certifies: number | null;
  /** Every check of this signature holds. */
  valid: boolean;
}

export interface VerifyReport {
  file: string;
  revisions: number;
  signatures: SignatureReport[];
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
  roles: { required: Role[]; signed: Role[]; missing: Role[] };
  /** Intact, every identity verified and every required role signed: only then is the form 核验通过. */
  ok: boolean;
  /** Why the file is not intact, each a catalog text (said in the reader's language by the CLI). */
  reasons: TextRef[];
  /** Why the signers' identities are not verified (the file may still be intact). */
  identityReasons: TextRef[];
}

/**
 * A rule set embedded under the id of one shipped with jixiao must be that rule set (the same resolved content):
 * otherwise lowered grade lines could pass for the official rules. Returns what differs, or null.
 */
function ruleSetDifferences(text: string, name: string): { id: string; version: string; differences: string[] } | null {
  const embedded = ruleSetFromText(text, name);
  const shipped = shippedRuleSet(embedded.file.id);
  if (!shipped || shipped.sha256 === embedded.sha256) return null;
  const differences = diffRuleSets(shipped.file, embedded.file).map((d) => `${d.item} ${d.a} → ${d.b}`);
  if (embedded.file.version !== shipped.file.version) differences.unshift(`version ${shipped.file.version} → ${embedded.file.version}`);
  return { id: embedded.file.id, version: embedded.file.version, differences: differences.length > 0 ? differences : ['name / notes'] };
}

/** The page check; a page PDF.js cannot read at all is a finding, never a crash. */
async function pageFindings(bytes: Buffer, result: Parameters<typeof pageAgainstData>[1]): Promise<TextRef[]> {
  try {
    return await pageAgainstData(bytes, result);
  } catch {
    return [textRef('verify.page.unreadable')];
  }
}

/**
 * Verifies a signed form: every signature (range, digest, CMS), nothing unsigned after the last one,
 * and the embedded inputs re-scored with the embedded rule set give the embedded result.
 */
export interface VerifyOptions {
  allowUnsigned?: boolean;
  allowCustomRules?: boolean;
  allowNameMismatch?: boolean;
  trust?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** The roles a check of an intermediate stage requires (填表人 and 审核人 before the head signs); all printed by default. */
  requiredRoles?: readonly Role[];
}

/** Which roles a check requires and which of them the signatures cover. */
function rolesOf(report: VerifyReport, embedded: EmbeddedData | undefined, options: VerifyOptions): VerifyReport['roles'] {
  const printed = embedded ? ROLES.filter((r) => embedded.signatureBoxes.some((b) => b.role === r)) : [...ROLES];
  // a check of the data alone (--allow-unsigned on an unsigned file) requires no signature
  const byDefault = options.allowUnsigned && report.signatures.length === 0 ? [] : printed;
  const required = options.requiredRoles ? ROLES.filter((r) => options.requiredRoles?.includes(r)) : byDefault;
  const signed = ROLES.filter((r) => report.signatures.some((s) => s.role === r && s.valid));
  return { required, signed, missing: required.filter((r) => !signed.includes(r)) };
}

export async function verifyPdf(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const anchors = trustAnchors(options.trust ?? [], options.env);
  const bytes = readInput(file, 'pdf');
  const reasons: TextRef[] = [];
  const identityReasons: TextRef[] = [];
  const report: VerifyReport = {
    file,
    revisions: revisionEnds(bytes).length,
    signatures: [],
    resaved: false,
    unsignedBytesAfterLast: 0,
    embedded: { found: false, hashesMatch: false, jixiaoVersion: '', ruleSet: '', actualsSha256: '', rescoreMatches: false, total: null, grade: null, department: '', project: '', rescoredTotal: null, differences: [], ruleSetDifferences: [], problems: [] },
    intact: false,
    identityVerified: false,
    roles: { required: [], signed: [], missing: [] },
    ok: false,
    reasons,
    identityReasons,
  };

  let fields: ReturnType<typeof signatureFields> = [];
  let embedded: EmbeddedData | undefined;
  let whole: Awaited<ReturnType<typeof loadPdf>> | undefined;
  try {
    const doc = await loadPdf(bytes, file);
    whole = doc;
    fields = signatureFields(doc);
    embedded = readEmbeddedData(doc, file).data;
  } catch (error) {
    // whatever is wrong with the structure of a file under verification is a finding about that file, never a crash
    if (error instanceof InputError) report.embedded.problems.push(...error.diagnostics);
    else report.embedded.problems.push(diagnostic('PDF_UNREADABLE', { path: file, detail: (error as Error).message.split('\n')[0] ?? '' }));
    reasons.push(textRef('verify.reason.unreadable'));
  }

  // the signatures are the document's signature fields: a file whose structure cannot be read has none to check
  const checks = checkSignatures(bytes, fields.flatMap((f) => (f.byteRange ? [f.byteRange] : [])), anchors);
  const fieldByRange = new Map(fields.flatMap((f) => (f.byteRange ? [[f.byteRange.join(' '), f] as const] : [])));
  report.signatures = checks.map((c) => {
    const field = fieldByRange.get(c.byteRange.join(' '));
    const valid = c.rangeValid && c.digestValid && c.signatureValid && c.certificateValidAtSigning && c.revision > 0 && c.timestamp?.valid !== false;
    return { ...c, role: field?.role ?? null, certifies: field?.certifies ?? null, valid };
  });
  if (checks.length === 0 && !options.allowUnsigned) reasons.push(textRef('verify.reason.unsigned'));
  // said once, in plain words, instead of every signature's range and digest failing one by one
  report.resaved = report.signatures.length > 0 && report.signatures.every((s) => !s.rangeValid);
  if (report.resaved) reasons.push(textRef('verify.reason.resaved'));
  for (const s of report.signatures) {
    if (s.valid || report.resaved) continue;
    const problems = s.problems.length > 0 ? s.problems : [textRef('verify.reason.notWholeRevision')];
    for (const problem of problems) reasons.push(textRef('verify.reason.invalidSignature', { index: s.index, problems: problem }));
  }
  // between one signature and the next, only what the next signature adds may change
  const changes = await changesBeforeSignatures(bytes, report.signatures.filter((s) => s.rangeValid).map((s) => ({ index: s.index, revision: s.revision })), whole);
  for (const [index, whats] of changes) for (const what of whats) reasons.push(textRef('verify.reason.changedBefore', { index, what }));
  const last = report.signatures.reduce<SignatureReport | undefined>((m, s) => (!m || s.byteRange[2] + s.byteRange[3] > m.byteRange[2] + m.byteRange[3] ? s : m), undefined);
  if (last) {
    report.unsignedBytesAfterLast = last.bytesAfter;
    if (last.bytesAfter > 0) reasons.push(textRef('verify.reason.bytesAfter', { bytes: last.bytesAfter }));
  }

  if (embedded) {
    // who signed in which role, in which order, against the names the form prints
    const breaches = roleBreaches(
      printedNames(embedded.inputs.actuals.text),
      report.signatures.map((s) => ({ role: isRole(s.role) ? s.role : null, signer: s.signer, organization: s.organization, fingerprint: s.fingerprint })),
      { allowNameMismatch: options.allowNameMismatch === true, units: unitNames(embedded) },
    );
    // a re-saved file's signers cannot be read: who signed in which role is not a question it can answer
    for (const { index, breach } of report.resaved ? [] : breaches) {
      report.embedded.problems.push(breach);
      reasons.push(textRef('verify.reason.role', { index }));
    }
    const e = report.embedded;
    e.found = true;
    e.jixiaoVersion = embedded.jixiaoVersion;
    e.ruleSet = embedded.inputs.ruleSet.id;
    e.actualsSha256 = embedded.inputs.actuals.sha256;
    const inputs = [embedded.inputs.definitions, embedded.inputs.actuals, embedded.inputs.ruleSet];
    e.hashesMatch = inputs.every((i) => sha256Hex(i.text) === i.sha256) && sha256Hex(canonicalJson(embedded.result)) === embedded.resultSha256;
    if (!e.hashesMatch) reasons.push(textRef('verify.reason.hashes'));
    const stated = embedded.result as { total?: string; grade?: { label?: string } | null };
    e.total = stated.total ?? null;
    e.grade = stated.grade?.label ?? null;
    try {
      const rescoredForm = (
        await scoreTexts({
          definitions: { name: embedded.inputs.definitions.name, text: embedded.inputs.definitions.text },
          actuals: { name: embedded.inputs.actuals.name, text: embedded.inputs.actuals.text },
          ruleSet: { name: embedded.inputs.ruleSet.name, text: embedded.inputs.ruleSet.text },
        })
      ).result;
      const rescored = resultToJson(rescoredForm);
      e.department = rescoredForm.department;
      e.project = rescoredForm.header.project?.name ?? '';
      // the page a reader sees must say what the data scores to
      for (const what of await pageFindings(bytes, rescoredForm)) reasons.push(textRef('verify.reason.pageDiffers', { what }));
      e.rescoredTotal = rescored.total;
      // the facts, not their wording: a PDF signed by an older version verifies after the output's text changes
      e.differences = factDifferences(rescored, embedded.result);
      e.rescoreMatches = e.differences.length === 0;
      if (!e.rescoreMatches) reasons.push(textRef('verify.reason.rescore', { fields: e.differences.join(', ') }));
      const modified = ruleSetDifferences(embedded.inputs.ruleSet.text, embedded.inputs.ruleSet.name);
      if (modified) {
        e.ruleSetDifferences = modified.differences;
        if (!options.allowCustomRules) {
          e.problems.push(diagnostic('RULESET_MODIFIED', { id: modified.id, version: modified.version, differences: listOf(modified.differences) }));
          reasons.push(textRef('verify.reason.rulesetModified', { id: modified.id }));
        }
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      e.problems.push(...error.diagnostics);
      reasons.push(textRef('verify.reason.notRescorable'));
    }
  }
  report.intact = reasons.length === 0;
  if (anchors.length === 0 && report.signatures.length > 0) identityReasons.push(textRef('verify.identity.noAnchors'));
  for (const s of report.signatures) {
    for (const problem of s.trust.problems) identityReasons.push(textRef('verify.identity.untrusted', { index: s.index, signer: s.signer, problems: problem }));
  }
  report.identityVerified = identityReasons.length === 0 && report.signatures.every((s) => s.trust.trusted === true);
  report.roles = rolesOf(report, embedded, options);
  report.ok = report.intact && report.identityVerified && report.roles.missing.length === 0;
  return report;
}
