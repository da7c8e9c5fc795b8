"""The demo's peer groups (issue 16): per county a peer group for systemic team workers led
by a family therapist, a parents' group and a young people's group, each client group with a
demo portal client as a member (monia/portal/demo.py) and entries in its journal. Every
group's name, description and meeting time are in Finnish, Swedish and English, so that a
Swedish-speaking family (the demo's Agnes) reads them in Swedish."""

from __future__ import annotations

import datetime
import uuid

from monia.accounts.models import User
from monia.peer import services
from monia.people.models import Person
from monia.portal.demo import demo_clients
from monia.teams.models import County

# county code → (family therapist, further facilitator of the client groups): casework
# staff, who may see who the clients are (peer/services.py).
FACILITATORS = {"keski-suomi": ("leena", "katja"), "pohjanmaa": ("satu", "emma")}
# A client group whose demo member speaks Swedish meets in Swedish, led by the
# Swedish-language team's family therapist and the young person's worker.
SWEDISH_FACILITATORS = {"pohjanmaa": ("fredrik", "johan")}
WORKERS = {"keski-suomi": ("sanna", "katja", "mikko"), "pohjanmaa": ("kaisa", "juha")}


def _key(county: County, n: int) -> uuid.UUID:
    """Deterministic submission keys: the same seed builds the same journal."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"monia-demo-peer:{county.code}:{n}")


def _client(county: County, kind: str) -> Person | None:
    """A demo portal client of the county (the demo login lists them): their person row."""
    for dc in demo_clients():
        if dc.kind == kind:
            found = Person.objects.filter(county=county, identity_code=dc.identity_code).first()
            if found is not None:
                return found
    return None


def build(*, county: County, today: datetime.date) -> None:
    """Something on every page of monia/peer for the county's demo users."""
    therapist, second = FACILITATORS.get(county.code, ("", ""))
    users = {u.username: u for u in User.objects.filter(county=county)}
    if therapist not in users:
        return
    lead = [users[therapist]]
    client_leads = [*lead, *([users[second]] if second in users else [])]
    workers = services.peer_group_create(
        county=county, audience="workers", facilitators=lead, **_group_texts("workers")
    )
    for n, username in enumerate(WORKERS.get(county.code, ())):
        if username in users:
            services.peer_join(group=workers, user=users[username])
            if n == 0:
                services.peer_journal_write(
                    group=workers,
                    author=users[username],
                    text="Hyvä keskustelu työssä jaksamisesta. Kokeillaan reflektiivistä "
                    "tiimiä myös viikkopalaverissa.",
                    submission_key=_key(county, 1),
                )
    for n, audience in enumerate(("parents", "young_people"), start=2):
        client = _client(county, "guardian" if audience == "parents" else "young_person")
        swedish = client is not None and client.language == "sv"
        words = _JOURNAL["sv" if swedish else "fi"]
        leads = client_leads
        if swedish and county.code in SWEDISH_FACILITATORS:
            leads = [users[u] for u in SWEDISH_FACILITATORS[county.code] if u in users]
        group = services.peer_group_create(
            county=county,
            audience=audience,
            capacity=10,
            facilitators=leads,
            **_group_texts(audience, in_swedish=swedish),
        )
        if client is not None:
            services.peer_join(group=group, person=client)
            services.peer_journal_write(
                group=group,
                author_person=client,
                text=words[f"{audience}_entry"],
                submission_key=_key(county, n),
            )
        services.peer_journal_write(
            group=group,
            author=leads[0],
            text=words["lead_entry"],
            submission_key=_key(county, n + 10),
        )


def _group_texts(audience: str, *, in_swedish: bool = False) -> dict[str, str]:
    """The group's name, description and meeting time in Finnish, Swedish and English, as
    the service takes them: every family and worker reads them in their language. A group
    that meets in Swedish (its demo member speaks Swedish) says so in Finnish and English."""
    texts = _GROUPS[audience]
    found: dict[str, str] = {}
    for field in ("name", "description", "meets"):
        fi, sv, en = texts[field]
        if field == "name" and in_swedish:
            fi, en = f"Ruotsinkielinen {fi[0].lower()}{fi[1:]}", f"{en} (in Swedish)"
        found |= {field: fi, f"{field}_sv": sv, f"{field}_en": en}
    return found


_CLIENT_DESCRIPTION = (
    "Vertaisryhmä, jossa tavataan muita samassa tilanteessa olevia.",
    "En kamratgrupp där man träffar andra i en liknande situation.",
    "A peer group where you meet others in a similar situation.",
)
_CLIENT_MEETS = (
    "Maanantaisin klo 17–18.30, nuorisotila",
    "Måndagar kl. 17–18.30, ungdomsgården",
    "Mondays 5–6.30 pm, the youth centre",
)
# Per audience: each text as (Finnish, Swedish, English).
_GROUPS: dict[str, dict[str, tuple[str, str, str]]] = {
    "workers": {
        "name": (
            "Systeemisen työn vertaisryhmä",
            "Kamratgrupp för systemiskt arbete",
            "Peer group for systemic work",
        ),
        "description": (
            "Tiimien työntekijät jakavat kokemuksia ja tukevat toisiaan.",
            "Teamens medarbetare delar erfarenheter och stöder varandra.",
            "The teams' workers share their experiences and support each other.",
        ),
        "meets": (
            "Joka toinen torstai klo 14–15.30, perhekeskus",
            "Varannan torsdag kl. 14–15.30, familjecentret",
            "Every other Thursday 2–3.30 pm, the family centre",
        ),
    },
    "parents": {
        "name": ("Vanhempien vertaisryhmä", "Föräldrarnas kamratgrupp", "Parents' peer group"),
        "description": _CLIENT_DESCRIPTION,
        "meets": _CLIENT_MEETS,
    },
    "young_people": {
        "name": ("Nuorten vertaisryhmä", "Ungdomarnas kamratgrupp", "Young people's peer group"),
        "description": _CLIENT_DESCRIPTION,
        "meets": _CLIENT_MEETS,
    },
}

# What the client groups' demo member and leader write in the journal: in the member's
# language (people write in their own language; only the group's own texts are translated).
_JOURNAL = {
    "fi": {
        "parents_entry": "Oli helpottavaa kuulla muiden kokemuksia.",
        "young_people_entry": "Tykkäsin kun sai puhua omista jutuista.",
        "lead_entry": "Seuraavalla kerralla aiheena arjen voimavarat. Tervetuloa!",
    },
    "sv": {
        "parents_entry": "Det var en lättnad att höra om andras erfarenheter.",
        "young_people_entry": "Jag tyckte om att få prata om mina egna saker.",
        "lead_entry": "Nästa gång pratar vi om vad som ger kraft i vardagen. Välkomna!",
    },
}
