// Confirmation for irreversible actions: a form (or its submit button) with data-confirm is sent only after the dialog of
// fragments/confirm.html is answered with the confirming button; it then carries confirmed=true.
(function () {
  if (window.paydeskConfirm) { return; }
  window.paydeskConfirm = true;
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter || null;
    var source = submitter && submitter.hasAttribute('data-confirm') ? submitter
      : (form.matches && form.matches('form[data-confirm]') ? form : null);
    if (!source || form.dataset.confirmed === 'true') { return; }
    var dialog = document.getElementById('confirm-dialog');
    if (!dialog || typeof dialog.showModal !== 'function') { return; }
    event.preventDefault();
    document.getElementById('confirm-message').textContent = source.getAttribute('data-confirm');
    document.getElementById('confirm-note').textContent = source.getAttribute('data-confirm-note') || '';
    var ok = document.getElementById('confirm-ok');
    ok.textContent = source.getAttribute('data-confirm-ok') || ok.getAttribute('data-default-label');
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
