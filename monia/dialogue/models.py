"""Dialogue between the client and the workers of the case, in the participation portal.

Secure messages (turvaviestit): one ``MessageThread`` per (case, client person). A young
person writes in their own thread, a guardian in theirs; neither sees the other's. The
workers of the case (policy: designated worker, team, senior official) read every thread.

The co-research journal (yhteistutkijuus): client and worker write down together what
helps and what does not. One journal per (case, client person), like the threads — the
child's journal is shared by the child and the workers, a guardian's by that guardian and
the workers, so a guardian and a child never read each other's reflections (the child's
own view is heard on its own, LsL 20 §). The worker brings an entry to the client plan's
review (LsL 30 §), where it shows on the plan page.

Content never leaves the system in a notification: e-mail says only that something new is
waiting (monia/notify).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BODY_MAX = 5000


class MessageThread(models.Model):
    """The conversation of one client (a young person or a guardian) about one case."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="message_threads"
    )
    client = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("client")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("message thread")
        verbose_name_plural = _("message threads")
        constraints = [
            models.UniqueConstraint(fields=["case", "client"], name="message_thread_per_client"),
        ]

    def __str__(self) -> str:
        return f"thread {self.pk} of case {self.case_id}"


class Message(models.Model):
    """One message; ``from_client`` tells the side, each side marks the other's read."""

    thread = models.ForeignKey(MessageThread, on_delete=models.PROTECT, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_client = models.BooleanField(_("from the client"))
    body = models.TextField(_("message"), max_length=BODY_MAX)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    read_by_client_at = models.DateTimeField(_("read by the client at"), null=True, blank=True)
    read_by_staff_at = models.DateTimeField(_("read by a worker at"), null=True, blank=True)
    # The client's form session: a double click or a form sent again saves one message.
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["thread", "sent_at"], name="message_thread_sent")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(~models.Q(body=""), LessThanOrEqual(Length("body"), BODY_MAX)),
                name="message_body_length",
            ),
        ]

    def __str__(self) -> str:
        return f"message {self.pk} in thread {self.thread_id}"


class Helps(models.TextChoices):
    HELPS = "helps", _("It helps")
    DOES_NOT_HELP = "does_not_help", _("It does not help")
    NOT_SURE = "not_sure", _("Not sure")


class JournalEntry(models.Model):
    """One reflection in the co-research journal of (case, client).

    ``author_person`` is the client's own person row when the client wrote it, empty when
    a worker did. ``for_plan_review`` is set by a worker, who is recorded with the time.
    """

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="journal_entries"
    )
    client = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("journal of")
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    text = models.TextField(_("text"), max_length=BODY_MAX)
    helps = models.CharField(_("does it help"), max_length=20, choices=Helps.choices)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    for_plan_review = models.BooleanField(_("brought to the plan review"), default=False)
    brought_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    brought_at = models.DateTimeField(_("brought at"), null=True, blank=True)
    # The client's form session: a double click or a form sent again saves one entry.
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        indexes = [
            models.Index(fields=["case", "client", "created_at"], name="journal_case_client"),
            models.Index(
                fields=["case"],
                condition=models.Q(for_plan_review=True),
                name="journal_plan_review",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(helps__in=Helps.values), name="journal_helps_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(~models.Q(text=""), LessThanOrEqual(Length("text"), BODY_MAX)),
                name="journal_text_length",
            ),
            # A client writes only in their own journal.
            models.CheckConstraint(
                condition=models.Q(author_person__isnull=True)
                | models.Q(author_person=models.F("client")),
                name="journal_client_writes_own",
            ),
            # Who brought an entry to the plan review, and when, is always known.
            models.CheckConstraint(
                condition=models.Q(
                    for_plan_review=False, brought_by__isnull=True, brought_at__isnull=True
                )
                | models.Q(
                    for_plan_review=True, brought_by__isnull=False, brought_at__isnull=False
                ),
                name="journal_brought_by_known",
            ),
        ]

    def __str__(self) -> str:
        return f"journal entry {self.pk} of case {self.case_id}"


# --- Co-research (issue 16): questions chosen together, excerpts used with consent ---------


class ResearchQuestion(models.Model):
    """A question the client and a worker choose together to find out in their journal
    (tutkimuskysymys). One side proposes, the other agrees: the question is chosen together
    only once ``agreed_at`` is set, by the other side than the one who proposed it."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("question"), max_length=500)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_by_client = models.BooleanField()
    proposed_at = models.DateTimeField(default=timezone.now)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["proposed_at", "pk"]
        indexes = [models.Index(fields=["case", "client"], name="question_case_client")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(~models.Q(text=""), LessThanOrEqual(Length("text"), 500)),
                name="question_text_length",
            ),
            models.CheckConstraint(
                condition=models.Q(agreed_by__isnull=True, agreed_at__isnull=True)
                | models.Q(agreed_by__isnull=False, agreed_at__isnull=False),
                name="question_agreed_by_known",
            ),
        ]

    def __str__(self) -> str:
        return f"question {self.pk} of case {self.case_id}"


class ExcerptConsent(models.Model):
    """The client's consent to use an excerpt of a journal entry, anonymised, in the
    development network's reports. The worker writes the excerpt without names; the client
    reads exactly that text and says yes in the portal (``given_by`` is then the client's own
    login), and may take the consent back at any time (``withdrawn_at``)."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.PROTECT, related_name="consents")
    excerpt = models.TextField(_("excerpt without names"), max_length=1000)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    given_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(~models.Q(excerpt=""), LessThanOrEqual(Length("excerpt"), 1000)),
                name="excerpt_text_length",
            ),
            models.CheckConstraint(
                condition=models.Q(given_by__isnull=True, given_at__isnull=True)
                | models.Q(given_by__isnull=False, given_at__isnull=False),
                name="excerpt_given_by_known",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True) | models.Q(given_at__isnull=False),
                name="excerpt_withdrawn_after_given",
            ),
            # One live request per entry (a withdrawn one may be asked again).
            models.UniqueConstraint(
                fields=["entry"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="excerpt_one_live_per_entry",
            ),
        ]

    def __str__(self) -> str:
        return f"excerpt consent {self.pk} of entry {self.entry_id}"
