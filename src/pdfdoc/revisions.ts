/** Where each revision ends: after a %%EOF marker, with or without its end-of-line. */
export function revisionEnds(pdf: Buffer): { from: number; to: number }[] {
  const ends: { from: number; to: number }[] = [];
  let at = pdf.indexOf('%%EOF');
  while (at >= 0) {
    let end = at + 5;
    if (pdf[end] === 0x0d) end++;
    if (pdf[end] === 0x0a) end++;
    ends.push({ from: at + 5, to: end });
    at = pdf.indexOf('%%EOF', at + 5);
  }
  return ends;
}

/** The revision (1-based) whose end `offset` is, or 0 when it is no revision's end. */
export function revisionAt(ends: { from: number; to: number }[], offset: number): number {
  return ends.findIndex((e) => offset >= e.from && offset <= e.to) + 1;
}
