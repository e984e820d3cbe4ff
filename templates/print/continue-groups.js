// @ts-check
/*
 * Runs inside a form's page just before it is printed (the printer evaluates this file as it is, so it stays
 * plain JavaScript, checked by tsc through JSDoc). A 一级/二级 group that runs over a page end would otherwise
 * go on under empty cells, as Chromium leaves a rowspan's text on the page where it starts. This lays the
 * indicator table out the way the printer will, page by page, and where a group is cut it ends the group's
 * cells at the page end, repeats their names with （续） on the first row of the next page and forces the page
 * break there. The 总分 row, the legend and the sign-off block go with the last row, as the stylesheet asks
 * (break-before: avoid). Its value is how many page breaks it placed inside the table.
 */
(() => {
  const table = /** @type {HTMLTableElement | null} */ (document.querySelector('table.indicators'));
  const body = table?.tBodies[0];
  const head = table?.tHead;
  if (!table || !body || !head) return 0;

  // The printable box from the stylesheet's own @page rule (size A4, margins in any unit).
  /** @type {CSSPageRule | null} */
  let pageRule = null;
  for (const sheet of Array.from(document.styleSheets)) {
    /** @type {CSSRule[]} */
    let rules = [];
    try {
      rules = Array.from(sheet.cssRules);
    } catch {
      continue;
    }
    for (const rule of rules) if (rule instanceof CSSPageRule) pageRule = rule;
  }
  if (!pageRule || !/^A4\b/i.test(pageRule.style.getPropertyValue('size').trim())) return 0;
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
  if (!(pageWidth > 0) || !(pageHeight > spare)) return 0;

  // Measure at the printed width; the width is given back before printing.
  const savedWidth = document.body.style.width;
  document.body.style.width = `${pageWidth}px`;

  const dataRows = Array.from(body.rows).filter((r) => !r.classList.contains('total-line'));
  const tail = [body.querySelector('tr.total-line'), document.querySelector('.legend'), document.querySelector('.signoff')].filter(/** @returns {e is Element} */ (e) => e !== null);
  /** @param {Element} e */
  const top = (e) => e.getBoundingClientRect().top + window.scrollY;
  /** @param {Element} e */
  const bottom = (e) => e.getBoundingClientRect().bottom + window.scrollY;
  const room = pageHeight - spare;

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

  /**
   * Where the page holding the top of `target` starts, laying out what comes before it as the printer does:
   * the rows of the tables above (kept whole) and the other blocks, each moved to a new page when it does
   * not fit (a tall 年度总体目标 pushed to page 2 takes the indicator table's start with it).
   * @param {Element} target
   */
  const pageTopBefore = (target) => {
    /** @type {Element[]} */
    const units = [];
    for (const element of Array.from(document.body.children)) {
      if (element === target) break;
      if (element instanceof HTMLTableElement) units.push(...Array.from(element.rows));
      else units.push(element);
    }
    let at = 0;
    for (const unit of units) {
      if (bottom(unit) - at <= pageHeight) continue;
      // a unit that does not fit starts the next page; one taller than a page is cut where the page ends
      if (top(unit) > at) at = top(unit);
      while (bottom(unit) - at > pageHeight) at += pageHeight;
    }
    return at;
  };

  const headHeight = head.getBoundingClientRect().height;
  let breaks = 0;
  try {
    let pageTop = pageTopBefore(table);
    const first = dataRows[0];
    if (first && bottom(first) - pageTop > room) {
      // not even the first row fits under the headings on this page: the table starts on the next one
      table.style.breakBefore = 'page';
      pageTop = top(table);
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
      from = cut;
      // the next page starts with the repeated headings, then this row
      pageTop = top(/** @type {HTMLTableRowElement} */ (dataRows[cut])) - headHeight;
    }
  } finally {
    document.body.style.width = savedWidth;
  }
  return breaks;
})();
