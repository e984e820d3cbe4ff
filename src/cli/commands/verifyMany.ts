import Table from 'cli-table3';
import { text } from '../../errors/texts';
import { summaryCells, summaryHeaders, verifyMany, verifySummaryFile, type VerifySummaryRow } from '../../verify';
import { EXIT, type OutputMode } from '../exitCodes';
import { writeOutput, type Io } from '../io';
import { verifyOptionsOf, type VerifyCommandOptions } from './verify';

/** 0 when every form is verified; 1 when any fails or still waits for a signature; 4 when the rest is only identities unverified. */
function exitOfAll(rows: readonly VerifySummaryRow[]): number {
  if (rows.every((r) => r.verdict === 'verified')) return EXIT.ok;
  return rows.some((r) => r.verdict === 'failed' || r.verdict === 'rolesMissing')
    ? EXIT.input
    : EXIT.unverifiedIdentity;
}

/**
 * `jixiao verify a.pdf b.pdf 表单/ [-o 核验.xlsx] [--json]`: every signed form under the files and folders, one line
 * each (file, unit, project, total, grade, roles signed, verdict), and a tally; the table as .xlsx or .csv with -o.
 */
export async function verifyManyCommand(
  targets: string[],
  options: VerifyCommandOptions & { output?: string },
  io: Io,
  mode: OutputMode,
): Promise<number> {
  const { lang } = mode;
  const { output } = options;
  if (output !== undefined) writeOutput.check(output, 'generated');
  const rows = await verifyMany(targets, verifyOptionsOf(options), lang);
  if (output !== undefined) writeOutput(io, output, await verifySummaryFile(rows, lang, output), 'generated');
  if (options.json) {
    io.out(JSON.stringify(rows, null, 2));
    return exitOfAll(rows);
  }
  const table = new Table({
    head: summaryHeaders(lang),
    style: { head: [], border: [] },
    wordWrap: true,
    wrapOnWordBoundary: false,
    colWidths: [null, null, 24, null, null, 20, 40],
  });
  for (const row of rows) table.push(summaryCells(row, lang));
  io.out(table.toString());
  const count = (verdict: VerifySummaryRow['verdict']): number => rows.filter((r) => r.verdict === verdict).length;
  io.out(
    text('verify.many.tally', lang, {
      count: rows.length,
      verified: count('verified'),
      waiting: count('rolesMissing'),
      identity: count('identityUnverified'),
      failed: count('failed'),
    }),
  );
  return exitOfAll(rows);
}
