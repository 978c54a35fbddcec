// Confirmation for irreversible actions: a form with data-confirm is sent only after the dialog of
// fragments/confirm.html is answered with the confirming button; it then carries confirmed=true.
(function () {
  if (window.paydeskConfirm) { return; }
  window.paydeskConfirm = true;
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-confirm]') || form.dataset.confirmed === 'true') { return; }
    var dialog = document.getElementById('confirm-dialog');
    if (!dialog || typeof dialog.showModal !== 'function') { return; }
    event.preventDefault();
    var submitter = event.submitter || null;
    document.getElementById('confirm-message').textContent = form.getAttribute('data-confirm');
    document.getElementById('confirm-note').textContent = form.getAttribute('data-confirm-note') || '';
    var ok = document.getElementById('confirm-ok');
    ok.textContent = form.getAttribute('data-confirm-ok') || ok.getAttribute('data-default-label');
    dialog.returnValue = '';
    dialog.onclose = function () {
      if (dialog.returnValue !== 'ok') { return; }
      form.dataset.confirmed = 'true';
      var flag = document.createElement('input');
      flag.type = 'hidden';
      flag.name = 'confirmed';
      flag.value = 'true';
      form.appendChild(flag);
      if (submitter && form.requestSubmit) { form.requestSubmit(submitter); } else { form.submit(); }
    };
    dialog.showModal();
  }, true);
})();
