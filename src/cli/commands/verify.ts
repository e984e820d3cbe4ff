import Table from 'cli-table3';
import { diagnosticJson } from '../../errors/message';
import { text, textOf, textOfRef, type TextKey } from '../../errors/texts';
import { verifyPdf } from '../../pipeline';
import { EXIT, printDiagnostics, type OutputMode } from '../exitCodes';
import type { Io } from '../io';
import { paint } from '../style';

const yes = (v: boolean): string => (v ? '✓' : '✗');
const COLUMNS: TextKey[] = ['verify.col.index', 'verify.col.role', 'verify.col.signer', 'verify.col.issuer', 'verify.col.time', 'verify.col.range', 'verify.col.digest', 'verify.col.signature', 'verify.col.certificate', 'verify.col.revision', 'verify.col.after'];

/** `jixiao verify signed.pdf [--json]`: exit 0 only when every check holds. */
export async function verifyCommand(file: string, options: { json?: boolean; allowUnsigned?: boolean }, io: Io, mode: OutputMode): Promise<number> {
  const { lang } = mode;
  const report = await verifyPdf(file, options.allowUnsigned ? { allowUnsigned: true } : {});
  const roleName = (role: string | null): string => (role === 'preparer' || role === 'reviewer' || role === 'head' ? text(`role.${role}`, lang) : text('verify.role.unknown', lang));
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          ...report,
          signatures: report.signatures.map((s) => ({ ...s, roleLabel: roleName(s.role), problems: s.problems.map((p) => textOfRef(p, lang)) })),
          embedded: { ...report.embedded, problems: report.embedded.problems.map((p) => diagnosticJson(p, lang)) },
          reasons: report.reasons.map((r) => textOfRef(r, lang)),
        },
        null,
        2,
      ),
    );
    return report.ok ? EXIT.ok : EXIT.input;
  }
  io.out(text('verify.summary', lang, { file, revisions: report.revisions, signatures: report.signatures.length }));
  if (report.signatures.length > 0) {
    const table = new Table({ head: COLUMNS.map((c) => textOf(c, lang)), style: { head: [], border: [] } });
    for (const s of report.signatures) {
      table.push([s.index, roleName(s.role), s.signer, s.issuer, s.signingTime ?? '', yes(s.rangeValid), yes(s.digestValid), yes(s.signatureValid), yes(s.certificateValidAtSigning), s.revision || '—', s.bytesAfter]);
    }
    io.out(table.toString());
  }
  const e = report.embedded;
  if (e.found) {
    io.out(text('verify.embedded', lang, { version: e.jixiaoVersion, ruleSet: e.ruleSet, hashes: text(e.hashesMatch ? 'verify.hashes.match' : 'verify.hashes.differ', lang) }));
    const verdict = e.rescoreMatches ? text('verify.rescore.same', lang) : text('verify.rescore.differs', lang, { fields: e.differences.join(', ') });
    io.out(text('verify.rescore', lang, { total: e.total ?? '—', grade: e.grade ? text('verify.rescore.grade', lang, { grade: e.grade }) : '', rescored: e.rescoredTotal ?? '—', verdict }));
  }
  printDiagnostics(io, mode, e.problems);
  if (report.ok) io.out(paint(text('verify.ok', lang), 'info', io.colour));
  else for (const r of report.reasons) io.out(paint(text('verify.failed', lang, { reason: textOfRef(r, lang) }), 'error', io.colour));
  return report.ok ? EXIT.ok : EXIT.input;
}
