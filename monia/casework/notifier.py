"""Who made a child welfare notification: the notifier rule of LsL 25 §, once.

LsL 25 § 1 mom lists the professionals who must notify (ilmoitusvelvolliset); they may
not notify anonymously, so the record names them, their sector and how to reach them
(phone or e-mail). A private person gives what they wish, or stays anonymous; an
anonymous notifier's identity (name, organisation, phone, e-mail) is never recorded.

The rule has two forms that must agree (``tests/test_notifier.py`` checks it on
generated data): ``notifier_errors`` for the services that record a notification
(``intake_record``, ``enotification_submit``) and ``notifier_constraints`` for the
tables that hold one (``casework.Intake``, ``enotify.ENotification``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotifierType(models.TextChoices):
    OBLIGATED = "obligated", _("Obligated professional")
    PRIVATE = "private", _("Private person")
    ANONYMOUS = "anonymous", _("Anonymous")


# What identifies a notifier: never recorded for an anonymous one.
IDENTITY_FIELDS = ("notifier_name", "notifier_organisation", "notifier_phone", "notifier_email")
# Every field that records the notifier.
NOTIFIER_FIELDS = ("notifier_type", "notifier_sector", *IDENTITY_FIELDS)

# The messages, worded for the worker who records a notification ...
RECORDED_MESSAGES = {
    "notifier_type": _("Select a valid choice. That choice is not one of the available choices."),
    "notifier_name": _("An obligated notifier must give their name."),
    "notifier_sector": _("Choose the notifier's sector."),
    "notifier_phone": _("An obligated notifier must give contact details."),
    "anonymous": _("An anonymous notifier's identity is not recorded."),
}
# ... and for the professional who fills in the public form themselves.
SELF_REPORTED_MESSAGES = {
    "notifier_type": _("Choose who you are."),
    "notifier_name": _("A professional must give their name."),
    "notifier_organisation": _("A professional must give their organisation."),
    "notifier_sector": _("Choose the sector you work in."),
    "notifier_phone": _("A professional must give a phone number or an e-mail address."),
    "anonymous": _("An anonymous notifier's identity is not recorded."),
}


def notifier_errors(
    *,
    notifier_type: str,
    name: str = "",
    organisation: str = "",
    sector: str = "",
    phone: str = "",
    email: str = "",
    self_reported: bool = False,
) -> dict[str, str]:
    """What is wrong with this notifier under LsL 25 §, as {field: message}; empty if
    nothing. Values are judged as stored, without surrounding spaces.

    ``self_reported``: the professional fills in the public form themselves, so nobody
    has spoken with them; they also name their organisation, by which the worker knows
    in which capacity they notify. A worker recording a call or a letter writes down
    what the notifier gave, organisation or not.
    """
    messages = SELF_REPORTED_MESSAGES if self_reported else RECORDED_MESSAGES
    given = {
        "notifier_name": name.strip(),
        "notifier_organisation": organisation.strip(),
        "notifier_sector": sector.strip(),
        "notifier_phone": phone.strip(),
        "notifier_email": email.strip(),
    }
    if notifier_type == NotifierType.OBLIGATED:
        required = ["notifier_name", "notifier_sector"]
        if self_reported:
            required.insert(1, "notifier_organisation")
        missing = [field for field in required if not given[field]]
        if not (given["notifier_phone"] or given["notifier_email"]):
            missing.append("notifier_phone")
        return {field: str(messages[field]) for field in missing}
    if notifier_type == NotifierType.ANONYMOUS:
        anonymous = str(messages["anonymous"])
        return {field: anonymous for field in IDENTITY_FIELDS if given[field]}
    if notifier_type != NotifierType.PRIVATE:
        return {"notifier_type": str(messages["notifier_type"])}
    return {}


def notifier_constraints(table: str) -> list[models.CheckConstraint]:
    """The same rule as database constraints, for a table with the ``notifier_*`` fields.

    The database holds what the law makes absolute for every notification, so both
    tables refuse the same rows; the organisation a self-reporting professional is
    asked for stays a check of the public form (``notifier_errors(self_reported=True)``).
    """
    anonymous = models.Q(notifier_type=NotifierType.ANONYMOUS.value)
    obligated = models.Q(notifier_type=NotifierType.OBLIGATED.value)
    return [
        models.CheckConstraint(
            condition=models.Q(notifier_type__in=NotifierType.values),
            name=f"{table}_notifier_type_known",
        ),
        # LsL 25 §: an anonymous private notifier's identity is never stored.
        models.CheckConstraint(
            condition=~anonymous
            | (
                models.Q(notifier_name="")
                & models.Q(notifier_organisation="")
                & models.Q(notifier_phone="")
                & models.Q(notifier_email="")
            ),
            name=f"{table}_anonymous_has_no_identity",
        ),
        # LsL 25 § 1 mom: an obligated professional may not notify anonymously.
        models.CheckConstraint(
            condition=~obligated
            | (
                ~models.Q(notifier_name="")
                & ~models.Q(notifier_sector="")
                & (~models.Q(notifier_phone="") | ~models.Q(notifier_email=""))
            ),
            name=f"{table}_obligated_is_identified",
        ),
    ]
