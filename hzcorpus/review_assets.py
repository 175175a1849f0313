"""The review pages' inline style and script: plain CSS and JS, no fonts, no external files.

`ERROR_TRAP` runs first on every page: an uncaught error or a `console.error` call writes
`data-js-error` on `<html>`, so a headless browser's `--dump-dom` shows that a page broke.
"""

from __future__ import annotations

CSS = """
:root { --fg: #1d232b; --muted: #5d6672; --line: #d8dde3; --bg: #fff; --soft: #f4f6f8;
  --missing-number: #ffd6a0; --placeholder: #c8e2ff; --vague-date: #e5cdfb;
  --missing-name: #c7f0cf; --other-flag: #f9c6c6; --removed: #a33; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 78rem; padding: 1rem 1.5rem 3rem; color: var(--fg);
  background: var(--bg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.45rem; margin: .4rem 0 .6rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--line); }
a { color: #1559b3; }
nav { font-size: .9rem; color: var(--muted); }
table { border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .2rem .6rem .2rem 0; vertical-align: top;
  border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.stats { display: flex; flex-wrap: wrap; gap: .6rem; margin: .6rem 0; }
.stat { background: var(--soft); border-radius: .4rem; padding: .4rem .8rem; }
.stat b { display: block; font-size: 1.25rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(23rem, 100%), 1fr));
  gap: .5rem 2rem; }
.chart { min-width: 0; }
.chart h3 { font-size: .95rem; margin: .6rem 0 .2rem; }
.bar { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: .5rem;
  align-items: center; font-size: 12px; line-height: 1.25; padding: 1px 0; color: var(--fg);
  text-decoration: none; }
.bar .label { text-align: right; overflow-wrap: anywhere; }
.bar .track { display: flex; align-items: center; gap: .3rem; }
.bar .fill { flex: none; height: 14px; background: #5b8fd1; border-radius: 2px; }
a.bar:hover .fill { background: #2f6db8; }
a.bar:hover .label { text-decoration: underline; }
h1, p, .colhead, .meta td + td { overflow-wrap: anywhere; }
td { overflow-wrap: break-word; }
.wide { max-width: 100%; overflow-x: auto; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
  background: var(--soft); padding: .5rem .8rem; border-radius: .4rem; margin: .5rem 0; }
.filters label { font-size: .9rem; max-width: 100%; }
.filters select, .filters input { max-width: 100%; }
.pager { margin: .5rem 0; font-size: .9rem; display: flex; gap: .8rem; align-items: center; }
#articles td.title { min-width: 10rem; max-width: 34rem; overflow-wrap: anywhere; }
#articles td.src { color: var(--muted); min-width: 7rem; max-width: 18rem;
  overflow-wrap: anywhere; }
.meta td:first-child { color: var(--muted); padding-right: 1.2rem; white-space: nowrap;
  overflow-wrap: normal; }
.controls { margin: .8rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem;
  align-items: center; font-size: .9rem; }
.legend mark { padding: 0 .3rem; }
.doc p, .row p { margin: 0 0 .7rem; }
.row, .cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  gap: 1.5rem; }
.colhead { font-weight: 600; color: var(--muted); font-size: .85rem; margin-bottom: .3rem; }
mark.flag { background: var(--other-flag); border-radius: .2rem; padding: 0 .1rem;
  cursor: help; }
mark.k-missing-number { background: var(--missing-number); }
mark.k-placeholder { background: var(--placeholder); }
mark.k-vague-date { background: var(--vague-date); }
mark.k-missing-name { background: var(--missing-name); }
mark.overlap { box-shadow: inset 0 -2px 0 #6a4c93; }
.removed { margin: 0 0 .7rem; padding-left: .6rem; border-left: 3px solid #e0a0a0;
  color: var(--removed); font-size: .88rem; }
.removed p { margin: 0; }
.removed del { cursor: help; }
.removed .rule, .plang { font-size: .75rem; color: var(--muted); background: var(--soft);
  border-radius: .2rem; padding: 0 .3rem; margin-left: .4rem; }
.plang { margin: 0 .4rem 0 0; }
body:has(#hide-removed:checked) :is(.removed, .removed-row) { display: none; }
.note { color: var(--muted); font-size: .88rem; }
@media (max-width: 40rem) {
  body { padding: .6rem .8rem 2rem; }
  .row, .cols { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .row.head, .row > div:empty { display: none; }
  .row > div + div, .cols > div + div { border-left: 3px solid var(--line);
    padding-left: .6rem; margin-bottom: .6rem; }
  .row > div + div::before { content: "English"; display: block; font-size: .75rem;
    color: var(--muted); }
}
.bad { color: #b00; font-weight: 600; }
"""

ERROR_TRAP = """
(function () {
  var root = document.documentElement;
  function mark(message) {
    var old = root.getAttribute('data-js-error');
    root.setAttribute('data-js-error', (old ? old + ' | ' : '') + String(message));
  }
  window.addEventListener('error', function (e) { mark(e.message || 'error'); });
  window.addEventListener('unhandledrejection', function (e) { mark(e.reason); });
  var consoleError = console.error;
  console.error = function () {
    mark(Array.prototype.join.call(arguments, ' '));
    return consoleError.apply(console, arguments);
  };
})();
"""

INDEX_JS = """
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('rows').textContent);
  var rows = data.rows, rules = data.rules, PAGE = data.page_size;
  var el = function (id) { return document.getElementById(id); };
  var lang = el('f-lang'), flags = el('f-flags'), rule = el('f-rule'), text = el('f-text');
  var tbody = el('article-rows'), info = el('pager-info'), page = 0, shown = rows;
  var keys = new Map(rows.map(function (r) {  // what the search box looks in
    return [r, (r[1] + ' ' + r[2] + ' ' + r[0]).toLowerCase()];
  }));

  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = value; o.textContent = label; select.appendChild(o); return o;
  }
  data.languages.forEach(function (l) { option(lang, l[0], l[0] + ' (' + l[1] + ')'); });
  rules.forEach(function (r, i) { option(rule, String(i), r); });

  function matches(r) {
    if (lang.value && r[3] !== lang.value) return false;
    if (flags.value === 'yes' && !r[4]) return false;
    if (flags.value === 'no' && r[4]) return false;
    if (rule.value && r[7].indexOf(Number(rule.value)) < 0) return false;
    var q = text.value.trim().toLowerCase();
    if (q && keys.get(r).indexOf(q) < 0) return false;
    return true;
  }
  function cell(tr, value, cls) {
    var td = document.createElement('td');
    if (cls) td.className = cls;
    td.textContent = value; tr.appendChild(td); return td;
  }
  function draw() {
    var start = page * PAGE, frag = document.createDocumentFragment();
    shown.slice(start, start + PAGE).forEach(function (r) {
      var tr = document.createElement('tr'), td = cell(tr, '', 'title');
      var a = document.createElement('a');
      a.href = data.folder + '/' + r[0]; a.textContent = r[1] || '(no title)';
      td.appendChild(a);
      cell(tr, r[2], 'src'); cell(tr, r[3] || 'und');
      cell(tr, r[4], 'n'); cell(tr, r[5], 'n'); cell(tr, r[6] ? 'yes' : '');
      frag.appendChild(tr);
    });
    tbody.replaceChildren(frag);
    var end = Math.min(start + PAGE, shown.length);
    info.textContent = shown.length ? (start + 1) + '\\u2013' + end + ' of ' + shown.length +
      ' articles' + (shown.length < rows.length ? ' (filtered from ' + rows.length + ')' : '')
      : 'no article matches';
    el('prev').disabled = page === 0;
    el('next').disabled = end >= shown.length;
    document.body.setAttribute('data-ready', String(shown.length));
  }
  var written = '#';
  function state() {
    var s = new URLSearchParams();
    [['lang', lang], ['flags', flags], ['rule', rule], ['q', text]].forEach(function (p) {
      if (p[1].value) s.set(p[0], p[1].value);
    });
    if (page) s.set('page', String(page + 1));
    written = '#' + s.toString();
    location.replace(written);
  }
  function restore() {
    var s = new URLSearchParams(location.hash.slice(1));
    lang.value = s.get('lang') || ''; flags.value = s.get('flags') || '';
    rule.value = s.get('rule') || ''; text.value = s.get('q') || '';
    shown = rows.filter(matches);
    var last = Math.max(0, Math.ceil(shown.length / PAGE) - 1);
    page = Math.min(Math.max(0, (Number(s.get('page')) || 1) - 1), last);
  }
  function refilter() { shown = rows.filter(matches); page = 0; state(); draw(); }
  [lang, flags, rule].forEach(function (s) { s.addEventListener('change', refilter); });
  text.addEventListener('input', refilter);
  el('prev').addEventListener('click', function () { page -= 1; state(); draw(); });
  el('next').addEventListener('click', function () { page += 1; state(); draw(); });
  window.addEventListener('hashchange', function () {
    if ((location.hash || '#') === written) return;  // the page's own state update
    restore(); draw(); el('articles').scrollIntoView();
  });
  restore(); draw();
})();
"""

#: The filter bar, pager and empty table that `INDEX_JS` fills.
ARTICLE_TABLE = """
<div class="filters">
<label>language <select id="f-lang">
  <option value="">all</option>
</select></label>
<label>flags <select id="f-flags">
  <option value="">any</option>
  <option value="yes">with flags</option>
  <option value="no">without flags</option>
</select></label>
<label>rule <select id="f-rule">
  <option value="">any</option>
</select></label>
<label>search <input id="f-text" type="search" placeholder="title, source or id"></label>
</div>
<noscript><p class=bad>The article table needs JavaScript; the article pages do not.</p></noscript>
<div class="pager"><button id="prev" type="button">← previous</button>
<span id="pager-info"></span>
<button id="next" type="button">next →</button></div>
<div class="wide"><table id="articles"><thead><tr>
  <th>title</th>
  <th>source</th>
  <th>language</th>
  <th class=n>flags</th>
  <th class=n>removed</th>
  <th>translated</th></tr></thead>
<tbody id="article-rows"></tbody></table></div>
"""
