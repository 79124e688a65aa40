/* safecase report: small, dependency-free behaviour. The pages work without it: links, <details>, the tables and
   the diagram (which then scrolls in its frame) are plain HTML. This script reads only the page itself. */
(function () {
  'use strict';
  var doc = document;

  function byId(id) { return id ? doc.getElementById(id) : null; }

  /* ---- links land on an open, visible target ---- */
  function openAround(el) {
    for (var e = el; e; e = e.parentElement) {
      if (e.tagName === 'DETAILS' && !e.open) e.open = true;
    }
  }
  function targetOf(hash) {
    if (!hash || hash.length < 2) return null;
    var id = hash.slice(1);
    try { id = decodeURIComponent(id); } catch (err) { /* keep it as written */ }
    return byId(id);
  }
  function reveal(hash, scroll) {
    var el = targetOf(hash);
    if (!el) return;
    openAround(el);
    if (scroll) el.scrollIntoView({block: 'start'});
  }
  doc.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('a') : null;
    if (!a) return;
    var href = a.getAttribute('href') || '';
    if (href.charAt(0) !== '#') return;
    var el = targetOf(href);
    if (el) openAround(el);
  });
  window.addEventListener('hashchange', function () { reveal(location.hash, true); });

  /* ---- exact fractions on demand ---- */
  function setupExact() {
    var box = byId('exact-toggle');
    if (!box) return;
    box.closest('.js-only').hidden = false;
    box.addEventListener('change', function () { doc.body.classList.toggle('exact', box.checked); });
  }

  /* ---- sortable, filterable tables ---- */
  function setupTable(table) {
    var body = table.tBodies[0];
    if (!body) return;
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var kind = th.getAttribute('data-sort');
      if (!kind) return;
      var button = doc.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { if (h.hasAttribute('aria-sort')) h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (r, i) { r.setAttribute('data-i', r.getAttribute('data-i') || String(i)); });
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-k') || a.cells[col].textContent;
          var y = b.cells[col].getAttribute('data-k') || b.cells[col].textContent;
          var c = kind === 'num' ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
          if (c === 0) c = parseInt(a.getAttribute('data-i'), 10) - parseInt(b.getAttribute('data-i'), 10);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function setupFilters(form) {
    var table = byId(form.getAttribute('data-table'));
    if (!table || !table.tBodies[0]) return;
    form.hidden = false;
    var status = form.querySelector('select[name=status]');
    var unproven = form.querySelector('input[name=unproven]');
    var query = form.querySelector('input[name=q]');
    var count = form.querySelector('.count');
    function apply() {
      var s = status ? status.value : '';
      var u = unproven ? unproven.checked : false;
      var q = query ? query.value.trim().toLowerCase() : '';
      var shown = 0;
      var rows = table.tBodies[0].rows;
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        var ok = (!s || r.getAttribute('data-status') === s) && (!u || r.getAttribute('data-unproven') === '1')
          && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
        r.hidden = !ok;
        if (ok) shown++;
      }
      if (count) count.textContent = shown + ' of ' + rows.length + ' shown';
    }
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (ev) { ev.preventDefault(); });
    apply();
  }

  /* ---- the diagram: pan, zoom, fold, opened centred on the root ---- */
  function setupDiagram(frame) {
    var view = frame.querySelector('.dg-view');
    var svg = view ? view.querySelector('svg') : null;
    if (!svg) return;
    var tools = frame.querySelector('.dg-tools');
    frame.classList.add('js');
    if (tools) tools.hidden = false;
    var natW = parseFloat(svg.getAttribute('width')) || 800;
    var natH = parseFloat(svg.getAttribute('height')) || 600;
    var top = parseFloat(svg.getAttribute('data-top')) || 0;
    var s = 1, tx = 0, ty = 0;
    function apply() {
      svg.style.transform = 'translate(' + tx + 'px,' + ty + 'px) scale(' + s + ')';
    }
    function zoomAt(f, cx, cy) {
      var ns = Math.max(0.1, Math.min(4, s * f));
      tx = cx - (cx - tx) * ns / s;
      ty = cy - (cy - ty) * ns / s;
      s = ns;
      apply();
    }
    function nodeBox(id) {
      var nodes = svg.querySelectorAll('g.node');
      for (var i = 0; i < nodes.length; i++) {
        if (nodes[i].getAttribute('data-id') === id) return nodes[i].getBBox();
      }
      return null;
    }
    function centreOn(id) {
      var w = view.clientWidth;
      s = w < 600 ? 0.8 : 1;
      var b = id ? nodeBox(id) : null;
      if (b) {
        // the root's centre in the middle of the frame, its top (and the title, when it is near) in view
        tx = w / 2 - (b.x + b.width / 2) * s;
        ty = 8 - Math.max(0, b.y + top - 120) * s;
      } else {
        tx = 0;
        ty = 0;
      }
      apply();
    }
    function fit() {
      var w = view.clientWidth, h = view.clientHeight;
      s = Math.max(0.1, Math.min(1, w / natW, h / natH));
      tx = (w - natW * s) / 2;
      ty = 0;
      apply();
    }
    view.style.height = Math.max(260, Math.min(natH + 8, Math.round(window.innerHeight * 0.72))) + 'px';
    centreOn(svg.getAttribute('data-root'));

    var drag = null, moved = false;
    view.addEventListener('pointerdown', function (ev) {
      if (ev.button !== 0 || (ev.target.closest && ev.target.closest('.tg'))) return;
      drag = {x: ev.clientX, y: ev.clientY, tx: tx, ty: ty, id: ev.pointerId};
      moved = false;
    });
    view.addEventListener('pointermove', function (ev) {
      if (!drag) return;
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) > 4) {
        moved = true;
        try { view.setPointerCapture(drag.id); } catch (err) { /* the pointer is gone */ }
        view.classList.add('dragging');
      }
      if (moved) {
        tx = drag.tx + dx;
        ty = drag.ty + dy;
        apply();
      }
    });
    function end() {
      drag = null;
      view.classList.remove('dragging');
    }
    view.addEventListener('pointerup', end);
    view.addEventListener('pointercancel', end);
    view.addEventListener('click', function (ev) {
      if (moved) {
        ev.preventDefault();
        ev.stopPropagation();
        moved = false;
      }
    }, true);
    view.addEventListener('wheel', function (ev) {
      if (!ev.ctrlKey && !ev.metaKey) return;
      ev.preventDefault();
      var r = view.getBoundingClientRect();
      zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top);
    }, {passive: false});
    if (tools) {
      tools.addEventListener('click', function (ev) {
        var b = ev.target.closest ? ev.target.closest('button') : null;
        if (!b) return;
        var act = b.getAttribute('data-act');
        var w = view.clientWidth / 2, h = view.clientHeight / 2;
        if (act === 'in') zoomAt(1.25, w, h);
        else if (act === 'out') zoomAt(1 / 1.25, w, h);
        else if (act === 'fit') fit();
        else if (act === 'root') centreOn(svg.getAttribute('data-root'));
      });
    }

    /* folding: a node is shown when a root reaches it without passing a folded node */
    var edges = Array.prototype.slice.call(svg.querySelectorAll('path.e'));
    var nodes = Array.prototype.slice.call(svg.querySelectorAll('g.node'));
    var kids = {}, hasParent = {}, folded = {};
    edges.forEach(function (e) {
      var f = e.getAttribute('data-from'), t = e.getAttribute('data-to');
      (kids[f] = kids[f] || []).push(t);
      hasParent[t] = true;
    });
    // a fold button at the lower right of every node with something below it (made here: the SVG has no script)
    var NS = 'http://www.w3.org/2000/svg';
    nodes.forEach(function (n) {
      var id = n.getAttribute('data-id');
      var below = (kids[id] || []).filter(function (k) { return k.indexOf('@') < 0; });
      var shape = n.querySelector('.sh');
      if (!below.length || !shape) return;
      var b = shape.getBBox();
      var g = doc.createElementNS(NS, 'g');
      g.setAttribute('class', 'tg');
      g.setAttribute('data-id', id);
      g.setAttribute('role', 'button');
      g.setAttribute('tabindex', '0');
      g.setAttribute('aria-label', 'fold or unfold what is below ' + id);
      g.setAttribute('aria-pressed', 'false');
      var c = doc.createElementNS(NS, 'circle');
      c.setAttribute('cx', String(b.x + b.width - 9));
      c.setAttribute('cy', String(b.y + b.height - 9));
      c.setAttribute('r', '7');
      var t = doc.createElementNS(NS, 'text');
      t.setAttribute('x', String(b.x + b.width - 9));
      t.setAttribute('y', String(b.y + b.height - 5));
      t.textContent = '\u2212';
      g.appendChild(c);
      g.appendChild(t);
      n.appendChild(g);
    });
    function refresh() {
      var shown = {}, stack = [];
      nodes.forEach(function (n) {
        var id = n.getAttribute('data-id');
        if (!hasParent[id]) stack.push(id);
      });
      while (stack.length) {
        var id = stack.pop();
        if (shown[id]) continue;
        shown[id] = true;
        if (folded[id]) {
          (kids[id] || []).forEach(function (k) { if (k.indexOf('@') >= 0) stack.push(k); });
          continue;
        }
        (kids[id] || []).forEach(function (k) { stack.push(k); });
      }
      nodes.forEach(function (n) { n.style.display = shown[n.getAttribute('data-id')] ? '' : 'none'; });
      edges.forEach(function (e) {
        var ok = shown[e.getAttribute('data-from')] && shown[e.getAttribute('data-to')];
        e.style.display = ok ? '' : 'none';
      });
    }
    function toggle(tg) {
      var id = tg.getAttribute('data-id');
      folded[id] = !folded[id];
      var label = tg.querySelector('text');
      if (label) label.textContent = folded[id] ? '+' : '\u2212';
      tg.setAttribute('aria-pressed', folded[id] ? 'true' : 'false');
      refresh();
    }
    svg.addEventListener('click', function (ev) {
      var tg = ev.target.closest ? ev.target.closest('.tg') : null;
      if (!tg) return;
      ev.preventDefault();
      toggle(tg);
    });
    svg.addEventListener('keydown', function (ev) {
      var tg = ev.target.closest ? ev.target.closest('.tg') : null;
      if (tg && (ev.key === 'Enter' || ev.key === ' ')) {
        ev.preventDefault();
        toggle(tg);
      }
    });
  }

  function start() {
    setupExact();
    Array.prototype.forEach.call(doc.querySelectorAll('table.sortable'), setupTable);
    Array.prototype.forEach.call(doc.querySelectorAll('form.filters'), setupFilters);
    Array.prototype.forEach.call(doc.querySelectorAll('.diagram'), setupDiagram);
    if (location.hash) reveal(location.hash, true);
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();
})();
