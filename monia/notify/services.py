"""Writes: notify users in the app and by e-mail.

An e-mail leaves the system, so it carries only the generic message and a link back to
Monia — never a child's name, an identity code or anything of the case. The link's page
is behind the login and the access policy. E-mail goes out on commit (style.md §3): a
rolled-back change sends nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from monia.accounts.models import User
from monia.notify.models import Notification

logger = logging.getLogger(__name__)


def absolute_link(link: str) -> str:
    return settings.MONIA_BASE_URL.rstrip("/") + link


def _send_emails(
    recipients: list[tuple[str, str, str]], message: str, template: str = "notify/email.txt"
) -> None:
    """One e-mail per (address, link, language): each in the recipient's own language."""
    for email, link, language in recipients:
        with translation.override(language):
            subject = f"Monia: {gettext(message)}"
            body = render_to_string(
                template, {"message": gettext(message), "url": absolute_link(link)}
            )
        try:
            send_mail(subject, body, None, [email])
        except Exception:  # the change is committed; the in-app notification remains
            logger.exception("notification e-mail failed")


@transaction.atomic
def notify(*, users: Iterable[User], kind: str, message: str, link: str) -> list[Notification]:
    """Notify each user once. `message` is a msgid (mark it with gettext_noop)."""
    unique = {u.pk: u for u in users if u.is_active}
    rows = Notification.objects.bulk_create(
        Notification(user=u, kind=kind, message=message, link=link) for u in unique.values()
    )
    recipients = [(u.email, link, u.working_language) for u in unique.values() if u.email]
    if recipients:
        transaction.on_commit(lambda: _send_emails(recipients, message))
    return rows


def email_send(
    *,
    recipients: Iterable[tuple[str, str]],
    message: str,
    link: str,
    template: str = "notify/email.txt",
) -> None:
    """E-mail each (address, language) on commit, with no in-app notification: for news
    of an account itself — its rights, its address, a password link — which must reach
    an account just deactivated, or the address it had before. The same rules: a generic
    `message` msgid (gettext_noop), a link, never client data."""
    rows = [(address, link, language) for address, language in recipients if address]
    if rows:
        transaction.on_commit(lambda: _send_emails(rows, message, template))


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
