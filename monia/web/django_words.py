"""Words of Django's own admin that Django's Finnish catalogue leaves in English (Django 5.2:
the admin index's hidden table headers, which a screen reader reads). Marked here so that
Monia's catalogue, which Django reads before its own, gives them in Finnish and Swedish.
Nothing imports this module: ``makemessages`` finds the words in it."""

from django.utils.translation import gettext_noop

ADMIN_INDEX_HEADERS = (
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
)
