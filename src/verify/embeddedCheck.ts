import { diagnostic, InputError } from '../errors/diagnostic';
import { listOf, textRef, type TextRef } from '../errors/texts';
import { ROLES, type Role } from '../domain/glossary';
import { diffRuleSets } from '../compare/ruleSetDiff';
import { ruleSetFromText, shippedRuleSet } from '../load/ruleSets';
import { scoreTexts, type ScoredForm } from '../pipeline/stages';
import { resultToJson } from '../report/json';
import { factDifferences } from '../report/scoringFacts';
import { canonicalJson, sha256Hex, type EmbeddedData } from '../pdfdoc/embeddedData';
import { printedNames, roleBreaches, unitNames } from '../sign/roles';
import { pageAgainstData, type PrintedPages } from './pageCheck';
import type { VerifyOptions, VerifyReport } from './report';

const isRole = (r: string | null): r is Role => (ROLES as readonly (string | null)[]).includes(r);

/**
 * A rule set embedded under the id of one shipped with jixiao must be that rule set (the same resolved content):
 * otherwise lowered grade lines could pass for the official rules. Returns what differs, or null.
 */
function ruleSetDifferences(text: string, name: string): { id: string; version: string; differences: string[] } | null {
  const embedded = ruleSetFromText(text, name);
  const shipped = shippedRuleSet(embedded.file.id);
  if (!shipped || shipped.sha256 === embedded.sha256) return null;
  const differences = diffRuleSets(shipped.file, embedded.file).map((d) => `${d.item} ${d.a} → ${d.b}`);
  if (embedded.file.version !== shipped.file.version)
    differences.unshift(`version ${shipped.file.version} → ${embedded.file.version}`);
  return {
    id: embedded.file.id,
    version: embedded.file.version,
    differences: differences.length > 0 ? differences : ['name / notes'],
  };
}

/** The page check; a page PDF.js cannot read at all is a finding, never a crash. */
async function pageFindings(pages: PrintedPages, result: Parameters<typeof pageAgainstData>[1]): Promise<TextRef[]> {
  const words = await pages();
  return words ? pageAgainstData(words, result) : [textRef('verify.page.unreadable')];
}

/** Who signed in which role, in which order, against the names the form prints (unless the file was re-saved). */
function checkRoles(embedded: EmbeddedData, report: VerifyReport, options: VerifyOptions): void {
  const breaches = roleBreaches(
    printedNames(embedded.inputs.actuals.text),
    report.signatures.map((s) => ({
      role: isRole(s.role) ? s.role : null,
      signer: s.signer,
      organization: s.organization,
      fingerprint: s.fingerprint,
    })),
    { allowNameMismatch: options.allowNameMismatch === true, units: unitNames(embedded) },
  );
  // a re-saved file's signers cannot be read: who signed in which role is not a question it can answer
  for (const { index, breach } of report.resaved ? [] : breaches) {
    report.embedded.problems.push(breach);
    report.reasons.push(textRef('verify.reason.role', { index }));
  }
}

/**
 * The embedded data: its hashes, the roles against the names it prints, and its inputs scored again with its rule
 * set — the same scoring facts, the page saying them, and the rule set the shipped one when it bears its id.
 */
export async function checkEmbedded(
  pages: PrintedPages,
  embedded: EmbeddedData,
  report: VerifyReport,
  options: VerifyOptions,
): Promise<ScoredForm | null> {
  const { reasons } = report;
  checkRoles(embedded, report, options);
  const e = report.embedded;
  e.found = true;
  e.jixiaoVersion = embedded.jixiaoVersion;
  e.ruleSet = embedded.inputs.ruleSet.id;
  e.actualsSha256 = embedded.inputs.actuals.sha256;
  const inputs = [embedded.inputs.definitions, embedded.inputs.actuals, embedded.inputs.ruleSet];
  e.hashesMatch =
    inputs.every((i) => sha256Hex(i.text) === i.sha256) &&
    sha256Hex(canonicalJson(embedded.result)) === embedded.resultSha256;
  if (!e.hashesMatch) reasons.push(textRef('verify.reason.hashes'));
  const stated = embedded.result as { total?: string; grade?: { label?: string } | null };
  e.total = stated.total ?? null;
  e.grade = stated.grade?.label ?? null;
  try {
    return await rescore(pages, embedded, report, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    e.problems.push(...error.diagnostics);
    reasons.push(textRef('verify.reason.notRescorable'));
    return null;
  }
}

/** The embedded inputs scored again: the facts, the page and the rule set's identity. Returns the scored form. */
async function rescore(
  pages: PrintedPages,
  embedded: EmbeddedData,
  report: VerifyReport,
  options: VerifyOptions,
): Promise<ScoredForm> {
  const { reasons, embedded: e } = report;
  const { definitions, actuals, ruleSet } = embedded.inputs;
  const scored = await scoreTexts({
    definitions: { name: definitions.name, text: definitions.text },
    actuals: { name: actuals.name, text: actuals.text },
    ruleSet: { name: ruleSet.name, text: ruleSet.text },
  });
  const rescoredForm = scored.result;
  const rescored = resultToJson(rescoredForm);
  e.department = rescoredForm.department;
  e.project = rescoredForm.header.project?.name ?? '';
  // the page a reader sees must say what the data scores to
  for (const what of await pageFindings(pages, rescoredForm))
    reasons.push(textRef('verify.reason.pageDiffers', { what }));
  e.rescoredTotal = rescored.total;
  // the facts, not their wording: a PDF signed by an older version verifies after the output's text changes
  e.differences = factDifferences(rescored, embedded.result);
  e.rescoreMatches = e.differences.length === 0;
  if (!e.rescoreMatches) reasons.push(textRef('verify.reason.rescore', { fields: e.differences.join(', ') }));
  const modified = ruleSetDifferences(ruleSet.text, ruleSet.name);
  if (!modified) return scored;
  e.ruleSetDifferences = modified.differences;
  if (options.allowCustomRules) return scored;
  e.problems.push(
    diagnostic('RULESET_MODIFIED', {
      id: modified.id,
      version: modified.version,
      differences: listOf(modified.differences),
    }),
  );
  reasons.push(textRef('verify.reason.rulesetModified', { id: modified.id }));
  return scored;
}
