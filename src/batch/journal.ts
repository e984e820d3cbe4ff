import { existsSync, readFileSync } from 'node:fs';
import type { BatchIndexRow } from '../pipeline';

/** The journal's file name inside the output folder. */
export const JOURNAL_FILE = 'journal.jsonl';

/**
 * One line of the journal: a form finished (printed, skipped as unchanged, or failed with its codes). The
 * journal is appended to as each form finishes, so a run killed at any moment keeps every line it wrote.
 */
export interface JournalEntry extends BatchIndexRow {
  /** The form's fingerprint (inputs, rule set, version); null when its files could not be read. */
  inputSha256: string | null;
  outputSha256: string | null;
  action: 'rendered' | 'skipped' | 'failed';
  /** When the form finished (ISO time). */
  at: string;
  /** Why a failed form was not printed: each message located at its file, line and column. */
  problems?: string[];
  /** Which process printed it (host:pid), on a queue. */
  by?: string;
  ms?: number;
}

export const journalLine = (entry: JournalEntry): string => `${JSON.stringify(entry)}\n`;

/**
 * The latest entry per input. A last line cut short by a kill is ignored (that form is simply redone), as is
 * any line that is not an entry: the journal is a record, never a reason for the batch to stop.
 */
export function readJournal(file: string): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  if (!existsSync(file)) return entries;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (typeof entry.input === 'string' && typeof entry.status === 'string') entries.set(entry.input, entry);
    } catch {
      // a line cut short by a kill
    }
  }
  return entries;
}
