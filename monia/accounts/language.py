"""The language of a user's pages after login: the one stored on their account."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from monia.accounts.models import User


def remember_account_language(response: HttpResponse, user: User) -> HttpResponse:
    """Set the language cookie to the account's language (the account's own choice wins
    over a switch made on a shared computer's login page); none chosen: the browser's."""
    if user.language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    return response


def account_language_unless_chosen(request: HttpRequest, user: User) -> str:
    """A client's landing after login: the account's language ("" when it has none), unless
    a language was chosen in this browser with the switch, which then stays ("")."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return ""
    return user.language
