"""What an account's own events tell the apps above it (accounts imports none of them)."""

from __future__ import annotations

from django.dispatch import Signal

# An account was linked to the identity provider's subject at its first single sign-on
# (by a verified e-mail address or a configured username claim): the rights log records
# it, as it records a subject set by administrators. Sent with ``user`` and ``subject``,
# inside the transaction that links them.
sso_subject_linked = Signal()
