// Knowledge on the case page: "Insert into reply" puts a customer-facing article's snippet into the reply box.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-insert-reply]') : null;
  if (!button) { return; }
  var box = document.querySelector('[data-reply]');
  if (!box) { return; }
  var snippet = button.getAttribute('data-snippet') || '';
  box.value = box.value ? box.value.replace(/\s+$/, '') + '\n\n' + snippet : snippet;
  box.focus();
});
