// File: reprint/internal/html_assets.h
// The stylesheet and script that RenderHtml (reprint/html_report.h) inlines
// into every HTML report. Internal: not for direct use.
//
// Rules for the script, which runs on untrusted document text:
//  - text reaches the DOM only through textContent / createTextNode and
//    attributes through dataset or fixed class names: never innerHTML,
//    outerHTML, insertAdjacentHTML, document.write or eval;
//  - it must never contain the characters "</script" (it sits inside a
//    <script> element), and fetches nothing (the page's CSP forbids it).
#ifndef REPRINT_INTERNAL_HTML_ASSETS_H_
#define REPRINT_INTERNAL_HTML_ASSETS_H_

namespace reprint::internal {

inline constexpr char kHtmlCss[] = R"reprintcss(
:root { --fg: #1f2933; --muted: #61707f; --line: #d9dee4; --bg: #ffffff; --panel: #f5f7f9;
  --accent: #1d4ed8; --edit: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
header#top { padding: 14px 28px 10px; border-bottom: 1px solid var(--line); background: var(--panel); }
h1 { font-size: 20px; margin: 0 0 2px; }
h2 { font-size: 18px; margin: 4px 0 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0; font-size: 13.5px; }
details#params { margin-top: 4px; font-size: 13px; }
details#params summary { cursor: pointer; color: var(--accent); }
table.params { border-collapse: collapse; margin: 6px 0 4px; columns: 2; }
table.params th, table.params td { text-align: left; padding: 1px 14px 1px 0; font-weight: normal; }
table.params th { color: var(--muted); font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
main { padding: 14px 28px 40px; }
.noscript { padding: 14px 28px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: end; margin-bottom: 10px; }
.controls label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
.controls select, .controls input { font: inherit; font-size: 14px; padding: 3px 6px;
  border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--fg); }
.controls input[type=number] { width: 7em; }
.controls input[type=search] { width: 16em; }
.summary { color: var(--muted); font-size: 13.5px; margin: 6px 0; }
table.index { border-collapse: collapse; width: 100%; font-size: 14px; }
table.index th { text-align: left; font-size: 12px; color: var(--muted); font-weight: 600;
  border-bottom: 2px solid var(--line); padding: 4px 8px; white-space: nowrap; }
table.index td { border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; }
table.index tbody tr { cursor: pointer; }
table.index tbody tr:hover { background: #eef3fb; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.preview { color: #3b4650; max-width: 60ch; }
td.sources { max-width: 26ch; overflow-wrap: anywhere; font-size: 13px; }
.kind { display: inline-block; font-size: 12px; padding: 0 7px; border-radius: 9px;
  background: #e6ebf1; white-space: nowrap; }
.kind.near-duplicate { background: #dbeafe; }
.kind.repeated-passage { background: #e0f2e9; }
.kind.quote { background: #fdecd3; }
.pager { display: flex; gap: 8px; align-items: center; margin: 12px 0; font-size: 14px; }
.pager button, .pairs a, .nav a { font: inherit; font-size: 13.5px; }
.pager button { border: 1px solid var(--line); background: #fff; border-radius: 4px; padding: 3px 10px;
  cursor: pointer; }
.pager button:disabled { color: #aab4be; cursor: default; }
.nav { display: flex; gap: 16px; font-size: 14px; margin-bottom: 4px; }
table.members { border-collapse: collapse; font-size: 13.5px; margin: 4px 0; }
table.members th, table.members td { text-align: left; padding: 2px 14px 2px 0; vertical-align: top; }
table.members th { color: var(--muted); font-weight: 600; font-size: 12px; }
.pairs { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 10px; }
.pairs a { border: 1px solid var(--line); border-radius: 5px; padding: 3px 9px; color: var(--fg); }
.pairs a.current { border-color: var(--accent); background: #eef3fb; font-weight: 600; }
.sbs { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.side { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; min-width: 0; }
.side-head { background: var(--panel); padding: 6px 12px; font-size: 12.5px; color: var(--muted);
  border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.side-head b { color: var(--fg); }
.text { padding: 10px 14px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 70vh;
  overflow: auto; font-family: "DejaVu Serif", Georgia, serif; font-size: 15.5px; line-height: 1.65; }
mark.pass { color: inherit; border-radius: 2px; padding: 1px 0; }
mark.c0 { background: #fde68a; } mark.c1 { background: #bfdbfe; } mark.c2 { background: #bbf7d0; }
mark.c3 { background: #fbcfe8; } mark.c4 { background: #ddd6fe; } mark.c5 { background: #fed7aa; }
mark.edit { background: #fecaca; text-decoration: underline wavy var(--edit); text-underline-offset: 3px; }
mark.hl { outline: 2px solid #1e3a8a; }
.ins { display: inline-block; width: 0; height: 1.1em; vertical-align: text-bottom;
  border-left: 2px solid var(--edit); margin: 0 1px; }
.pn { font: 600 10px/1 "DejaVu Sans", sans-serif; color: #fff; background: #475569; border-radius: 7px;
  padding: 1px 4px; margin-right: 2px; vertical-align: 2px; }
.legend { font-size: 12.5px; color: var(--muted); margin: 8px 0; display: flex; gap: 18px; flex-wrap: wrap; }
.legend mark { padding: 0 4px; }
table.passages { border-collapse: collapse; font-size: 13px; margin-top: 4px; }
table.passages th, table.passages td { padding: 2px 14px 2px 0; text-align: left; }
table.passages th { color: var(--muted); font-weight: 600; font-size: 12px; }
table.passages tbody tr { cursor: pointer; }
table.passages tbody tr:hover { background: #eef3fb; }
.empty { color: var(--muted); font-style: italic; }
details.more { margin-top: 18px; font-size: 13.5px; }
details.more summary { cursor: pointer; color: var(--accent); }
.audit p { margin: 3px 0; font-size: 14px; }
.audit .label { color: var(--muted); font-size: 12.5px; display: inline-block; min-width: 8.5em; }
.audit code { font-family: "DejaVu Sans Mono", monospace; font-size: 12.5px; background: var(--panel);
  padding: 0 4px; border-radius: 3px; }
blockquote.fullest { margin: 4px 0 8px; padding: 6px 12px; border-left: 3px solid var(--accent);
  background: var(--panel); font-family: "DejaVu Serif", Georgia, serif; white-space: pre-wrap;
  overflow-wrap: anywhere; }
table.audit { border-collapse: collapse; font-size: 13.5px; margin: 4px 0 10px; }
table.audit th, table.audit td { text-align: left; padding: 3px 14px 3px 0; vertical-align: top; }
table.audit th { color: var(--muted); font-weight: 600; font-size: 12px; }
table.audit td.changes { max-width: 70ch; overflow-wrap: anywhere; }
table.audit td.act { white-space: nowrap; }
table.audit tr.variant td { background: #fff7ed; }
.badge { display: inline-block; font-size: 11.5px; padding: 0 7px; border-radius: 9px;
  background: #e6ebf1; white-space: nowrap; }
.badge.variant { background: #fed7aa; color: #7c2d12; }
.badge.exact { background: #dcfce7; }
.variant-note { border: 1px solid #fdba74; background: #fff7ed; border-radius: 6px; padding: 6px 12px;
  font-size: 13.5px; margin: 6px 0; }
@media (max-width: 900px) { .sbs { grid-template-columns: 1fr; } }
)reprintcss";

inline constexpr char kHtmlJs[] = R"reprintjs(
(function () {
  'use strict';
  var app = document.getElementById('app');
  var PAGE_SIZE = 50;
  var KINDS = ['near-duplicate', 'repeated-passage', 'quote'];
  var MEMBER_FIELDS = { doc: 1, source: 1, unit: 1, start: 1, end: 1, text: 1 };

  // Every element is built here; text goes in through textContent only.
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function fmt(x) { return typeof x === 'number' ? x.toFixed(3) : '-'; }
  function pairScore(p) {
    return Math.max(p.jaccard || 0, p.containment_a_in_b || 0, p.containment_b_in_a || 0);
  }
  // A member field shown in the members table (speaker, match, words...):
  // scalars as they are, objects by their name; null when not shown.
  function fieldText(v) {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'object') return String(v);
    if (typeof v.name === 'string') return v.name;
    return null;
  }
  function preview(text, n) {
    var t = String(text).replace(/\s+/g, ' ').trim();
    return t.length > n ? t.slice(0, n) + '\u2026' : t;
  }

  var data;
  try {
    data = JSON.parse(document.getElementById('reprint-data').textContent);
  } catch (err) {
    add(app, el('p', 'empty', 'The report data could not be read: ' + err));
    return;
  }

  var rows = data.clusters.map(function (c, i) {
    var score = 0, jac = 0, sources = {};
    c.pairs.forEach(function (p) {
      score = Math.max(score, pairScore(p));
      jac = Math.max(jac, p.jaccard || 0);
    });
    c.members.forEach(function (m) { sources[m.source] = true; });
    return { cluster: c, index: i, size: c.members.length, score: score, jaccard: jac,
             sources: Object.keys(sources).sort(), search: null };
  });
  var byId = {};
  rows.forEach(function (r) { byId[String(r.cluster.id)] = r; });
  var sourceSet = {}, docDates = {};
  data.documents.forEach(function (d) {
    sourceSet[d.source] = true;
    if (d.date) docDates[d.id] = d.date;
  });
  var allSources = Object.keys(sourceSet).sort();

  var state = { kind: '', source: '', minScore: 0, query: '', sort: 'size', page: 0 };
  var filtered = rows;
  var comparators = {
    size: function (x, y) { return y.size - x.size || y.score - x.score || x.index - y.index; },
    score: function (x, y) { return y.score - x.score || y.size - x.size || x.index - y.index; },
    report: function (x, y) { return x.index - y.index; }
  };

  function applyFilters() {
    var q = state.query.trim().toLowerCase();
    filtered = rows.filter(function (r) {
      if (state.kind && r.cluster.kind !== state.kind) return false;
      if (state.source && r.sources.indexOf(state.source) < 0) return false;
      if (r.score < state.minScore) return false;
      if (q) {
        if (r.search === null) {
          r.search = r.cluster.members.map(function (m) {
            return m.doc + '\n' + m.source + '\n' + m.text;
          }).join('\n').toLowerCase();
        }
        if (r.search.indexOf(q) < 0) return false;
      }
      return true;
    });
    filtered.sort(comparators[state.sort]);
  }

  // ---- index -------------------------------------------------------------
  var indexView = null, tableBox = null;

  function select(label, options, value, onChange) {
    var l = el('label', null, label);
    var s = add(l, el('select'));
    options.forEach(function (o) {
      var opt = add(s, el('option', null, o[1]));
      opt.value = o[0];
      if (o[0] === value) opt.selected = true;
    });
    s.addEventListener('change', function () { onChange(s.value); });
    return l;
  }

  function buildIndex() {
    indexView = el('section', 'index-view');
    var controls = add(indexView, el('div', 'controls'));
    var kindCounts = {};
    rows.forEach(function (r) { kindCounts[r.cluster.kind] = (kindCounts[r.cluster.kind] || 0) + 1; });
    add(controls, select('Kind', [['', 'all kinds (' + rows.length + ')']].concat(
        KINDS.map(function (k) { return [k, k + ' (' + (kindCounts[k] || 0) + ')']; })),
        state.kind, function (v) { state.kind = v; refresh(); }));
    add(controls, select('Source', [['', 'all sources (' + allSources.length + ')']].concat(
        allSources.map(function (s) { return [s, s]; })),
        state.source, function (v) { state.source = v; refresh(); }));
    var scoreLabel = add(controls, el('label', null, 'Min. score'));
    var score = add(scoreLabel, el('input'));
    score.type = 'number'; score.min = '0'; score.max = '1'; score.step = '0.05';
    score.value = String(state.minScore);
    score.addEventListener('input', function () {
      var v = parseFloat(score.value);
      state.minScore = isFinite(v) ? v : 0;
      refresh();
    });
    add(controls, select('Sort', [['size', 'size, then score'], ['score', 'score, then size'],
        ['report', 'report order']], state.sort, function (v) { state.sort = v; refresh(); }));
    var searchLabel = add(controls, el('label', null, 'Text'));
    var search = add(searchLabel, el('input'));
    search.type = 'search';
    search.placeholder = 'words in a member';
    var timer = null;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.query = search.value; refresh(); }, 150);
    });
    tableBox = add(indexView, el('div'));
    add(indexView, documentsAndIssues());
    refresh();
  }

  function refresh() {
    state.page = 0;
    applyFilters();
    renderTable();
  }

  function renderTable() {
    clear(tableBox);
    var pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    var first = state.page * PAGE_SIZE;
    var slice = filtered.slice(first, first + PAGE_SIZE);
    add(tableBox, el('p', 'summary', filtered.length === 0 ? 'No cluster matches these filters.' :
        'Clusters ' + (first + 1) + '\u2013' + (first + slice.length) + ' of ' + filtered.length +
        (filtered.length !== rows.length ? ' (of ' + rows.length + ' in the report)' : '') +
        '. Score: the best containment of the smaller unit (or Jaccard) over the listed pairs.'));
    if (slice.length === 0) return;
    var table = add(tableBox, el('table', 'index'));
    var head = add(add(table, el('thead')), el('tr'));
    ['#', 'kind', 'members', 'score', 'Jaccard', 'sources', 'first member'].forEach(function (h) {
      add(head, el('th', null, h));
    });
    var body = add(table, el('tbody'));
    slice.forEach(function (r) {
      var c = r.cluster;
      var tr = add(body, el('tr'));
      tr.dataset.cluster = String(c.id);
      var a = add(add(tr, el('td', 'num')), el('a', null, c.id));
      a.href = '#cluster=' + encodeURIComponent(String(c.id));
      add(add(tr, el('td')), el('span', 'kind ' + c.kind, c.kind));
      add(tr, el('td', 'num', r.size));
      add(tr, el('td', 'num', fmt(r.score)));
      add(tr, el('td', 'num', fmt(r.jaccard)));
      add(tr, el('td', 'sources', preview(r.sources.join(', '), 80)));
      add(tr, el('td', 'preview', preview(c.members[0].text, 180)));
    });
    body.addEventListener('click', function (e) {
      var tr = e.target.closest('tr');
      if (tr && e.target.tagName !== 'A') location.hash = 'cluster=' + encodeURIComponent(tr.dataset.cluster);
    });
    var pager = add(tableBox, el('div', 'pager'));
    var prev = add(pager, el('button', null, '\u2190 previous'));
    prev.disabled = state.page === 0;
    prev.addEventListener('click', function () { state.page -= 1; renderTable(); window.scrollTo(0, 0); });
    add(pager, el('span', null, 'page ' + (state.page + 1) + ' of ' + pages));
    var next = add(pager, el('button', null, 'next \u2192'));
    next.disabled = state.page + 1 >= pages;
    next.addEventListener('click', function () { state.page += 1; renderTable(); window.scrollTo(0, 0); });
  }

  function documentsAndIssues() {
    var box = el('div');
    var docs = add(box, el('details', 'more'));
    add(docs, el('summary', null, 'Documents (' + data.documents.length + ')'));
    var t = add(docs, el('table', 'members'));
    var h = add(t, el('tr'));
    ['id', 'source', 'bytes'].forEach(function (x) { add(h, el('th', null, x)); });
    data.documents.slice(0, 2000).forEach(function (d) {
      var tr = add(t, el('tr'));
      add(tr, el('td', null, d.id));
      add(tr, el('td', null, d.source));
      add(tr, el('td', 'num', d.bytes));
    });
    if (data.documents.length > 2000) add(docs, el('p', 'empty', 'First 2,000 documents listed.'));
    if (data.issues && data.issues.length) {
      var iss = add(box, el('details', 'more'));
      add(iss, el('summary', null, 'Input issues (' + data.issues.length + ')'));
      data.issues.forEach(function (i) {
        add(iss, el('div', null, i.severity + ': ' + i.path + (i.line ? ':' + i.line : '') + ': ' + i.message));
      });
    }
    return box;
  }

  function showIndex() {
    if (!indexView) buildIndex();
    clear(app);
    add(app, indexView);
    document.title = 'reprint report';
  }

  // ---- one cluster -------------------------------------------------------

  // The member's text with the pair's passages marked. side 0: the pair's A,
  // 1: its B. view entries: [a_start, a_end, b_start, b_end, edits] in UTF-16
  // units of the member text; edits: [a_start, a_end, b_start, b_end].
  function markedText(text, view, side) {
    var len = text.length, cuts = [0, len], passages = [], edits = [], inserts = {};
    function clamp(x) { return Math.max(0, Math.min(len, x | 0)); }
    view.forEach(function (v, k) {
      var s = clamp(v[2 * side]), e = clamp(v[2 * side + 1]);
      passages.push([s, e, k]);
      cuts.push(s, e);
      (v[4] || []).forEach(function (ed) {
        var es = clamp(ed[2 * side]), ee = clamp(ed[2 * side + 1]);
        cuts.push(es, ee);
        if (es < ee) edits.push([es, ee]); else inserts[es] = true;
      });
    });
    cuts.sort(function (x, y) { return x - y; });
    cuts = cuts.filter(function (x, i) { return i === 0 || x !== cuts[i - 1]; });
    var n = cuts.length - 1, passOf = new Array(n), isEdit = new Array(n), starts = {};
    function at(x) {  // index of cut x
      var lo = 0, hi = cuts.length - 1;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (cuts[mid] < x) lo = mid + 1; else hi = mid; }
      return lo;
    }
    passages.forEach(function (p) {
      var i0 = at(p[0]), i1 = at(p[1]);
      if (i0 < i1 && passOf[i0] === undefined) starts[i0] = p[2];
      for (var i = i0; i < i1; i++) if (passOf[i] === undefined) passOf[i] = p[2];
    });
    edits.forEach(function (e) { for (var i = at(e[0]), i1 = at(e[1]); i < i1; i++) isEdit[i] = true; });
    var box = el('div', 'text');
    for (var i = 0; i < n; i++) {
      var piece = text.slice(cuts[i], cuts[i + 1]);
      if (starts[i] !== undefined) {
        var pn = add(box, el('span', 'pn', starts[i] + 1));
        pn.title = 'passage ' + (starts[i] + 1);
      }
      if (inserts[cuts[i]] && passOf[i] !== undefined && i > 0) {
        add(box, el('span', 'ins')).title = 'words added in the other text';
      }
      if (passOf[i] === undefined) {
        box.appendChild(document.createTextNode(piece));
      } else {
        var m = add(box, el('mark', 'pass c' + (passOf[i] % 6) + (isEdit[i] ? ' edit' : ''), piece));
        m.dataset.p = String(passOf[i]);
        if (isEdit[i]) m.title = 'edited';
      }
    }
    return box;
  }

  function memberLabel(c, k) {
    var m = c.members[k];
    return '[' + k + '] ' + m.doc + ' \u00b7 ' + m.source + ' \u00b7 bytes ' + m.start + '\u2013' + m.end;
  }

  function showCluster(row, pairIndex, memberIndex) {
    var c = row.cluster;
    clear(app);
    document.title = 'reprint: cluster ' + c.id;
    var view = add(app, el('section', 'cluster-view'));
    var nav = add(view, el('div', 'nav'));
    var back = add(nav, el('a', null, '\u2190 all clusters'));
    back.href = '#';
    var pos = filtered.indexOf(row);
    if (pos > 0) {
      add(nav, el('a', null, '\u2039 previous cluster')).href =
          '#cluster=' + encodeURIComponent(String(filtered[pos - 1].cluster.id));
    }
    if (pos >= 0 && pos + 1 < filtered.length) {
      add(nav, el('a', null, 'next cluster \u203a')).href =
          '#cluster=' + encodeURIComponent(String(filtered[pos + 1].cluster.id));
    }
    add(view, el('h2', null, 'Cluster ' + c.id));
    var meta = add(view, el('p', 'meta'));
    add(meta, el('span', 'kind ' + c.kind, c.kind));
    meta.appendChild(document.createTextNode('  ' + plural(c.members.length, 'member') +
        ' \u00b7 best score ' + fmt(row.score) + ' \u00b7 best Jaccard ' + fmt(row.jaccard) +
        ' \u00b7 ' + plural(c.pairs.length, 'listed pair')));

    add(view, el('h3', null, 'Members'));
    var mt = add(view, el('table', 'members'));
    var extra = [];
    c.members.forEach(function (m) {
      Object.keys(m).forEach(function (k) {
        if (!MEMBER_FIELDS[k] && extra.indexOf(k) < 0 && fieldText(m[k]) !== null) extra.push(k);
      });
    });
    var mh = add(mt, el('tr'));
    ['#', 'document', 'source', 'unit', 'bytes'].concat(extra).forEach(function (h) { add(mh, el('th', null, h)); });
    c.members.forEach(function (m, k) {
      var tr = add(mt, el('tr'));
      add(tr, el('td', null, '[' + k + ']'));
      add(tr, el('td', null, m.doc));
      add(tr, el('td', null, m.source));
      add(tr, el('td', null, m.unit));
      add(tr, el('td', null, m.start + '\u2013' + m.end));
      extra.forEach(function (x) { add(tr, el('td', null, fieldText(m[x]) || '')); });
    });

    if (c.quote) quoteAudit(view, c);
    var qv = memberIndex !== null && c.members[memberIndex] ? c.members[memberIndex].quote_view : null;
    if (qv && qv.view) {
      compareWithFullest(view, c, memberIndex, qv);
      return;
    }

    if (c.pairs.length === 0) {
      add(view, el('p', 'empty', 'This cluster lists no pairs.'));
      return;
    }
    pairIndex = Math.max(0, Math.min(c.pairs.length - 1, pairIndex | 0));
    add(view, el('h3', null, 'Pairs (choose one to compare)'));
    var pairs = add(view, el('div', 'pairs'));
    c.pairs.forEach(function (p, i) {
      var a = add(pairs, el('a', i === pairIndex ? 'current' : null,
          '[' + p.a + '] \u2194 [' + p.b + ']  score ' + fmt(pairScore(p)) + ' \u00b7 ' +
          plural(p.passages ? p.passages.length : 0, 'passage')));
      a.href = '#cluster=' + encodeURIComponent(String(c.id)) + '&pair=' + i;
    });

    var p = c.pairs[pairIndex];
    var vw = p.view || [];
    add(view, el('p', 'meta', 'Pair [' + p.a + '] \u2194 [' + p.b + ']: Jaccard ' + fmt(p.jaccard) +
        ' \u00b7 containment of [' + p.a + '] in [' + p.b + '] ' + fmt(p.containment_a_in_b) +
        ' \u00b7 of [' + p.b + '] in [' + p.a + '] ' + fmt(p.containment_b_in_a) + ' \u00b7 ' +
        p.shared_shingles + ' shared shingles'));
    var sbs = sideBySide(view, c, p.a, p.b, vw);

    add(view, el('h3', null, 'Passages'));
    if (!p.passages || p.passages.length === 0) {
      add(view, el('p', 'empty', 'No aligned passage of at least ' +
          ((data.params.align || {}).min_passage_words || '?') + ' words.'));
      return;
    }
    var pt = add(view, el('table', 'passages'));
    var ph = add(add(pt, el('thead')), el('tr'));
    ['#', 'bytes in [' + p.a + ']', 'bytes in [' + p.b + ']', 'words matched', 'words edited',
     'score', 'edits'].forEach(function (h) { add(ph, el('th', null, h)); });
    var pb = add(pt, el('tbody'));
    p.passages.forEach(function (q, k) {
      var tr = add(pb, el('tr'));
      tr.dataset.p = String(k);
      add(tr, el('td', null, k + 1));
      add(tr, el('td', null, q.a_start + '\u2013' + q.a_end));
      add(tr, el('td', null, q.b_start + '\u2013' + q.b_end));
      add(tr, el('td', 'num', q.words_matched));
      add(tr, el('td', 'num', q.words_edited));
      add(tr, el('td', 'num', q.score));
      add(tr, el('td', 'num', q.edits.length));
    });
    pb.addEventListener('click', function (e) {
      var tr = e.target.closest('tr');
      if (!tr) return;
      sbs.querySelectorAll('.text').forEach(function (t) {
        var m = t.querySelector('mark[data-p="' + tr.dataset.p + '"]');
        if (m) t.scrollTop = m.offsetTop - t.offsetTop - 20;
      });
    });
  }

  // The members a (side 0) and b (side 1) of cluster c side by side, with
  // the passages of `vw` marked; returns the element holding both sides.
  function sideBySide(view, c, a, b, vw) {
    var legend = add(view, el('div', 'legend'));
    add(legend, el('span')).appendChild(el('mark', 'pass c0', 'aligned passage'));
    add(legend, el('span', null, '(colour and number = passage)'));
    add(legend, el('span')).appendChild(el('mark', 'pass c0 edit', 'edited words'));
    var insLegend = add(legend, el('span'));
    add(insLegend, el('span', 'ins'));
    insLegend.appendChild(document.createTextNode(' words added in the other text'));

    var sbs = add(view, el('div', 'sbs'));
    [[a, 0], [b, 1]].forEach(function (x) {
      var side = add(sbs, el('div', 'side'));
      var head = add(side, el('div', 'side-head'));
      add(head, el('b', null, memberLabel(c, x[0])));
      add(side, markedText(c.members[x[0]].text, vw, x[1]));
    });
    sbs.addEventListener('mouseover', function (e) { highlight(sbs, e.target, true); });
    sbs.addEventListener('mouseout', function (e) { highlight(sbs, e.target, false); });
    return sbs;
  }

  // ---- quote clusters ----------------------------------------------------

  function speakerText(m) {
    return m.speaker ? m.speaker.name + ' (' + m.speaker.key + ')' : 'none named';
  }

  function variantText(c, m) {
    var v = m.variant || {};
    return 'content-word Jaccard ' + fmt(v.content_jaccard) + ' with [' + v.of + '], ' +
        plural(v.shared_content_words || 0, 'shared content word');
  }

  // Speaker and key, earliest carrier, fullest wording, and what each member
  // changed against it; variants marked lower confidence.
  function quoteAudit(view, c) {
    var q = c.quote;
    var box = add(view, el('section', 'audit'));
    add(box, el('h3', null, 'Quote audit'));
    var sp = add(box, el('p'));
    add(sp, el('span', 'label', 'Speaker'));
    if (q.speaker) {
      add(sp, el('b', 'speaker', q.speaker.name));
      sp.appendChild(document.createTextNode(' \u00b7 key '));
      add(sp, el('code', 'speaker-key', q.speaker.key));
      sp.appendChild(document.createTextNode(' \u00b7 named by ' + q.speaker.members + ' of ' +
          plural(c.members.length, 'member')));
      (q.speaker.keys || []).slice(1).forEach(function (k) {
        sp.appendChild(document.createTextNode(' \u00b7 also '));
        add(sp, el('code', null, k.key));
        sp.appendChild(document.createTextNode(' (' + k.members + ')'));
      });
    } else {
      add(sp, el('span', 'empty', 'no member names a speaker'));
    }
    var first = c.members[q.earliest];
    var ep = add(box, el('p'));
    add(ep, el('span', 'label', 'Earliest carrier'));
    var date = docDates[first.doc];
    ep.appendChild(document.createTextNode('[' + q.earliest + '] ' + first.source + ' \u00b7 ' +
        first.doc + ' (by ' + (q.earliest_by === 'date' ? 'date ' + date : 'input order') + ')'));
    var full = c.members[q.fullest];
    var fp = add(box, el('p'));
    add(fp, el('span', 'label', 'Fullest wording'));
    fp.appendChild(document.createTextNode('[' + q.fullest + '] ' + full.source + ' \u00b7 ' +
        plural(full.words || 0, 'word')));
    add(box, el('blockquote', 'fullest', full.text));
    if (q.variants > 0) {
      add(box, el('p', 'variant-note', plural(q.variants, 'variant') + ' joined by speaker key and ' +
          'content words, not by the exact score: lower confidence, check side by side.'));
    }
    var t = add(box, el('table', 'audit'));
    var h = add(t, el('tr'));
    ['#', 'source', 'speaker', 'match', 'against the fullest wording', ''].forEach(function (x) {
      add(h, el('th', null, x));
    });
    c.members.forEach(function (m, k) {
      var tr = add(t, el('tr', m.match === 'variant' ? 'variant' : null));
      tr.dataset.member = String(k);
      add(tr, el('td', null, '[' + k + ']'));
      add(tr, el('td', null, m.source));
      add(tr, el('td', null, speakerText(m)));
      var mt = add(tr, el('td'));
      if (m.match === 'variant') {
        add(mt, el('span', 'badge variant', 'variant \u00b7 lower confidence'));
        add(mt, el('div', 'meta', variantText(c, m)));
      } else {
        add(mt, el('span', 'badge exact', m.match || 'exact'));
      }
      add(tr, el('td', 'changes', m.quote_view ? m.quote_view.changes : ''));
      var act = add(tr, el('td', 'act'));
      if (m.quote_view && m.quote_view.view) {
        var a = add(act, el('a', null, 'side by side with [' + q.fullest + ']'));
        a.href = '#cluster=' + encodeURIComponent(String(c.id)) + '&member=' + k;
      }
    });
  }

  // Member k against the fullest wording, as one aligned passage with the
  // word-diff edits marked.
  function compareWithFullest(view, c, k, qv) {
    var m = c.members[k];
    add(view, el('h3', null, 'Member [' + k + '] against the fullest wording [' + qv.with + ']'));
    if (m.match === 'variant') {
      var note = add(view, el('p', 'variant-note'));
      add(note, el('span', 'badge variant', 'variant \u00b7 lower confidence'));
      note.appendChild(document.createTextNode(' Joined by speaker key and ' + variantText(c, m) +
          ', not by the exact score: it may be a paraphrase or another translation, or a ' +
          'different statement. Check it by eye.'));
    }
    add(view, el('p', 'meta', 'Changes: ' + qv.changes));
    if (c.pairs.length > 0) {
      add(add(view, el('p', 'meta')), el('a', null, 'show the pairs instead')).href =
          '#cluster=' + encodeURIComponent(String(c.id));
    }
    if (qv.view.length === 0) add(view, el('p', 'empty', 'No word in common.'));
    sideBySide(view, c, qv.with, k, qv.view);
  }

  function highlight(root, target, on) {
    var m = target.closest ? target.closest('mark[data-p]') : null;
    if (!m) return;
    root.querySelectorAll('mark[data-p="' + m.dataset.p + '"]').forEach(function (x) {
      x.classList.toggle('hl', on);
    });
  }

  function route() {
    var m = /^#cluster=([^&]*)(?:&pair=(\d+))?(?:&member=(\d+))?/.exec(location.hash);
    var id = m ? decodeURIComponent(m[1]) : null;
    if (id !== null && byId[id]) {
      showCluster(byId[id], m[2] ? parseInt(m[2], 10) : 0, m[3] ? parseInt(m[3], 10) : null);
      window.scrollTo(0, 0);
    } else {
      showIndex();
    }
  }
  window.addEventListener('hashchange', route);
  route();
})();
)reprintjs";

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_HTML_ASSETS_H_
