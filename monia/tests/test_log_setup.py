"""The logging settings (monia/log_setup.py): JSON lines in production, plain lines when
asked (DEBUG, or `make run`'s MONIA_LOG_FORMAT=plain); a level or a format Monia does not
know stops the start-up with its name."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from monia.log_setup import logging_config


@pytest.mark.parametrize("log_format", ["json", "plain", " Plain "])
def test_every_handler_writes_the_chosen_format(log_format: str) -> None:
    config = logging_config(level="info", log_format=log_format)
    handlers = config["handlers"].values()
    assert {h["formatter"] for h in handlers} == {log_format.strip().lower()}
    assert config["root"]["level"] == config["loggers"]["django"]["level"] == "INFO"
    # SQL carries client data: never logged, whatever the level.
    debug = logging_config(level="DEBUG", log_format=log_format)
    assert debug["loggers"]["django.db.backends"]["level"] == "WARNING"


@pytest.mark.parametrize(
    ("level", "log_format", "named"),
    [("INFO", "yaml", "MONIA_LOG_FORMAT"), ("LOUD", "json", "MONIA_LOG_LEVEL")],
)
def test_an_unknown_level_or_format_fails_loudly(level: str, log_format: str, named: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=named):
        logging_config(level=level, log_format=log_format)
