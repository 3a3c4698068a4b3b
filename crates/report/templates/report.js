'use strict';
// The interactive part of the isnad HTML report: statement list with filters
// and lazily built details, and the per-article view.
//
// Safety rule of this file: text from the report reaches the page only via
// textContent / createTextNode, never innerHTML, so article text is never
// parsed as HTML. The data block holds JSON, gzipped and base64-encoded
// (inflated with the browser's DecompressionStream); its layout is written by
// crates/report/src/html.rs:
//   outlets[o], tiers[t] (strongest first), kinds[k], texts[x]
//   articles[a] = {id, o, d (date), t (title), n (statement units), s (shared), u ([unit ids] | null)}
//   appearances[x], provenances[p] (provenance classes: credited, uncredited, ...)
//   units[u] = [article, kind, text, statement|null, tier|null, [merged spans, UTF-16 start,end,...],
//               appearance|null, provenance|null]
//   articles[a].c = credits the article gives, as written (may be absent)
//   statements[s] = {id, u: [units], o: [outlets], t: tier, k: tier bit mask, p: provenance bit mask, f: first unit|null,
//                    x: first is a tie, m: [[unit a, unit b, tier, score, spans a, spans b]], c: all matches}
//   cut = [unit ids that are pieces of an over-long unit without a sentence end] (absent when none),
//   cut_note = what such a piece is, for the badge's tooltip (absent with cut)
(function () {
  var doc = document;
  function load() {
    var b64 = doc.getElementById('isnad-data').textContent.replace(/\s+/g, '');
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text().then(JSON.parse);
  }
  var status = doc.getElementById('no-script');
  if (typeof DecompressionStream !== 'function') {
    status.textContent = 'This browser cannot unpack the report data (it lacks DecompressionStream: Chrome 80+, Firefox 113+, Safari 16.4+). The summary above and the JSON report (--format json) carry the same data.';
    return;
  }
  status.textContent = 'Loading the statements…';
  load().then(function (data) {
    main(data);
    doc.documentElement.classList.add('js');
    doc.documentElement.setAttribute('data-ready', 'true');
  }, function (err) {
    status.textContent = 'The report data could not be read: ' + err;
  });

  function main(D) {
    var PAGE = 100;
    var APAGE = 50;
    var RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
    var STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

    function h(tag, cls, text) {
      var e = doc.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined && text !== null) e.textContent = String(text);
      return e;
    }
    function add(parent) {
      for (var i = 1; i < arguments.length; i++) {
        var c = arguments[i];
        if (c === null || c === undefined) continue;
        parent.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
      }
      return parent;
    }
    function isRtl(text) {
      var m = STRONG.exec(text);
      return !!m && RTL_CHAR.test(m[0]);
    }
    function label(name) { return String(name).replace(/_/g, ' '); }
    function tierLabel(t) { return label(D.tiers[t]); }
    function tierBadge(t) { return h('span', 'tier t-' + D.tiers[t], tierLabel(t)); }
    function outletChip(o, first) {
      var e = h('bdi', 'outlet' + (first ? ' first' : ''), D.outlets[o]);
      e.dir = 'auto';
      return e;
    }
    var CUT = {};
    (D.cut || []).forEach(function (u) { CUT[u] = true; });
    function cutBadge() {
      var e = h('span', 'badge cut', 'cut');
      e.title = D.cut_note;
      return e;
    }
    function unitText(u) { return D.texts[D.units[u][2]]; }
    function unitArticle(u) { return D.articles[D.units[u][0]]; }
    function dayOf(date) {
      if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
      var t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
      return isNaN(t) ? null : Math.round(t / 86400000);
    }
    // A block of text with the given UTF-16 spans marked.
    function marked(tag, text, spans) {
      var e = h(tag, 'text');
      e.dir = 'auto';
      var pairs = [];
      for (var i = 0; i + 1 < spans.length; i += 2) pairs.push([spans[i], spans[i + 1]]);
      pairs.sort(function (a, b) { return a[0] - b[0]; });
      var pos = 0;
      pairs.forEach(function (p) {
        var s = Math.max(p[0], pos), end = Math.min(p[1], text.length);
        if (end <= s) return;
        if (s > pos) e.appendChild(doc.createTextNode(text.slice(pos, s)));
        e.appendChild(h('mark', null, text.slice(s, end)));
        pos = end;
      });
      if (pos < text.length) e.appendChild(doc.createTextNode(text.slice(pos)));
      return e;
    }
    function fillSelect(sel, names, values) {
      names.forEach(function (n, i) {
        var o = h('option', null, n);
        o.value = String(values ? values[i] : i);
        sel.appendChild(o);
      });
    }
    function pager(box, page, pages, go) {
      box.textContent = '';
      if (pages <= 1) return;
      var prev = h('button', null, '‹ previous');
      prev.type = 'button';
      prev.disabled = page === 0;
      prev.addEventListener('click', function () { go(page - 1); });
      var next = h('button', null, 'next ›');
      next.type = 'button';
      next.disabled = page >= pages - 1;
      next.addEventListener('click', function () { go(page + 1); });
      var label = h('label', null, 'page ');
      var input = h('input');
      input.type = 'number';
      input.min = '1';
      input.max = String(pages);
      input.value = String(page + 1);
      input.addEventListener('change', function () {
        var p = Math.min(pages, Math.max(1, parseInt(input.value, 10) || 1)) - 1;
        go(p);
      });
      add(label, input, ' of ' + pages);
      add(box, prev, label, next);
    }
    function who(u, firstDay) {
      var a = unitArticle(u);
      var e = h('div', 'who');
      e.dir = 'ltr';
      add(e, outletChip(a.o, false), ' ');
      var day = dayOf(a.d);
      var when = a.d ? a.d : 'undated';
      if (day !== null && firstDay !== null && day !== firstDay) {
        when += ' (+' + (day - firstDay) + (day - firstDay === 1 ? ' day)' : ' days)');
      }
      add(e, h('span', 'meta', when + ' · '), bdiText(a.id, 'meta'),
        h('span', 'meta', ' · ' + D.kinds[D.units[u][1]]));
      var unit = D.units[u];
      if (unit[6] !== null && unit[6] !== undefined) add(e, ' ', h('span', 'badge', label(D.appearances[unit[6]])));
      if (unit[7] !== null && unit[7] !== undefined) add(e, ' ', h('span', 'badge p-' + D.provenances[unit[7]], label(D.provenances[unit[7]])));
      if (CUT[u]) add(e, ' ', cutBadge());
      return e;
    }
    function bdiText(text, cls) {
      var e = h('bdi', cls, text);
      e.dir = 'auto';
      return e;
    }

    // ---- statements -------------------------------------------------------
    var S = D.statements;
    var fOutlet = doc.getElementById('f-outlet');
    var fOutlet2 = doc.getElementById('f-outlet2');
    var fTier = doc.getElementById('f-tier');
    var fText = doc.getElementById('f-text');
    var fProv = doc.getElementById('f-prov');
    var fSort = doc.getElementById('f-sort');
    D.provenances = D.provenances || [];
    D.appearances = D.appearances || [];
    var fCount = doc.getElementById('f-count');
    var list = doc.getElementById('stmt-list');
    var stmtPager = doc.getElementById('stmt-pager');
    fillSelect(fOutlet, D.outlets);
    fillSelect(fOutlet2, D.outlets);
    fillSelect(fTier, D.tiers.map(function (t, i) { return tierLabel(i); }));
    fillSelect(fProv, D.provenances.map(label));
    if (!D.provenances.length) fProv.parentNode.hidden = true;
    var shown = [];
    var stmtPage = 0;
    var lowered = null;

    function stmtText(si) {
      if (!lowered) lowered = new Array(S.length);
      if (lowered[si] === undefined) {
        lowered[si] = S[si].u.map(unitText).join('\n').toLowerCase();
      }
      return lowered[si];
    }
    function applyFilters() {
      var o = fOutlet.value === '' ? -1 : +fOutlet.value;
      var o2 = fOutlet2.value === '' ? -1 : +fOutlet2.value;
      var t = fTier.value === '' ? -1 : +fTier.value;
      var q = fText.value.trim().toLowerCase();
      var p = fProv.value === '' ? -1 : +fProv.value;
      shown = [];
      for (var i = 0; i < S.length; i++) {
        var st = S[i];
        if (o >= 0 && st.o.indexOf(o) < 0) continue;
        if (o2 >= 0 && st.o.indexOf(o2) < 0) continue;
        if (t >= 0 && !((st.k >> t) & 1)) continue;
        if (p >= 0 && !((st.p >> p) & 1)) continue;
        if (q && stmtText(i).indexOf(q) < 0) continue;
        shown.push(i);
      }
      if (fSort.value) {
        // Undated statements last in both directions; ties keep report order.
        var desc = fSort.value === 'date-desc';
        var key = function (si) { var f = S[si].f; return f === null ? null : (unitArticle(f).d || null); };
        shown.sort(function (x, y) {
          var a = key(x), b = key(y);
          if (a === b) return x - y;
          if (a === null) return 1;
          if (b === null) return -1;
          return (a < b ? -1 : 1) * (desc ? -1 : 1);
        });
      }
      fCount.textContent = shown.length + ' of ' + S.length + ' statements';
      fCount.setAttribute('data-count', String(shown.length));
      renderStatements(0);
    }
    function renderStatements(page) {
      var pages = Math.max(1, Math.ceil(shown.length / PAGE));
      stmtPage = Math.min(Math.max(0, page), pages - 1);
      list.textContent = '';
      list.start = stmtPage * PAGE + 1;
      var frag = doc.createDocumentFragment();
      shown.slice(stmtPage * PAGE, (stmtPage + 1) * PAGE).forEach(function (si) {
        frag.appendChild(statementItem(si));
      });
      list.appendChild(frag);
      if (!shown.length) list.appendChild(h('li', 'note', S.length ? 'No statement matches these filters.' : 'No statement is carried by more than one unit.'));
      pager(stmtPager, stmtPage, pages, function (p) {
        renderStatements(p);
        doc.getElementById('statements').scrollIntoView();
      });
    }
    function statementItem(si) {
      var st = S[si];
      var li = h('li', 'stmt');
      li.id = 'stmt-' + st.id;
      li.setAttribute('data-statement', st.id);
      var head = h('div', 'head');
      head.tabIndex = 0;
      head.setAttribute('role', 'button');
      head.setAttribute('aria-expanded', 'false');
      var firstOutlet = st.f !== null && !st.x ? unitArticle(st.f).o : -1;
      add(head, h('span', 'sid', st.id), tierBadge(st.t),
        h('span', 'meta', st.o.length + ' outlets · ' + st.u.length + ' units · ' + st.c + ' matches'));
      var outs = h('span', 'outs');
      st.o.forEach(function (o, i) {
        if (i) outs.appendChild(doc.createTextNode(' → '));
        outs.appendChild(outletChip(o, o === firstOutlet));
      });
      head.appendChild(outs);
      if (st.f !== null) {
        head.appendChild(h('span', 'meta', 'first: ' + (unitArticle(st.f).d || '') + (st.x ? ' (same day as another outlet)' : '')));
      }
      var preview = h('p', 'preview', unitText(st.f !== null ? st.f : st.u[0]));
      preview.dir = 'auto';
      head.appendChild(preview);
      li.appendChild(head);
      function toggle() {
        var open = li.classList.toggle('open');
        head.setAttribute('aria-expanded', String(open));
        var d = li.querySelector('.detail');
        if (open && !d) li.appendChild(statementDetail(si));
        else if (d) d.hidden = !open;
      }
      head.addEventListener('click', toggle);
      head.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggle(); }
      });
      return li;
    }
    function side(u, spans, label, firstDay) {
      var e = h('div', 'side');
      var top = h('div', 'who');
      top.appendChild(h('b', null, label + ' '));
      e.appendChild(top);
      e.appendChild(who(u, firstDay));
      e.appendChild(marked('p', unitText(u), spans));
      return e;
    }
    function statementDetail(si) {
      var st = S[si];
      var box = h('div', 'detail');
      var firstDay = st.f !== null ? dayOf(unitArticle(st.f).d) : null;
      var pairBox = h('div', 'pair');
      function showPair(m) {
        pairBox.textContent = '';
        // Earlier (by date order of the statement's units) on the reading-start side.
        var a = m[0], b = m[1], sa = m[4], sb = m[5];
        if (st.u.indexOf(b) < st.u.indexOf(a)) { a = m[1]; b = m[0]; sa = m[5]; sb = m[4]; }
        pairBox.dir = isRtl(unitText(a)) ? 'rtl' : 'ltr';
        add(pairBox, side(a, sa, 'earlier', firstDay), side(b, sb, 'later', firstDay));
        var score = h('p', 'meta');
        add(score, tierBadge(m[2]), ' score ' + m[3].toFixed(2));
        pairBox.children[1].appendChild(score);
      }
      if (st.m.length) {
        showPair(st.m[0]);
        box.appendChild(pairBox);
        var table = h('table', 'matches');
        add(table, h('caption', null, 'Matches' + (st.c > st.m.length ? ' (the ' + st.m.length + ' strongest of ' + st.c + ')' : '') + ': click one to compare it above'));
        var thead = h('tr');
        ['unit', 'unit', 'tier', 'score'].forEach(function (c) { thead.appendChild(h('th', null, c)); });
        table.appendChild(thead);
        st.m.forEach(function (m, i) {
          var tr = h('tr', i === 0 ? 'sel' : null);
          var ca = h('td'), cb = h('td');
          add(ca, outletChip(unitArticle(m[0]).o, false), ' ', bdiText(unitArticle(m[0]).d || 'undated', 'meta'));
          add(cb, outletChip(unitArticle(m[1]).o, false), ' ', bdiText(unitArticle(m[1]).d || 'undated', 'meta'));
          add(tr, ca, cb, add(h('td'), tierBadge(m[2])), h('td', 'num', m[3].toFixed(2)));
          tr.addEventListener('click', function () {
            var sel = table.querySelector('tr.sel');
            if (sel) sel.classList.remove('sel');
            tr.classList.add('sel');
            showPair(m);
          });
          table.appendChild(tr);
        });
        box.appendChild(table);
      }
      box.appendChild(h('h4', null, 'All ' + st.u.length + ' units, in date order (shared passages marked)'));
      var ul = h('ol', 'units');
      st.u.forEach(function (u) {
        var li = h('li');
        add(li, who(u, firstDay), marked('p', unitText(u), D.units[u][5]));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      return box;
    }
    function openStatement(si) {
      fOutlet.value = '';
      fOutlet2.value = '';
      fTier.value = '';
      fText.value = '';
      fProv.value = '';
      applyFilters();
      var pos = shown.indexOf(si);
      if (pos < 0) return;
      renderStatements(Math.floor(pos / PAGE));
      var li = doc.getElementById('stmt-' + S[si].id);
      if (li) {
        if (!li.classList.contains('open')) li.querySelector('.head').click();
        li.scrollIntoView();
      }
    }
    [fOutlet, fOutlet2, fTier, fProv, fSort].forEach(function (s) { s.addEventListener('change', applyFilters); });
    var typing = null;
    fText.addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(applyFilters, 200);
    });
    doc.getElementById('filters').addEventListener('submit', function (ev) { ev.preventDefault(); });
    doc.getElementById('f-reset').addEventListener('click', function () {
      fOutlet.value = ''; fOutlet2.value = ''; fTier.value = ''; fText.value = ''; fProv.value = '';
      applyFilters();
    });
    var outletIndex = {};
    D.outlets.forEach(function (o, i) { outletIndex[o] = i; });
    Array.prototype.forEach.call(doc.querySelectorAll('table.heat td.cell'), function (td) {
      function pick() {
        var a = outletIndex[td.getAttribute('data-a')], b = outletIndex[td.getAttribute('data-b')];
        if (a === undefined || b === undefined) return;
        fOutlet.value = String(a);
        fOutlet2.value = String(b);
        fTier.value = '';
        fText.value = '';
        fProv.value = '';
        applyFilters();
        doc.getElementById('statements').scrollIntoView();
      }
      td.addEventListener('click', pick);
      td.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') pick(); });
    });

    // ---- articles ---------------------------------------------------------
    var A = D.articles;
    var aOutlet = doc.getElementById('a-outlet');
    var aSort = doc.getElementById('a-sort');
    var aCount = doc.getElementById('a-count');
    var aList = doc.getElementById('article-list');
    var aView = doc.getElementById('article-view');
    var aPager = doc.getElementById('article-pager');
    fillSelect(aOutlet, D.outlets);
    var aShown = [];
    var selectedArticle = -1;
    var legend = doc.getElementById('legend');
    D.tiers.forEach(function (t, i) { legend.appendChild(h('span', 's r-' + t, tierLabel(i))); });
    legend.appendChild(h('span', 's', 'not found elsewhere'));
    legend.appendChild(h('span', 's r-other', 'dateline, credit, furniture (not compared)'));

    function share(a) { return a.n ? a.s / a.n : 0; }
    function applyArticleFilters() {
      var o = aOutlet.value === '' ? -1 : +aOutlet.value;
      aShown = [];
      for (var i = 0; i < A.length; i++) if (o < 0 || A[i].o === o) aShown.push(i);
      var by = aSort.value;
      if (by === 'shared') {
        aShown.sort(function (x, y) { return (A[y].s - A[x].s) || (share(A[y]) - share(A[x])) || (x - y); });
      } else if (by === 'date') {
        aShown.sort(function (x, y) {
          var dx = A[x].d || '\uffff', dy = A[y].d || '\uffff';
          return dx < dy ? -1 : dx > dy ? 1 : x - y;
        });
      }
      aCount.textContent = aShown.length + ' of ' + A.length + ' articles' +
        (D.articles_not_embedded ? ' (' + D.articles_not_embedded + ' without text in this file, to keep it small)' : '');
      renderArticles(0);
    }
    function renderArticles(page) {
      var pages = Math.max(1, Math.ceil(aShown.length / APAGE));
      page = Math.min(Math.max(0, page), pages - 1);
      aList.textContent = '';
      aShown.slice(page * APAGE, (page + 1) * APAGE).forEach(function (ai) {
        var a = A[ai];
        var li = h('li', ai === selectedArticle ? 'sel' : null);
        li.setAttribute('data-article', a.id);
        add(li, h('span', 'share', a.s + '/' + a.n), bdiText(a.id), h('br'), outletChip(a.o, false), ' ',
          h('span', 'meta', a.d || 'undated'));
        li.tabIndex = 0;
        li.addEventListener('click', function () { showArticle(ai, li); });
        li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') showArticle(ai, li); });
        aList.appendChild(li);
      });
      pager(aPager, page, pages, renderArticles);
    }
    function statementLink(si, prefix) {
      var link = h('span', 'st-link', prefix + S[si].id);
      link.setAttribute('role', 'link');
      link.tabIndex = 0;
      link.addEventListener('click', function () { openStatement(si); });
      link.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') openStatement(si); });
      return link;
    }
    function showArticle(ai, li) {
      selectedArticle = ai;
      var sel = aList.querySelector('li.sel');
      if (sel) sel.classList.remove('sel');
      if (li) li.classList.add('sel');
      var a = A[ai];
      aView.textContent = '';
      var head = h('div', 'who');
      add(head, h('b', null, 'Article '), bdiText(a.id), ' · ', outletChip(a.o, false), ' · ',
        h('span', 'meta', (a.d || 'undated') + ' · ' + a.s + ' of ' + a.n + ' statement units found in other outlets'));
      aView.appendChild(head);
      if (a.c && a.c.length) {
        var credits = h('p', 'meta', 'credits: ');
        a.c.forEach(function (c, i) { add(credits, i ? ' · ' : null, bdiText(c)); });
        aView.appendChild(credits);
      }
      if (a.t) {
        var t = h('h3', 'text', a.t);
        t.dir = 'auto';
        aView.appendChild(t);
      }
      if (!a.u) {
        aView.appendChild(h('p', 'note', 'The text of this article is not in this file (the report keeps the most-shared articles within a size budget); its shared statements are in the list above, and all units are in --format json.'));
        return;
      }
      var body = h('div', 'body');
      body.dir = a.u.length && isRtl(unitText(a.u[0])) ? 'rtl' : 'auto';
      var last = null;
      var linked = [];
      a.u.forEach(function (u) {
        var unit = D.units[u];
        var kind = D.kinds[unit[1]];
        if (kind === 'clause' && last) {
          // A clause repeats part of the sentence before it: no second copy of
          // the text, but its reuse colours the sentence and links its statement.
          if (unit[3] !== null) {
            if (unit[4] !== null && !/ r-/.test(last.className)) last.className += ' r-' + D.tiers[unit[4]];
            if (linked.indexOf(unit[3]) < 0) {
              linked.push(unit[3]);
              last.appendChild(statementLink(unit[3], 'clause '));
            }
          }
          return;
        }
        var cls = 's';
        if (kind === 'dateline' || kind === 'credit' || kind === 'furniture') cls += ' r-other';
        else if (unit[4] !== null && unit[3] !== null) cls += ' r-' + D.tiers[unit[4]];
        var s = h('span', cls + ' text');
        s.dir = 'auto';
        s.title = kind + (unit[4] !== null ? ' · ' + tierLabel(unit[4]) : '') +
          (unit[7] !== null && unit[7] !== undefined ? ' · ' + label(D.provenances[unit[7]]) : '') +
          (CUT[u] ? ' · cut: ' + D.cut_note : '');
        if (unit[7] !== null && unit[7] !== undefined) s.classList.add('p-' + D.provenances[unit[7]]);
        if (CUT[u]) s.classList.add('cut');
        s.textContent = unitText(u);
        linked = [];
        if (unit[3] !== null) {
          linked.push(unit[3]);
          s.appendChild(statementLink(unit[3], ''));
        }
        body.appendChild(s);
        last = s;
      });
      aView.appendChild(body);
    }
    aOutlet.addEventListener('change', applyArticleFilters);
    aSort.addEventListener('change', applyArticleFilters);

    applyFilters();
    applyArticleFilters();
    if (aShown.length) showArticle(aShown[0], aList.firstChild);
  }
})();
