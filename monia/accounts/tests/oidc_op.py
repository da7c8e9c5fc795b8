"""A local OpenID Connect provider for the tests — NOT real authentication.

It plays the county identity provider's part in the authorization code flow: discovery
document, JWKS, an authorization endpoint that signs in one configured person (at once,
or after a "Sign in" button), a token endpoint that checks the client's secret, the code,
the redirect URI and the PKCE verifier, and answers with an RS256-signed ID token, a
userinfo endpoint and an end session endpoint. Switches make it misbehave like a broken
or hostile provider (wrong nonce, audience, issuer, expired token, bad signature, another
algorithm). The key is generated when the tests start; nothing here may be configured in
production.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

TITLE = "Test identity provider — not real authentication"
KEY_ID = "monia-test-key"
MISBEHAVIOURS = (
    "nonce",  # the ID token carries another nonce than the one Monia sent
    "audience",  # the ID token is for another client
    "issuer",  # the ID token names another issuer
    "expired",  # the ID token's lifetime ended ten minutes ago
    "signature",  # signed with another key under the provider's key id
    "alg_hs256",  # "signed" with the client secret (HS256) instead of the provider's key
    "alg_none",  # not signed at all
    "azp",  # for two audiences, with no authorized party named
)


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Person:
    """The one person this provider signs in, with the claims it asserts."""

    sub: str = "county-subject-0001"
    email: str = "worker.a@county.example"
    email_verified: bool = True
    name: str = "Worker Testinen"
    preferred_username: str = "worker_a"


@dataclass
class _Grant:
    client_id: str
    redirect_uri: str
    nonce: str
    code_challenge: str
    code_challenge_method: str


@dataclass
class Seen:
    """What Monia sent, for the tests to assert on."""

    authorization_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    logouts: list[dict[str, str]] = field(default_factory=list)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class OpenIDProvider:
    """The provider on <host>:<free port>, served by wsgiref in a background thread."""

    def __init__(
        self,
        *,
        key: rsa.RSAPrivateKey,
        client_id: str,
        client_secret: str,
        redirect_uris: list[str],
        host: str = "127.0.0.1",
    ) -> None:
        self.key, self.client_id, self.client_secret = key, client_id, client_secret
        self.redirect_uris = list(redirect_uris)
        self._httpd: WSGIServer = make_server(
            "127.0.0.1", 0, self._app, handler_class=_QuietHandler
        )
        self.url = f"http://{host}:{self._httpd.server_port}"
        self.issuer = f"{self.url}/realm"
        self._thread: threading.Thread | None = None
        self._codes: dict[str, _Grant] = {}
        self._access_tokens: dict[str, str] = {}
        self.seen = Seen()
        # What the tests switch.
        self.person = Person()
        self.auto_approve = True  # False: a page with a "Sign in" button first
        self.amr: list[str] | None = ["pwd"]
        self.acr: str | None = None
        self.claims_in_id_token = True  # False: email etc. only from the userinfo endpoint
        self.userinfo_sub: str | None = None  # another subject in the userinfo answer
        self.misbehave = ""
        self.end_session = True  # the discovery document names an end session endpoint

    def start(self) -> None:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    # The documents.
    def discovery(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"],
            "scopes_supported": ["openid", "email", "profile"],
        }
        if self.end_session:
            document["end_session_endpoint"] = f"{self.url}/logout"
        return document

    def jwks(self) -> dict[str, Any]:
        public = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**public, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    # The WSGI application.
    def _app(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
        try:
            if path == "/realm/.well-known/openid-configuration":
                return _json(start_response, self.discovery())
            if path == "/jwks":
                return _json(start_response, self.jwks())
            if path == "/authorize" and method == "GET":
                return self._authorize(start_response, _query(environ), approved=False)
            if path == "/authorize" and method == "POST":
                return self._authorize(start_response, _form(environ), approved=True)
            if path == "/token" and method == "POST":
                return _json(start_response, self._token(environ, _form(environ)))
            if path == "/userinfo":
                return _json(start_response, self._userinfo(environ))
            if path == "/logout":
                params = _query(environ)
                self.seen.logouts.append(params)
                return _redirect(start_response, params.get("post_logout_redirect_uri", "/"))
        except PermissionError as exc:
            return _json(start_response, {"error": str(exc)}, status="400 Bad Request")
        return _page(start_response, "<p>Not found</p>", status="404 Not Found")

    def _authorize(
        self, start_response: Any, params: dict[str, str], *, approved: bool
    ) -> list[bytes]:
        if params.get("client_id") != self.client_id:
            raise PermissionError("unauthorized_client")
        if params.get("redirect_uri") not in self.redirect_uris:
            raise PermissionError("invalid_redirect_uri")
        if params.get("response_type") != "code" or "openid" not in params.get("scope", ""):
            raise PermissionError("invalid_request")
        if not approved:
            self.seen.authorization_requests.append(params)
        if not (approved or self.auto_approve):
            hidden = "".join(
                f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                for k, v in params.items()
            )
            return _page(
                start_response,
                f"""<h1>{TITLE}</h1>
<p>Signing in as {html.escape(self.person.name)}.</p>
<form method="post" action="/authorize">{hidden}
<p><button type="submit">Sign in</button></p>
</form>""",
            )
        code = secrets.token_urlsafe(24)
        self._codes[code] = _Grant(
            client_id=params["client_id"],
            redirect_uri=params["redirect_uri"],
            nonce=params.get("nonce", ""),
            code_challenge=params.get("code_challenge", ""),
            code_challenge_method=params.get("code_challenge_method", ""),
        )
        answer = urlencode({"code": code, "state": params.get("state", "")})
        return _redirect(start_response, f"{params['redirect_uri']}?{answer}")

    def _token(self, environ: dict[str, Any], form: dict[str, str]) -> dict[str, Any]:
        self.seen.token_requests.append(form)
        basic = environ.get("HTTP_AUTHORIZATION", "")
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if basic != f"Basic {expected}":
            raise PermissionError("invalid_client")
        grant = self._codes.pop(form.get("code", ""), None)  # a code is good once
        if grant is None or form.get("grant_type") != "authorization_code":
            raise PermissionError("invalid_grant")
        if form.get("redirect_uri") != grant.redirect_uri:
            raise PermissionError("invalid_grant")
        verifier = form.get("code_verifier", "")
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        if grant.code_challenge_method != "S256" or challenge != grant.code_challenge:
            raise PermissionError("invalid_grant")
        access_token = secrets.token_urlsafe(24)
        self._access_tokens[access_token] = self.person.sub
        return {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": self.id_token(nonce=grant.nonce),
        }

    def id_token(self, *, nonce: str) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": self.person.sub,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "auth_time": now,
            "nonce": nonce,
        }
        if self.amr is not None:
            claims["amr"] = self.amr
        if self.acr is not None:
            claims["acr"] = self.acr
        if self.claims_in_id_token:
            claims.update(self._person_claims())
        key: Any = self.key
        algorithm = "RS256"
        match self.misbehave:
            case "nonce":
                claims["nonce"] = "not-" + nonce
            case "audience":
                claims["aud"] = "another-client"
            case "issuer":
                claims["iss"] = "https://elsewhere.example/realm"
            case "expired":
                claims.update(iat=now - 900, exp=now - 600, auth_time=now - 900)
            case "signature":
                key = new_key()
            case "alg_hs256":
                key, algorithm = self.client_secret, "HS256"
            case "alg_none":
                key, algorithm = None, "none"
            case "azp":
                claims["aud"] = [self.client_id, "another-client"]
        return jwt.encode(claims, key, algorithm=algorithm, headers={"kid": KEY_ID})

    def _person_claims(self) -> dict[str, Any]:
        return {
            "email": self.person.email,
            "email_verified": self.person.email_verified,
            "name": self.person.name,
            "preferred_username": self.person.preferred_username,
        }

    def _userinfo(self, environ: dict[str, Any]) -> dict[str, Any]:
        bearer = environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        if bearer not in self._access_tokens:
            raise PermissionError("invalid_token")
        return {"sub": self.userinfo_sub or self.person.sub, **self._person_claims()}


def _query(environ: dict[str, Any]) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}


def _form(environ: dict[str, Any]) -> dict[str, str]:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length).decode()
    return {k: v[0] for k, v in parse_qs(body).items()}


def _json(start_response: Any, body: dict[str, Any], status: str = "200 OK") -> list[bytes]:
    data = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    )
    return [data]


def _page(start_response: Any, body: str, status: str = "200 OK") -> list[bytes]:
    data = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{TITLE}</title></head><body><main>{body}</main></body></html>"
    ).encode()
    start_response(
        status,
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(data)))],
    )
    return [data]


def _redirect(start_response: Any, location: str) -> list[bytes]:
    start_response("302 Found", [("Location", location), ("Content-Length", "0")])
    return [b""]
