"""The demo's peer groups (issue 16): per county a peer group for systemic team workers led
by a family therapist, a parents' group and a young people's group, each client group with a
demo portal client as a member (monia/portal/demo.py) and entries in its journal."""

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
        county=county,
        audience="workers",
        name="Systeemisen työn vertaisryhmä",
        description="Tiimien työntekijät jakavat kokemuksia ja tukevat toisiaan.",
        meets="Joka toinen torstai klo 14–15.30, perhekeskus",
        facilitators=lead,
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
        words = _CLIENT_GROUPS["sv" if swedish else "fi"]
        leads = client_leads
        if swedish and county.code in SWEDISH_FACILITATORS:
            leads = [users[u] for u in SWEDISH_FACILITATORS[county.code] if u in users]
        group = services.peer_group_create(
            county=county,
            audience=audience,
            name=words[audience],
            description=words["description"],
            meets=words["meets"],
            capacity=10,
            facilitators=leads,
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


# The client groups' texts, in the language of their demo member.
_CLIENT_GROUPS = {
    "fi": {
        "parents": "Vanhempien vertaisryhmä",
        "young_people": "Nuorten vertaisryhmä",
        "description": "Vertaisryhmä, jossa tavataan muita samassa tilanteessa olevia.",
        "meets": "Maanantaisin klo 17–18.30, nuorisotila",
        "parents_entry": "Oli helpottavaa kuulla muiden kokemuksia.",
        "young_people_entry": "Tykkäsin kun sai puhua omista jutuista.",
        "lead_entry": "Seuraavalla kerralla aiheena arjen voimavarat. Tervetuloa!",
    },
    "sv": {
        "parents": "Föräldrarnas kamratgrupp",
        "young_people": "Ungdomarnas kamratgrupp",
        "description": "En kamratgrupp där man träffar andra i en liknande situation.",
        "meets": "Måndagar kl. 17–18.30, ungdomsgården",
        "parents_entry": "Det var en lättnad att höra om andras erfarenheter.",
        "young_people_entry": "Jag tyckte om att få prata om mina egna saker.",
        "lead_entry": "Nästa gång pratar vi om vad som ger kraft i vardagen. Välkomna!",
    },
}
