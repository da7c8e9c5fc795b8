"""Monia's one settings module. Every value comes from the environment: typed helpers fail
loudly on a bad value, so a misconfigured server never starts half-right. `.env.example`
documents every variable."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from monia import base_url, db_pool, dbrouter, log_setup

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Environment variable {name} is required")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def _required(name: str, when: str) -> str:
    raise ImproperlyConfigured(f"Set {name} {when}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# The fallback key is only for local development and tests; production sets SECRET_KEY.
_DEV_KEY = "monia-insecure-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", _DEV_KEY)
if not DEBUG and SECRET_KEY == _DEV_KEY and not env_bool("MONIA_ALLOW_DEV_KEY", default=False):
    raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for local development)")
# Rotating SECRET_KEY: the earlier keys, still accepted for what was signed with them
# (sessions, signed form tokens) until they are dropped (docs/security.md, "Rotating keys").
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "http://127.0.0.1:8000")
CSRF_FAILURE_VIEW = "monia.web.security.csrf_failure"  # a refused form shows what was typed

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # pg_trgm: trigram indexes and similarity (monia/people)
    "ninja",  # serves the API docs' assets locally: no CDN
    "djangosaml2",  # clients' strong identification over SAML 2.0 (monia/portal/saml.py)
    "axes",  # staff login throttling per account and per address (web/throttle.py)
    "django_otp",  # staff second factor: TOTP apps and passkeys (monia/mfa)
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
    "django_tasks",  # background tasks: the backport of Django 6's django.tasks
    "monia.jobs.queue_app.TaskQueueConfig",  # django_tasks_db: their queue (`db_worker`)
    "monia.jobs",  # periodic tasks: the schedule, `manage.py run_scheduler` (ground floor)
    "monia.teams",
    "monia.accounts",
    "monia.people",
    "monia.access",
    "monia.mfa",
    "monia.casework",
    "monia.attachments",
    "monia.decisions",  # administrative decisions, their service and appeal periods
    "monia.systemic",
    "monia.letters",
    "monia.network",
    "monia.contrib",
    "monia.netmeet",
    "monia.notify",
    "monia.rights",  # four eyes on access rights, the rights log, password links
    "monia.portal",
    "monia.calendar",
    "monia.archive",  # the archive export of a case's signed documents (a background task)
    "monia.reporting",  # THL statistics and self-monitoring, counted from the record
    "monia.dialogue",
    "monia.voice",
    "monia.events",  # the development network (issue 16): events and trainings,
    "monia.training",  # training records, developer groups, peer support,
    "monia.devgroups",  # experts by experience and feedback questionnaires
    "monia.peer",
    "monia.experience",
    "monia.feedback",
    "monia.consult",
    "monia.experts",
    "monia.enotify",
    "monia.web",
    "monia.api",
    "monia.demo",
]

MIDDLEWARE = [
    # One id per request in the X-Request-ID header and every log line (web/security.py).
    "monia.web.security.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files from the app (collectstatic)
    "monia.web.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The SAML exchange's own session: its cookie must reach the ACS on the IdP's POST.
    "djangosaml2.middleware.SamlSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which django-otp device this session verified (the passkey views ask it).
    "django_otp.middleware.OTPMiddleware",
    # 30 minutes idle or 12 hours in all ends a staff or portal session.
    "monia.web.security.SessionTimeoutMiddleware",
    # A logged-in user's page and every API answer: Cache-Control: no-store.
    "monia.web.security.NoStoreMiddleware",
    # A portal client reaches only public and portal pages (access/middleware.py).
    "monia.access.middleware.ClientConfinementMiddleware",
    # Staff who need a second factor reach only its pages until they pass it (mfa/middleware.py).
    "monia.mfa.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers a throttled login with the login page and 429 (web/throttle.py); last, as asked.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "monia.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "monia" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "monia.web.context_processors.main_menu",
                "monia.web.security.session_idle_seconds",
            ],
            "libraries": {"numbers": "monia.ui.numbers"},  # the ground floor's filters
        },
    },
]
WSGI_APPLICATION = "monia.wsgi.application"

_database_url = os.environ.get("DATABASE_URL", "")
if not _database_url:
    from monia.embedded_db import embedded_database_url

    _database_url = embedded_database_url()
if not _database_url.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("Monia runs on PostgreSQL only: DATABASE_URL must be postgres://")
_db = dj_database_url.parse(_database_url, conn_max_age=int(env_str("CONN_MAX_AGE", "60")))
DATABASES = {"default": db_pool.pooled(_db, os.environ)}  # MONIA_DB_POOL (db_pool.py)
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # a restarted database costs no error
DATABASES.update(dbrouter.replica_databases(DATABASES["default"]))  # DATABASE_REPLICA_URL
DATABASE_ROUTERS = ["monia.dbrouter.ReplicaRouter"]  # reports from it (docs/deployment.md)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a password login while its account or address is throttled.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "monia.portal.saml.ClientSaml2Backend",  # clients, on a signed SAML assertion
    "monia.accounts.oidc.StaffOIDCBackend",  # staff, on the county provider's ID token
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
# Where a client lands after the SAML single logout (staff logout: web/urls.py).
LOGOUT_REDIRECT_URL = "portal_login"
# How long a password link stays valid (it also stops working once used): hours.
PASSWORD_RESET_TIMEOUT = int(env_str("MONIA_PASSWORD_LINK_HOURS", "72")) * 3600
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # At most 128 characters (ASVS V2.1.2); 64 and more are allowed.
    {"NAME": "monia.accounts.passwords.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
]

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "monia" / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("MONIA_STATIC_ROOT", str(BASE_DIR / ".data" / "static")))

# Attachments (monia/attachments): through Django's storage API, never served by the web
# server (no MEDIA_URL): every download passes the owner's access rule and is logged.
MONIA_ATTACHMENT_MAX_MB = int(env_str("MONIA_ATTACHMENT_MAX_MB", "20"))
if not 1 <= MONIA_ATTACHMENT_MAX_MB <= 500:
    raise ImproperlyConfigured("MONIA_ATTACHMENT_MAX_MB must be between 1 and 500")
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
MONIA_ATTACHMENT_STORAGE = env_str("MONIA_ATTACHMENT_STORAGE", "filesystem")
if MONIA_ATTACHMENT_STORAGE == "filesystem":
    _attachment_storage: dict[str, object] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env_str("MONIA_ATTACHMENT_DIR", "")
            or str(BASE_DIR / ".data" / "attachments"),
            "base_url": "/no-public-url/",  # never served: downloads go through the views
        },
    }
elif MONIA_ATTACHMENT_STORAGE == "s3":
    # Any S3-compatible store (django-storages); credentials from the standard
    # AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY environment variables (boto3 reads them).
    _attachment_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("MONIA_S3_BUCKET", "")
            or _required("MONIA_S3_BUCKET", "with MONIA_ATTACHMENT_STORAGE=s3"),
            "endpoint_url": env_str("MONIA_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("MONIA_S3_REGION", "") or None,
            "location": "attachments",
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "object_parameters": {"ServerSideEncryption": "AES256"}
            if env_bool("MONIA_S3_SERVER_SIDE_ENCRYPTION", default=True)
            else {},
        },
    }
else:
    raise ImproperlyConfigured("MONIA_ATTACHMENT_STORAGE is 'filesystem' or 's3'")
MONIA_TASKS_BACKEND = env_str("MONIA_TASKS_BACKEND", "database")  # db_worker; "immediate": tests
_IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"
_TASK_KINDS = {"database": "django_tasks_db.DatabaseBackend", "immediate": _IMMEDIATE_TASKS}
if MONIA_TASKS_BACKEND not in _TASK_KINDS:
    raise ImproperlyConfigured("MONIA_TASKS_BACKEND is 'database' or 'immediate'")
TASKS = {"default": {"BACKEND": _TASK_KINDS[MONIA_TASKS_BACKEND], "QUEUES": ["default", "owner"]}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "attachments": _attachment_storage,
}

SESSION_COOKIE_HTTPONLY = True
# A staff or portal session ends after this long idle (warned five minutes before) and at
# the latest after the absolute limit (web/security.py: SessionTimeoutMiddleware).
MONIA_SESSION_IDLE_MINUTES = int(env_str("MONIA_SESSION_IDLE_MINUTES", "30"))
MONIA_SESSION_ABSOLUTE_HOURS = int(env_str("MONIA_SESSION_ABSOLUTE_HOURS", "12"))
if not 1 <= MONIA_SESSION_IDLE_MINUTES <= 24 * 60:
    raise ImproperlyConfigured("MONIA_SESSION_IDLE_MINUTES must be between 1 and 1440")
if not 1 <= MONIA_SESSION_ABSOLUTE_HOURS <= 24:
    raise ImproperlyConfigured("MONIA_SESSION_ABSOLUTE_HOURS must be between 1 and 24")
SESSION_COOKIE_AGE = MONIA_SESSION_ABSOLUTE_HOURS * 60 * 60
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# HTTPS only in production (redirect, HSTS): both follow SESSION_COOKIE_SECURE (off with
# DEBUG and in the tests: scripts/test.sh sets it false); each can be set alone.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=SESSION_COOKIE_SECURE)
SECURE_HSTS_SECONDS = int(
    env_str("SECURE_HSTS_SECONDS", "31536000" if SESSION_COOKIE_SECURE else "0")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = False
# Behind a TLS-terminating proxy: the header it sets on HTTPS requests, e.g.
# "HTTP_X_FORWARDED_PROTO,https". Empty: Django sees the connection itself.
_proxy_header = env_list("SECURE_PROXY_SSL_HEADER", "")
if _proxy_header:
    if len(_proxy_header) != 2:
        raise ImproperlyConfigured("SECURE_PROXY_SSL_HEADER is 'HEADER,value'")
    SECURE_PROXY_SSL_HEADER = (_proxy_header[0], _proxy_header[1])
# Where forms may post besides Monia itself: the SAML IdP's address when SAML is on.
MONIA_CSP_FORM_ACTION = env_str("MONIA_CSP_FORM_ACTION", "")

# Staff login throttling (django-axes; docs/security.md "Login throttling"): a cool-off
# after this many failures for one username, or the larger number from one address (an
# office behind one NAT address makes typos together). Never a permanent lock.
MONIA_LOGIN_FAILURES_PER_ACCOUNT = int(env_str("MONIA_LOGIN_FAILURES_PER_ACCOUNT", "10"))
MONIA_LOGIN_FAILURES_PER_ADDRESS = int(env_str("MONIA_LOGIN_FAILURES_PER_ADDRESS", "50"))
MONIA_LOGIN_COOLOFF_MINUTES = int(env_str("MONIA_LOGIN_COOLOFF_MINUTES", "15"))
if not 3 <= MONIA_LOGIN_FAILURES_PER_ACCOUNT <= MONIA_LOGIN_FAILURES_PER_ADDRESS <= 1000:
    raise ImproperlyConfigured(
        "MONIA_LOGIN_FAILURES_PER_ACCOUNT must be at least 3 and at most "
        "MONIA_LOGIN_FAILURES_PER_ADDRESS (at most 1000)"
    )
if not 1 <= MONIA_LOGIN_COOLOFF_MINUTES <= 24 * 60:
    raise ImproperlyConfigured("MONIA_LOGIN_COOLOFF_MINUTES must be between 1 and 1440")
AXES_ENABLED = True
AXES_HANDLER = "monia.web.throttle.LoginThrottleHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = MONIA_LOGIN_FAILURES_PER_ACCOUNT
AXES_COOLOFF_TIME = datetime.timedelta(minutes=MONIA_LOGIN_COOLOFF_MINUTES)
# Hammering during a lockout does not lengthen it: the worker is back after the cool-off.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "monia.web.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "monia.web.throttle.client_address"
AXES_WHITELIST_CALLABLE = "monia.web.throttle.not_a_password_login"
# Only what the lock needs is kept, and only until its cool-off ends: no log of successful
# logins, no failure log, every submitted value masked in the attempt rows.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["username", "password", "next", "csrfmiddlewaretoken"]
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False

# The staff second factor (monia/mfa; docs/security.md "Second factor"): roles that must
# use one — a comma-separated list of roles, or "all" for every staff and partner role.
# Administrators always do; portal clients never. Once anyone has a factor, it is asked.
MONIA_MFA_REQUIRED_ROLES = env_list("MONIA_MFA_REQUIRED_ROLES", "administrator,senior_official")
# The name an authenticator app shows beside the code.
OTP_TOTP_ISSUER = env_str("MONIA_TOTP_ISSUER", "Monia")
# Seconds a wrong code costs, doubled for each wrong code in a row (django-otp).
OTP_TOTP_THROTTLE_FACTOR = 1

# Days ahead that a deadline counts as "due soon" on the dashboard (working days).
MONIA_DUE_SOON_WORKING_DAYS = int(env_str("MONIA_DUE_SOON_WORKING_DAYS", "10"))
# Families on the weekly meeting's proposed agenda (the team may choose another number when
# opening the meeting); the other families the proposal ranks are offered as "more".
MONIA_MEETING_AGENDA_SIZE = int(env_str("MONIA_MEETING_AGENDA_SIZE", "8"))
if not 1 <= MONIA_MEETING_AGENDA_SIZE <= 50:
    raise ImproperlyConfigured("MONIA_MEETING_AGENDA_SIZE must be between 1 and 50")
# Electronic child welfare notifications from one address (hashed IP) per hour / day before
# the sender is asked a simple question (enotify/gate.py); refused only at 20 times these.
MONIA_ENOTIFY_RATE_HOUR = int(env_str("MONIA_ENOTIFY_RATE_HOUR", "5"))
MONIA_ENOTIFY_RATE_DAY = int(env_str("MONIA_ENOTIFY_RATE_DAY", "20"))
# [U] Target days from an identified need to the first support received (referrals). No
# national standard was found; 30 days is a local default (domain.md §3.3).
MONIA_SUPPORT_TARGET_DAYS = int(env_str("MONIA_SUPPORT_TARGET_DAYS", "30"))
# The portal's demo identification (a synthetic client, no strong identification) starts
# only in a demo database: DEBUG or MONIA_DEMO_DATABASE=true (`make run`). Off: sessions end.
MONIA_DEMO_IDENTIFICATION = env_bool("MONIA_DEMO_IDENTIFICATION", default=False)
MONIA_DEMO_DATABASE = env_bool("MONIA_DEMO_DATABASE", default=False)
if MONIA_DEMO_IDENTIFICATION and not (DEBUG or MONIA_DEMO_DATABASE):
    raise ImproperlyConfigured(
        "MONIA_DEMO_IDENTIFICATION is for a demo database only: set DEBUG=true or "
        "MONIA_DEMO_DATABASE=true (make run does), or turn it off"
    )
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "monia.portal.demo.DemoSessionMiddleware",
)

# E-mail for notifications: only a generic message and a link, never client data.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "monia@localhost")
# The address users reach Monia at: the links in e-mails start with it. `rundemo` serves
# on its --addrport and sets this (and the passkeys' origin, CSRF_TRUSTED_ORIGINS) from it
# when they are not set.
MONIA_BASE_URL = env_str("MONIA_BASE_URL", "http://127.0.0.1:8000")
# Passkeys (WebAuthn): the relying party is the host users reach Monia at (not an IP
# address). Without HTTPS browsers allow them only at http://localhost: a plain-HTTP base
# URL (the demo's http://127.0.0.1:8000) gives http://localhost on the same port
# (monia/base_url.py; MONIA_WEBAUTHN_RP_ID and MONIA_WEBAUTHN_ORIGINS say otherwise).
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = base_url.passkey_settings(
    MONIA_BASE_URL, os.environ
)
OTP_WEBAUTHN_RP_NAME = "Monia"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False  # a passkey is the second step, not the first
OTP_WEBAUTHN_HELPER_CLASS = "monia.mfa.passkeys.PasskeyHelper"

# Clients' strong electronic identification over SAML 2.0, e.g. Suomi.fi-tunnistus
# (docs/identification.md). Off: /saml2/ answers 404 and needs no xmlsec1, keys or metadata.
MONIA_SAML_ENABLED = env_bool("MONIA_SAML_ENABLED", default=False)
if MONIA_SAML_ENABLED:
    from monia.portal.saml_config import saml_config_from_env

    SAML_CONFIG = saml_config_from_env(base_url=MONIA_BASE_URL)
SAML_CONFIG_LOADER = "monia.portal.saml.sp_config_loader"
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_LOGOUT_REQUEST_PREFERRED_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_CREATE_UNKNOWN_USER = False  # the portal decides who is a client, not djangosaml2
SAML_ATTRIBUTE_MAPPING: dict[str, tuple[str, ...]] = {}  # the backend reads the attributes
SAML_ACS_FAILURE_RESPONSE_FUNCTION = "monia.portal.saml.login_failed"
ACS_DEFAULT_REDIRECT_URL = "portal_home"
# Monia sets its own Content-Security-Policy (web/security.py), not through django-csp.
SAML_CSP_HANDLER = ""
SAML_SESSION_COOKIE_NAME = "monia_saml_session"
# The IdP posts the response cross-site: browsers send the SAML session cookie with that
# POST only as SameSite=None, which they accept only on a Secure cookie. Without HTTPS
# (local development) Lax works for an IdP on the same host.
SAML_SESSION_COOKIE_SAMESITE = "None" if SESSION_COOKIE_SECURE else "Lax"

# Staff single sign-on with the county's OpenID Connect provider and its MFA
# (docs/staff-sso.md, monia/accounts/oidc.py). Off: /oidc/ answers 404 and nothing is read.
MONIA_OIDC_ENABLED = env_bool("MONIA_OIDC_ENABLED", default=False)
MONIA_OIDC_ISSUER = env_str("MONIA_OIDC_ISSUER", "")
OIDC_RP_CLIENT_ID = env_str("MONIA_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("MONIA_OIDC_CLIENT_SECRET", "")
if MONIA_OIDC_ENABLED:
    from monia.accounts.oidc_provider import check_settings

    check_settings(
        issuer=MONIA_OIDC_ISSUER, client_id=OIDC_RP_CLIENT_ID, client_secret=OIDC_RP_CLIENT_SECRET
    )
# Endpoints named here win; those left empty come from the issuer's discovery document.
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("MONIA_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("MONIA_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("MONIA_OIDC_JWKS_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("MONIA_OIDC_USERINFO_ENDPOINT", "")
MONIA_OIDC_END_SESSION_ENDPOINT = env_str("MONIA_OIDC_END_SESSION_ENDPOINT", "")
# The provider's name on the login button ("Log in with <name>"); empty: a generic text.
MONIA_OIDC_LABEL = env_str("MONIA_OIDC_LABEL", "")
# The claim that links an account at its first single sign-on: "email" (a verified address,
# matched to the account's e-mail), another claim (matched to the username), or empty
# (administrators set each account's subject). After the first login only "sub" counts.
MONIA_OIDC_LINK_CLAIM = env_str("MONIA_OIDC_LINK_CLAIM", "email")
# Whether a login whose ID token states multi-factor authentication (amr, or an acr in
# MONIA_OIDC_MFA_ACR) counts as Monia's second factor.
MONIA_OIDC_TRUST_MFA = env_bool("MONIA_OIDC_TRUST_MFA", default=False)
MONIA_OIDC_MFA_ACR = env_list("MONIA_OIDC_MFA_ACR", "")
# mozilla-django-oidc: the authorization code flow with PKCE, state and nonce, RS256 ID
# tokens checked with the provider's JWKS; accounts are never created from the provider.
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TOKEN_USE_BASIC_AUTH = True  # client_secret_basic, the OpenID Connect default
OIDC_TIMEOUT = 10
OIDC_VERIFY_SSL = True

# Years the access and disclosure logs are kept before `manage.py log_retention` may remove
# whole expired months ([U] 12: the legal period is not verified; never under the client's
# two-year right to the log, 703/2023 § 11).
MONIA_LOG_RETENTION_YEARS = int(env_str("MONIA_LOG_RETENTION_YEARS", "12"))
if MONIA_LOG_RETENTION_YEARS < 2:
    raise ImproperlyConfigured("MONIA_LOG_RETENTION_YEARS must be at least 2")
# Logs go to stdout with the request's id, one JSON object per line, or plain lines
# (MONIA_LOG_FORMAT; plain by default with DEBUG, and under `make run`): monia/log_setup.py.
LOGGING = log_setup.logging_config(
    level=env_str("MONIA_LOG_LEVEL", "INFO"),
    log_format=env_str("MONIA_LOG_FORMAT", "plain" if DEBUG else "json"),
)
