"""A young person's message sent after her portal session ended is kept; after she logs in
again the portal offers it to send (accounts/unsent.py). Nobody else is offered it."""

from __future__ import annotations

import re
import time
import uuid
from html import unescape
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from monia.accounts import unsent
from monia.conftest import PortalWorld
from monia.dialogue.models import Message
from monia.web.security import SessionTimeoutMiddleware

pytestmark = pytest.mark.django_db

TEXT = "Hei, voisitko soittaa minulle huomenna koulun jälkeen? Haluan puhua kotiasioista."


def _logged_in(person: Any) -> Client:
    client = Client()
    posted = client.post(reverse("portal_demo_login"), {"identity_code": person.identity_code})
    assert posted.status_code == 302
    return client


def _end_the_session(client: Client) -> None:
    session = client.session
    session[SessionTimeoutMiddleware.SEEN] = int(time.time()) - 31 * 60
    session.save()


def _send_after_the_end(client: Client, pw: PortalWorld) -> str:
    url = reverse("portal_messages", args=[pw.young_case.pk])
    _end_the_session(client)
    sent = client.post(url, {"body": TEXT, "submission_key": str(uuid.uuid4())})
    assert sent.status_code == 302 and sent["Location"].startswith(reverse("portal_login"))
    assert not Message.objects.exists()
    return url


def test_a_message_sent_after_the_session_ended_is_offered_after_logging_in_again(
    portal_world: PortalWorld, settings: Any
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    client = _logged_in(portal_world.young)
    url = _send_after_the_end(client, portal_world)
    login_page = client.get(reverse("portal_login")).content.decode()
    assert "Sinut kirjattiin ulos, koska aikaa kului" in login_page

    home = _logged_in(portal_world.young).get(reverse("portal_home"))
    assert home["Location"] != reverse("portal_unsent")  # another browser: nothing kept there
    client.post(reverse("portal_demo_login"), {"identity_code": portal_world.young.identity_code})
    assert client.get(reverse("portal_home"))["Location"] == reverse("portal_unsent")
    page = client.get(reverse("portal_unsent")).content.decode()
    assert "koulun jälkeen?" in page and f'action="{url}"' in page
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    data = {name: unescape(value) for name, value in fields if name != "csrfmiddlewaretoken"}
    assert data["body"] == TEXT
    assert client.post(url, data).status_code == 302
    assert Message.objects.get().body == TEXT
    assert client.get(reverse("portal_unsent"))["Location"] == reverse("portal_home")


def test_another_client_logging_in_on_the_same_computer_is_not_offered_it(
    portal_world: PortalWorld, settings: Any
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    client = _logged_in(portal_world.young)
    _send_after_the_end(client, portal_world)
    client.post(
        reverse("portal_demo_login"), {"identity_code": portal_world.guardian.identity_code}
    )
    home = client.get(reverse("portal_home"))
    assert home.get("Location") != reverse("portal_unsent")
    assert unsent.SESSION_KEY not in client.session
    assert (
        "koulun jälkeen?" not in client.get(reverse("portal_unsent"), follow=True).content.decode()
    )


def test_a_clients_login_keeps_its_own_way_back_and_the_form_is_kept(
    portal_world: PortalWorld, settings: Any
) -> None:
    """The portal's login is known as the staff login is, by its way back to this page;
    a client's is not sent on to the staff resume page (the portal's home offers it)."""
    settings.MONIA_DEMO_IDENTIFICATION = True
    client = _logged_in(portal_world.young)
    url = reverse("portal_messages", args=[portal_world.young_case.pk])
    _end_the_session(client)
    sent = client.post(url, {"body": TEXT, "submission_key": str(uuid.uuid4())})
    assert sent["Location"] == f"{reverse('portal_login')}?next={url}"
    assert client.session[unsent.SESSION_KEY]["path"] == url
