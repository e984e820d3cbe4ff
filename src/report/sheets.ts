/**
 * Several forms in one document, for printing them with one print job: each form's body becomes a sheet on
 * a named page of its own (so each starts on a new page and the print script can number its pages apart),
 * under the first form's head. Every form is made by the same templates, so they share their stylesheets.
 */
export function combineSheets(htmls: string[]): string {
  const first = htmls[0];
  if (first === undefined) throw new Error('no forms to combine');
  const bodyStart = (html: string): number => {
    const at = html.indexOf('<body>');
    if (at < 0 || html.lastIndexOf('</body>') < at) throw new Error('a form without a body');
    return at;
  };
  const sheets = htmls.map(
    (html, i) =>
      `<div class="sheet" data-page="jx-sheet-${i}" style="page: jx-sheet-${i}">${html.slice(bodyStart(html) + '<body>'.length, html.lastIndexOf('</body>'))}</div>`,
  );
  return `${first.slice(0, bodyStart(first))}<body>${sheets.join('')}</body></html>`;
}

/**
 * Whether a form can share a printed document: its sign-off block must end it, so that where its sign-off boxes
 * are, its pages end (the 评分说明 appendix comes after the sign-off and runs on for pages of its own).
 */
export function canShareDocument(html: string): boolean {
  return signatureBoxesIn(html) > 0 && !html.includes('class="appendix"');
}

/** How many signature boxes a form's HTML draws: where a sheet's boxes end in the printed document, its pages end. */
export function signatureBoxesIn(html: string): number {
  return html.split('class="sigbox"').length - 1;
}
