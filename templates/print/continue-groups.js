// @ts-check
/*
 * Runs inside a form's page just before it is printed (the printer evaluates this file as it is, so it stays
 * plain JavaScript, checked by tsc through JSDoc). A 一级/二级 group that runs over a page end would otherwise
 * go on under empty cells, as Chromium leaves a rowspan's text on the page where it starts. This lays the
 * indicator table out the way the printer will, page by page, and where a group is cut it ends the group's
 * cells at the page end, repeats their names with （续） on the first row of the next page and forces the page
 * break there. The 总分 row, the legend and the sign-off block go with the last row, as the stylesheet asks
 * (break-before: avoid). Its value is how many page breaks it placed inside the table.
 *
 * A document of several forms (each in a `body > .sheet` on its own named page, for batch printing) is laid
 * out form by form; each form then gets its own page counter and its own page total in the footer, and the
 * value is the list of those totals (the printer's caller checks each against the pages it finds). It runs
 * as an async function: the printer awaits its value.
 */
(async () => {
  // a batch document holds several forms, each a sheet on its own named page
  const sheets = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll('body > .sheet')));
  // Measured with the fonts it will print in: a layout asks for the font files its text needs, and the
  // measuring waits until they are in (a fresh page would otherwise be measured in fallback metrics).
  void document.body.offsetHeight;
  await document.fonts.ready;

  // The printable box from the stylesheet's own @page rule (size A4, margins in any unit).
  /** @type {CSSPageRule | null} */
  let pageRule = null;
  for (const styleSheet of Array.from(document.styleSheets)) {
    /** @type {CSSRule[]} */
    let rules = [];
    try {
      rules = Array.from(styleSheet.cssRules);
    } catch {
      continue;
    }
    for (const rule of rules) if (rule instanceof CSSPageRule) pageRule = rule;
  }
  if (!pageRule || !/^A4\b/i.test(pageRule.style.getPropertyValue('size').trim())) return sheets.length > 0 ? null : 0;
  /** @param {string} side */
  const margin = (side) => pageRule?.style.getPropertyValue(`margin-${side}`).trim() || '0px';
  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;width:calc(210mm - ${margin('left')} - ${margin('right')});height:calc(297mm - ${margin('top')} - ${margin('bottom')})`;
  document.body.appendChild(probe);
  const pageWidth = probe.getBoundingClientRect().width;
  const pageHeight = probe.getBoundingClientRect().height;
  // 2 mm spare: a row is only kept on a page when it fits with room to spare for rounding
  probe.style.height = '2mm';
  const spare = probe.getBoundingClientRect().height;
  probe.remove();
  if (!(pageWidth > 0) || !(pageHeight > spare)) return sheets.length > 0 ? null : 0;

  /** @param {Element} e */
  const top = (e) => e.getBoundingClientRect().top + window.scrollY;
  /** @param {Element} e */
  const bottom = (e) => e.getBoundingClientRect().bottom + window.scrollY;
  const room = pageHeight - spare;

  /**
   * Lays out blocks from `at` (the top of the page they start on, which is page number `pages`) as the printer
   * does: each moved to a new page when it does not fit, one taller than a page cut where the page ends, and a
   * new page before a block that asks for one (break-before: page).
   * @param {Element[]} units
   * @param {number} at
   * @param {number} pages
   */
  const flow = (units, at, pages) => {
    for (const unit of units) {
      if (getComputedStyle(unit).breakBefore === 'page' && top(unit) > at) {
        at = top(unit);
        pages++;
      }
      // within a pixel is on the page: Chromium keeps a block that overruns the page box by a fraction of one
      if (bottom(unit) - at <= pageHeight + 1) continue;
      // a unit that does not fit starts the next page; one taller than a page is cut where the page ends
      if (top(unit) > at) {
        at = top(unit);
        pages++;
      }
      while (bottom(unit) - at > pageHeight) {
        at += pageHeight;
        pages++;
      }
    }
    return { at, pages };
  };

  /** The blocks of a container as the printer places them: a table's rows one by one, other elements whole. @param {Element[]} elements */
  const unitsOf = (elements) => elements.flatMap((e) => (e instanceof HTMLTableElement ? Array.from(e.rows) : [e]));

  /**
   * Paginates one form (the whole body, or one sheet of a batch document, which starts on a page of its own).
   * @param {HTMLElement} container
   * @param {number} origin the top of the form's first page
   * @returns {{ breaks: number, pages: number }}
   */
  const paginate = (container, origin) => {
    const table = /** @type {HTMLTableElement | null} */ (container.querySelector('table.indicators'));
    const body = table?.tBodies[0];
    const head = table?.tHead;
    const children = Array.from(container.children);
    if (!table || !body || !head) return { breaks: 0, pages: flow(unitsOf(children), origin, 1).pages };

    const dataRows = Array.from(body.rows).filter((r) => !r.classList.contains('total-line'));
    const tail = [body.querySelector('tr.total-line'), container.querySelector('.legend'), container.querySelector('.signoff')].filter(/** @returns {e is Element} */ (e) => e !== null);

    /**
     * The nearest level cell of the given class on a row before `index`, with the row it starts on.
     * @param {number} index
     * @param {'level1' | 'level2'} level
     * @returns {{ cell: HTMLTableCellElement, start: number } | null}
     */
    const previousCell = (index, level) => {
      for (let j = index - 1; j >= 0; j--) {
        const cell = /** @type {HTMLTableCellElement | null | undefined} */ (dataRows[j]?.querySelector(`td.${level}`));
        if (cell) return { cell, start: j };
      }
      return null;
    };

    /**
     * Ends the cut groups' cells before row `index` and opens them again on it, named （续）.
     * @param {number} index
     */
    const breakBefore = (index) => {
      const row = dataRows[index];
      if (!row) return;
      row.style.breakBefore = 'page';
      let at = 0;
      for (const level of /** @type {const} */ (['level1', 'level2'])) {
        const own = row.querySelector(`td.${level}`);
        if (own) {
          at++;
          continue;
        }
        const found = previousCell(index, level);
        if (!found || found.start + found.cell.rowSpan <= index) continue;
        const { cell, start } = found;
        const continued = document.createElement('td');
        continued.className = `level ${level} continued`;
        continued.textContent = `${cell.dataset.name ?? ''}（续）`;
        continued.rowSpan = start + cell.rowSpan - index;
        cell.rowSpan = index - start;
        row.insertBefore(continued, row.cells[at] ?? null);
        at++;
      }
    };

    /**
     * Takes a break placed by breakBefore out again.
     * @param {number} index
     */
    const unbreak = (index) => {
      const row = dataRows[index];
      if (!row) return;
      row.style.breakBefore = '';
      for (const continued of Array.from(/** @type {NodeListOf<HTMLTableCellElement>} */ (row.querySelectorAll('td.continued')))) {
        const level = continued.classList.contains('level1') ? 'level1' : 'level2';
        const found = previousCell(index, level);
        if (found) found.cell.rowSpan += continued.rowSpan;
        continued.remove();
      }
    };

    /**
     * The first row from `from` that does not fit on a page whose content starts at `pageTop`, or -1.
     * @param {number} from
     * @param {number} pageTop
     */
    const firstOverflow = (from, pageTop) => {
      let at = pageTop;
      for (let k = from; k < dataRows.length; k++) {
        const row = /** @type {HTMLTableRowElement} */ (dataRows[k]);
        const last = k === dataRows.length - 1;
        const end = last && tail.length > 0 ? Math.max(bottom(row), ...tail.map(bottom)) : bottom(row);
        if (end - at <= room) continue;
        if (k > from) return k;
        // the page's first row is taller than a page: the printer cuts it, each further page under the repeated
        // headings, and the rows after it go on where it ends (headings that fill a page leave no room to go on
        // in: nothing more can be placed, and the script stops rather than step forever)
        const step = room - headHeight;
        if (!(step > 0)) return -1;
        while (bottom(row) - at > room) at += step;
      }
      return -1;
    };

    const headHeight = head.getBoundingClientRect().height;
    let breaks = 0;
    // the blocks above the table (a tall 年度总体目标 pushed to page 2 takes the table's start with it)
    let { at: pageTop, pages } = flow(unitsOf(children.slice(0, children.indexOf(table))), origin, 1);
    const first = dataRows[0];
    if (first && bottom(first) - pageTop > room) {
      // not even the first row fits under the headings on this page: the table starts on the next one
      table.style.breakBefore = 'page';
      pageTop = top(table);
      pages++;
    }
    let from = 0;
    for (let guard = 0; guard < dataRows.length; guard++) {
      let cut = firstOverflow(from, pageTop);
      if (cut < 0) break;
      breakBefore(cut);
      // the shortened cells may have grown the rows left on this page: step back while they overflow
      while (cut > from + 1 && firstOverflow(from, pageTop) !== cut) {
        unbreak(cut);
        cut--;
        breakBefore(cut);
      }
      breaks++;
      pages++;
      from = cut;
      // the next page starts with the repeated headings, then this row
      pageTop = top(/** @type {HTMLTableRowElement} */ (dataRows[cut])) - headHeight;
    }
    // a first row taller than a page runs on over further pages, and the tail goes with the last row; what
    // follows the sign-off (the provenance line, the 评分说明 appendix) flows on from there
    const last = dataRows[dataRows.length - 1];
    const end = Math.max(last ? bottom(last) : pageTop, ...tail.map(bottom));
    const step = room - headHeight;
    while (step > 0 && end - pageTop > room) {
      pageTop += step;
      pages++;
    }
    const after = children.slice(children.indexOf(table) + 1).filter((e) => !tail.includes(e));
    return { breaks, pages: flow(unitsOf(after), pageTop, pages).pages };
  };

  // Measure at the printed width; the width is given back before printing.
  const savedWidth = document.body.style.width;
  document.body.style.width = `${pageWidth}px`;
  try {
    if (sheets.length === 0) return paginate(document.body, 0).breaks;
    const totals = sheets.map((sheet) => paginate(sheet, top(sheet)).pages);
    // each form numbers its own pages: a page counter per sheet's named page, and the total laid out above
    const footers = document.createElement('style');
    footers.textContent = sheets
      // the total is a counter too (reset to it on every page), so the footer is set exactly as counter(pages) sets it
      .map((sheet, i) => `@page ${sheet.dataset.page} { counter-increment: ${sheet.dataset.page}; counter-reset: ${sheet.dataset.page}-of ${totals[i]}; @bottom-center { content: "第 " counter(${sheet.dataset.page}) " 页 / 共 " counter(${sheet.dataset.page}-of) " 页"; } }`)
      .join('\n');
    document.head.appendChild(footers);
    return totals;
  } finally {
    document.body.style.width = savedWidth;
  }
})();
