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
