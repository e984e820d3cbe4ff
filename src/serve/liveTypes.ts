// What the server answers the page after each edit: shared by the server (liveResult.ts) and the page's script
// (client/form.ts), so both sides read one definition. Types only: nothing here runs in either.

/** A message for the page: where it belongs (a cell's data path, else the row) and what to do about it. */
export interface LiveMark {
  field: string | null;
  row: string | null;
  code: string;
  severity: string;
  /** A pending row: the form is a draft until this is given. */
  pending: boolean;
  message: string;
  fix: string;
}

/** What the page shows after each edit: every score, subtotal and message, already formatted. */
export interface LiveResult {
  status: 'complete' | 'draft' | 'invalid';
  statusText: string;
  total: string;
  grade: string;
  rows: Record<string, { score: string; ruleScore: string; explanation: string; method: string }>;
  budget: { rate: string; score: string; explanation: string } | null;
  levels: {
    name: string;
    score: string;
    maxScore: string;
    groups: { name: string; score: string; maxScore: string }[];
  }[];
  marks: LiveMark[];
}

/** A refused request: each problem with its code, message and fix. */
export interface ProblemsReply {
  problems: { code: string; message: string; fix: string }[];
}
