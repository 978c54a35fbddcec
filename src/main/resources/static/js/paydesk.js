// Paydesk UI helpers: CSRF header for htmx requests and the mobile navigation toggle.
(function () {
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('[data-toggle-nav]');
    if (toggle) { document.body.classList.toggle('nav-open'); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { document.body.classList.remove('nav-open'); }
  });
})();

// Case desk: keyboard shortcuts (not while typing) and live countdowns for due times.
(function () {
  function typing(target) {
    return target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
  }
  document.addEventListener('keydown', function (event) {
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var list = document.querySelector('[data-nav-list]');
    var rows = list ? Array.prototype.slice.call(list.querySelectorAll('tbody tr[data-href]')) : [];
    var current = rows.findIndex(function (r) { return r.classList.contains('selected'); });
    if (event.key === '/') {
      var search = document.querySelector('[data-search]');
      if (search) { event.preventDefault(); search.focus(); }
    } else if ((event.key === 'j' || event.key === 'k') && rows.length) {
      var next = event.key === 'j' ? Math.min(rows.length - 1, current + 1) : Math.max(0, current - 1);
      rows.forEach(function (r) { r.classList.remove('selected'); });
      rows[next].classList.add('selected');
      rows[next].scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter' && current >= 0) {
      window.location = rows[current].getAttribute('data-href');
    } else if (event.key === 'r' || event.key === 'n') {
      var box = document.querySelector(event.key === 'r' ? '[data-reply]' : '[data-note]');
      if (box) { event.preventDefault(); box.focus(); }
    } else {
      var target = document.querySelector('[data-key="' + event.key + '"]');
      if (target) { event.preventDefault(); target.click(); }
    }
  });
  function countdowns() {
    var now = Date.now();
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('datetime'));
      if (isNaN(due)) { return; }
      var minutes = Math.round((due - now) / 60000);
      var abs = Math.abs(minutes);
      var text = abs >= 1440 ? Math.floor(abs / 1440) + 'd ' + Math.floor((abs % 1440) / 60) + 'h'
        : abs >= 60 ? Math.floor(abs / 60) + 'h ' + (abs % 60) + 'm' : abs + 'm';
      el.title = el.getAttribute('title') || el.textContent;
      el.textContent = minutes >= 0 ? 'in ' + text : text + ' overdue';
      el.classList.toggle('overdue', minutes < 0);
    });
  }
  countdowns();
  setInterval(countdowns, 30000);
  // irreversible actions: a form with data-confirm asks first (pages that include fragments/confirm.html ask in
  // its dialog through confirm.js instead; asking here too would ask twice and, answered, still cancel the form)
  document.addEventListener('submit', function (event) {
    if (document.getElementById('confirm-dialog')) { return; }
    var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();

// A table too wide for a phone scrolls inside itself; it is made focusable (and named) so keyboard users can
// scroll it too (WCAG 2.1.1; axe rule scrollable-region-focusable). Re-checked after htmx swaps and resizes.
(function () {
  function focusableScrollers() {
    document.querySelectorAll('table.table, .table-scroll, .wf-scroll').forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        if (!el.hasAttribute('tabindex')) { el.setAttribute('tabindex', '0'); el.setAttribute('data-scroll-focus', ''); }
      } else if (el.hasAttribute('data-scroll-focus')) {
        el.removeAttribute('tabindex'); el.removeAttribute('data-scroll-focus');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', focusableScrollers);
  window.addEventListener('resize', focusableScrollers);
  document.addEventListener('htmx:afterSwap', focusableScrollers);
})();
