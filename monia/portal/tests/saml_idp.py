"""A local SAML 2.0 identity provider for the tests — NOT real identification.

It plays Suomi.fi e-identification's part: it checks the SP's signature on the
AuthnRequest (HTTP-Redirect), shows a page where the tester types an identity code, and
answers the SP's ACS over HTTP-POST with a signed Response and Assertion carrying the
code in urn:oid:1.2.246.21. Switches let a test make it misbehave (unsigned, tampered).
Keys are generated at test time; nothing here may ever be configured in production.
"""

from __future__ import annotations

import base64
import datetime
import html
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.response import IncorrectlySigned
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_TRANSIENT
from saml2.server import Server

from monia.portal.saml_config import (
    ATTRIBUTE_MAP_DIR,
    DIGEST_SHA256,
    SIG_RSA_SHA256,
    XMLSEC_BINARY,
)

LOA_HIGH = "http://ftn.ficora.fi/2017/loa3"
TITLE = "Test identity provider — not real identification"
_SIGNED_PARAMS = ("SAMLRequest", "RelayState", "SigAlg", "Signature")


def make_key_pair(directory: Path, name: str) -> tuple[Path, Path]:
    """A fresh RSA key and a self-signed certificate valid for a day (tests only)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Monia test {name}")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = directory / f"{name}.key", directory / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class IdentityProvider:
    """The IdP on 127.0.0.1:<free port>, served by wsgiref in a background thread."""

    def __init__(
        self, workdir: Path, *, key_file: Path, cert_file: Path, host: str = "127.0.0.1"
    ) -> None:
        self.key_file, self.cert_file = key_file, cert_file
        self._httpd: WSGIServer = make_server(
            "127.0.0.1", 0, self._app, handler_class=_QuietHandler
        )
        # A browser sends a SameSite=Lax cookie on the IdP's POST back only within one site:
        # a browser test names the IdP "localhost", as the live server is named.
        self.url = f"http://{host}:{self._httpd.server_port}"
        self.entity_id = f"{self.url}/metadata"
        self.metadata_file = workdir / "idp-metadata.xml"
        self.metadata_file.write_text(str(entity_descriptor(self._config(None))))
        self.server: Server | None = None
        self._thread: threading.Thread | None = None
        # What the tests switch: misbehaviour of a broken or hostile IdP.
        self.sign = True
        self.encrypt = False
        self.tamper_identity_code = ""  # swapped into the XML after signing
        self.authn_context = LOA_HIGH
        self.logged_out: list[str] = []  # name ids of the single logouts the SP asked for

    def _config(self, sp_metadata: Path | None) -> IdPConfig:
        return IdPConfig().load(
            {
                "entityid": self.entity_id,
                "xmlsec_binary": XMLSEC_BINARY,
                "attribute_map_dir": str(ATTRIBUTE_MAP_DIR),
                "service": {
                    "idp": {
                        "name": TITLE,
                        "endpoints": {
                            "single_sign_on_service": [
                                (f"{self.url}/sso/redirect", BINDING_HTTP_REDIRECT)
                            ],
                            "single_logout_service": [
                                (f"{self.url}/slo/redirect", BINDING_HTTP_REDIRECT)
                            ],
                        },
                        "name_id_format": [NAMEID_FORMAT_TRANSIENT],
                        "want_authn_requests_signed": True,
                        "policy": {
                            "default": {"lifetime": {"minutes": 5}, "name_form": NAME_FORMAT_URI}
                        },
                    }
                },
                "metadata": {"local": [str(sp_metadata)]} if sp_metadata else {},
                "key_file": str(self.key_file),
                "cert_file": str(self.cert_file),
                "signing_algorithm": SIG_RSA_SHA256,
                "digest_algorithm": DIGEST_SHA256,
            }
        )

    def trust(self, sp_metadata: Path) -> None:
        """Load the SP's metadata: its entity id, ACS and signing/encryption certificate."""
        self.server = Server(config=self._config(sp_metadata))

    def start(self) -> None:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    # The WSGI application.
    def _app(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
        try:
            if path == "/metadata":
                return _answer(start_response, self.metadata_file.read_text(), "text/xml")
            if path == "/sso/redirect" and method == "GET":
                return _answer(start_response, self._login_page(_query(environ)))
            if path == "/sso/redirect" and method == "POST":
                return _answer(start_response, self._response_page(_form(environ)))
            if path == "/slo/redirect" and method == "GET":
                location = self._logout(_query(environ))
                start_response("302 Found", [("Location", location), ("Content-Length", "0")])
                return [b""]
        except ValueError as exc:
            return _answer(start_response, str(exc), status="400 Bad Request")
        return _answer(start_response, "Not found", status="404 Not Found")

    def _authn_request(self, params: dict[str, str]) -> Any:
        """The SP's AuthnRequest; pysaml2 checks its redirect signature against the SP's
        certificate in the metadata (want_authn_requests_signed, as at Suomi.fi)."""
        assert self.server is not None, "call trust() with the SP's metadata first"
        try:
            return self.server.parse_authn_request(
                params["SAMLRequest"],
                BINDING_HTTP_REDIRECT,
                relay_state=params.get("RelayState"),
                sigalg=params.get("SigAlg"),
                signature=params.get("Signature"),
            )
        except (KeyError, IncorrectlySigned) as exc:
            raise ValueError("Not an AuthnRequest signed by a known service provider") from exc

    def _login_page(self, params: dict[str, str]) -> str:
        self._authn_request(params)
        hidden = "".join(
            f'<input type="hidden" name="{k}" value="{html.escape(params[k])}">'
            for k in _SIGNED_PARAMS
            if k in params
        )
        return _page(
            f"""<h1>{TITLE}</h1>
<form method="post" action="/sso/redirect">{hidden}
<p><label for="identity_code">Identity code</label>
<input id="identity_code" name="identity_code" autocomplete="off"></p>
<p><label for="given_name">Given name</label> <input id="given_name" name="given_name"></p>
<p><label for="last_name">Last name</label> <input id="last_name" name="last_name"></p>
<p><button type="submit">Identify</button></p>
</form>"""
        )

    def _response_page(self, form: dict[str, str]) -> str:
        request = self._authn_request(form)
        assert self.server is not None
        code = form.get("identity_code", "").strip()
        identity = {
            name: [value]
            for name, value in (
                ("nationalIdentificationNumber", code),
                ("givenName", form.get("given_name", "")),
                ("sn", form.get("last_name", "")),
            )
            if value
        }
        response = self.server.create_authn_response(
            identity,
            userid=code or "anonymous",
            authn={"class_ref": self.authn_context, "authn_auth": self.entity_id},
            sign_assertion=self.sign,
            sign_response=self.sign,
            encrypt_assertion=self.encrypt,
            encrypt_assertion_self_contained=True,
            **self.server.response_args(request.message, [BINDING_HTTP_POST]),
        )
        xml = str(response)
        if self.tamper_identity_code:
            assert code and code in xml
            xml = xml.replace(code, self.tamper_identity_code)
        destination = request.message.assertion_consumer_service_url
        return _page(
            f"""<h1>{TITLE}</h1>
<form method="post" action="{html.escape(destination)}">
<input type="hidden" name="SAMLResponse" value="{base64.b64encode(xml.encode()).decode()}">
<input type="hidden" name="RelayState" value="{html.escape(form.get("RelayState", ""))}">
<p>You are being returned to the service.</p>
<p><button type="submit">Continue</button></p>
</form>
<script>document.forms[0].submit();</script>"""
        )

    def _logout(self, params: dict[str, str]) -> str:
        """Single logout: check the SP's signed LogoutRequest, answer with a signed
        LogoutResponse back to the SP's logout service (HTTP-Redirect)."""
        assert self.server is not None
        try:
            request = self.server.parse_logout_request(
                params["SAMLRequest"],
                BINDING_HTTP_REDIRECT,
                relay_state=params.get("RelayState"),
                sigalg=params.get("SigAlg"),
                signature=params.get("Signature"),
            )
        except (KeyError, IncorrectlySigned) as exc:
            raise ValueError("Not a LogoutRequest signed by a known service provider") from exc
        self.logged_out.append(request.message.name_id.text)
        response = self.server.create_logout_response(
            request.message, [BINDING_HTTP_REDIRECT], sign=False
        )
        destination = self.server.response_args(request.message, [BINDING_HTTP_REDIRECT])[
            "destination"
        ]
        info = self.server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(response),
            destination,
            params.get("RelayState", ""),
            response=True,
            sign=True,
        )
        return dict(info["headers"])["Location"]


def _page(body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{TITLE}</title></head><body><main>{body}</main></body></html>"
    )


def _answer(
    start_response: Any, body: str, content_type: str = "text/html", status: str = "200 OK"
) -> list[bytes]:
    data = body.encode()
    start_response(
        status,
        [("Content-Type", f"{content_type}; charset=utf-8"), ("Content-Length", str(len(data)))],
    )
    return [data]


def _query(environ: dict[str, Any]) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}


def _form(environ: dict[str, Any]) -> dict[str, str]:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length).decode()
    return {k: v[0] for k, v in parse_qs(body).items()}
