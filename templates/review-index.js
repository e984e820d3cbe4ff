// The work list's table: click a heading to sort (again to reverse), type to filter, pick a department, or show
// only the sampled forms. Plain DOM, no library: the page is opened from disk, offline.
(function () {
  var table = document.getElementById('forms');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById('filter');
  var department = document.getElementById('department');
  var sampledOnly = document.getElementById('sampled');
  var shown = document.getElementById('shown');
  var sortedBy = -1;
  var ascending = true;

  function value(row, column) {
    var cell = row.cells[column];
    var v = cell.getAttribute('data-v');
    return v === null ? cell.textContent.trim() : v;
  }

  function sortBy(column, numeric) {
    ascending = sortedBy === column ? !ascending : true;
    sortedBy = column;
    rows.sort(function (a, b) {
      var x = value(a, column);
      var y = value(b, column);
      var order = numeric ? (x === '' ? -Infinity : Number(x)) - (y === '' ? -Infinity : Number(y)) : x.localeCompare(y, 'zh-CN');
      return ascending ? order : -order;
    });
    rows.forEach(function (r) {
      body.appendChild(r);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.setAttribute('aria-sort', i === column ? (ascending ? 'ascending' : 'descending') : 'none');
    });
  }

  function apply() {
    var text = filter.value.trim();
    var dept = department.value;
    var count = 0;
    rows.forEach(function (r) {
      var visible =
        (text === '' || r.textContent.indexOf(text) >= 0) &&
        (dept === '' || r.getAttribute('data-department') === dept) &&
        (!sampledOnly.checked || r.getAttribute('data-sampled') === 'yes');
      r.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = String(count);
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.addEventListener('click', function () {
      sortBy(i, th.getAttribute('data-type') === 'number');
    });
  });
  filter.addEventListener('input', apply);
  department.addEventListener('change', apply);
  sampledOnly.addEventListener('change', apply);
  apply();
})();
