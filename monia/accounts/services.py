"""Writes for staff accounts and their API tokens."""

from __future__ import annotations

from django.db import transaction

from monia.accounts.models import ApiToken, Language, User


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Issue a personal API token. The raw key is returned once and never stored."""
    raw = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name.strip(), key_hash=ApiToken.hash_key(raw))
    return token, raw


def user_language_set(*, user: User, language: str) -> User:
    """Remember the language a user chose: their pages after login and their e-mails.
    An unknown code changes nothing (the switch offers only the installation's languages)."""
    if language in Language.values and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user
