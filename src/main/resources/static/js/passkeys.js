// Passkeys (WebAuthn) against Spring Security's endpoints: sign in (/webauthn/authenticate/options, then
// /login/webauthn) and register (/webauthn/register/options, then /webauthn/register). Binary fields
// travel as base64url. The CSRF token comes from the page's _csrf meta tags.
(function () {
  function b64urlToBuffer(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    var bin = atob(base64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out.buffer;
  }
  function bufferToB64url(buffer) {
    var bytes = new Uint8Array(buffer), bin = '';
    for (var i = 0; i < bytes.length; i++) { bin += String.fromCharCode(bytes[i]); }
    return btoa(bin).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }
  function base() {
    var meta = document.querySelector('meta[name="_context"]');
    return meta ? meta.content.replace(/\/$/, '') : '';
  }
  function post(path, body) {
    var headers = { 'Content-Type': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    return fetch(base() + path, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  }
  function show(element, message) {
    if (!element) { return; }
    element.textContent = message;
    element.hidden = false;
  }
  async function signIn(errorBox) {
    try {
      var optionsResponse = await post('/webauthn/authenticate/options');
      if (!optionsResponse.ok) { throw new Error('HTTP ' + optionsResponse.status); }
      var options = await optionsResponse.json();
      options.challenge = b64urlToBuffer(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: b64urlToBuffer(c.id) });
      });
      var cred = await navigator.credentials.get({ publicKey: options });
      var r = cred.response;
      var result = await post('/login/webauthn', {
        id: cred.id, rawId: bufferToB64url(cred.rawId), credType: cred.type,
        response: { authenticatorData: bufferToB64url(r.authenticatorData), clientDataJSON: bufferToB64url(r.clientDataJSON),
          signature: bufferToB64url(r.signature), userHandle: r.userHandle ? bufferToB64url(r.userHandle) : undefined },
        clientExtensionResults: cred.getClientExtensionResults(), authenticatorAttachment: cred.authenticatorAttachment
      });
      var answer = await result.json();
      if (!result.ok || !answer.authenticated) { throw new Error(answer.detail || ('HTTP ' + result.status)); }
      window.location.href = answer.redirectUrl;
    } catch (e) {
      show(errorBox, errorBox.dataset.message + ' ' + (e && e.message ? e.message : e));
    }
  }
  async function register(form) {
    var errorBox = document.getElementById('passkey-error');
    try {
      var label = form.querySelector('[name="label"]').value.trim();
      if (!label) { throw new Error(form.dataset.labelRequired); }
      var optionsResponse = await post('/webauthn/register/options');
      if (!optionsResponse.ok) { throw new Error('HTTP ' + optionsResponse.status); }
      var options = await optionsResponse.json();
      options.challenge = b64urlToBuffer(options.challenge);
      options.user = Object.assign({}, options.user, { id: b64urlToBuffer(options.user.id) });
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: b64urlToBuffer(c.id) });
      });
      var cred = await navigator.credentials.create({ publicKey: options });
      var r = cred.response;
      var result = await post('/webauthn/register', { publicKey: { label: label, credential: {
        id: cred.id, rawId: bufferToB64url(cred.rawId), type: cred.type,
        response: { attestationObject: bufferToB64url(r.attestationObject), clientDataJSON: bufferToB64url(r.clientDataJSON),
          transports: r.getTransports ? r.getTransports() : [] },
        clientExtensionResults: cred.getClientExtensionResults(), authenticatorAttachment: cred.authenticatorAttachment } } });
      var answer = await result.json().catch(function () { return {}; });
      if (!result.ok || !answer.success) { throw new Error('HTTP ' + result.status); }
      window.location.reload();
    } catch (e) {
      show(errorBox, errorBox.dataset.message + ' ' + (e && e.message ? e.message : e));
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('passkey-sign-in');
    if (button) {
      if (!window.PublicKeyCredential) { button.hidden = true; return; }
      button.addEventListener('click', function () { signIn(document.getElementById('passkey-error')); });
    }
    var form = document.getElementById('passkey-register');
    if (form) {
      form.addEventListener('submit', function (event) { event.preventDefault(); register(form); });
    }
  });
})();
