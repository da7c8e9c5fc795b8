"""Writes for staff accounts and their API tokens."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from monia.accounts.models import ApiToken, Language, User
from monia.accounts.signals import sso_subject_linked


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


@transaction.atomic
def user_oidc_subject_link(*, user: User, subject: str) -> bool:
    """Link an account to the identity provider's subject at its first single sign-on.
    False, and nothing changed, when the account was linked meanwhile or another account
    holds the subject."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.oidc_subject or User.objects.filter(oidc_subject=subject).exists():
        return False
    locked.oidc_subject = subject
    try:
        with transaction.atomic():  # another account linked to it in the same instant
            locked.save(update_fields=["oidc_subject"])
    except IntegrityError:
        return False
    user.oidc_subject = subject
    sso_subject_linked.send(sender=User, user=user, subject=subject)
    return True
