/* Passkeys (WebAuthn) for Monia's second factor: a static file, as the CSP asks
 * (script-src 'self'). Each <form class="passkey" data-passkey="register|login"> names its
 * two JSON endpoints (data-begin, data-complete), where to go after (data-next) and its
 * messages in the page's language (data-failed, data-unsupported). Without this script the
 * page says a passkey needs JavaScript; the app's code works without it. */
(function () {
  "use strict";

  function toBuffer(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) { b64 += "="; }
    var binary = atob(b64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function post(url, csrf, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) { throw new Error(data.detail || String(response.status)); }
        return data;
      });
    });
  }

  function credentialIds(list) {
    (list || []).forEach(function (c) { c.id = toBuffer(c.id); });
  }

  function register(form, csrf) {
    return post(form.dataset.begin, csrf).then(function (options) {
      options.challenge = toBuffer(options.challenge);
      options.user.id = toBuffer(options.user.id);
      credentialIds(options.excludeCredentials);
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      var r = credential.response;
      return post(form.dataset.complete, csrf, {
        id: credential.id,
        rawId: toText(credential.rawId),
        type: credential.type,
        authenticatorAttachment: credential.authenticatorAttachment,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: {
          clientDataJSON: toText(r.clientDataJSON),
          attestationObject: toText(r.attestationObject),
          transports: r.getTransports ? r.getTransports() : []
        }
      });
    });
  }

  function login(form, csrf) {
    return post(form.dataset.begin, csrf).then(function (options) {
      options.challenge = toBuffer(options.challenge);
      credentialIds(options.allowCredentials);
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var r = credential.response;
      return post(form.dataset.complete, csrf, {
        id: credential.id,
        rawId: toText(credential.rawId),
        type: credential.type,
        authenticatorAttachment: credential.authenticatorAttachment,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: {
          clientDataJSON: toText(r.clientDataJSON),
          authenticatorData: toText(r.authenticatorData),
          signature: toText(r.signature),
          userHandle: r.userHandle ? toText(r.userHandle) : null
        }
      });
    });
  }

  document.querySelectorAll("form.passkey").forEach(function (form) {
    var button = form.querySelector("button");
    var status = form.querySelector(".passkey-status");
    var needed = form.querySelector(".js-needed");
    if (needed) { needed.hidden = true; }
    if (!window.PublicKeyCredential || !navigator.credentials) {
      status.textContent = form.dataset.unsupported;
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
      var ceremony = form.dataset.passkey === "register" ? register : login;
      button.disabled = true;
      status.textContent = "";
      ceremony(form, csrf).then(function () {
        window.location.assign(form.dataset.next || "/");
      }).catch(function () {
        button.disabled = false;
        status.textContent = form.dataset.failed;
      });
    });
  });
})();
