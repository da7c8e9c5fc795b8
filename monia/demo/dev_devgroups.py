"""The demo's developer groups of the development network (issue 16): per county one group,
"Lastensuojelun kehittäjäryhmä", with staff, the partner nurse, the expert by experience and
the coordinator as its chair (Ostrobothnia has no coordinator: the senior official chairs),
a past meeting with its memo, a coming one, and five ideas across the statuses — one adopted,
linked to its practice description."""

from __future__ import annotations

import datetime

from django.utils import timezone

from monia.accounts.models import User
from monia.demo import workdays
from monia.devgroups import services
from monia.teams.models import County

# county code → (chair, secretary, other members); users missing from a county are skipped.
MEMBERS = {
    "keski-suomi": ("kaarina", "sanna", ("katja", "terhi", "eeva")),
    "pohjanmaa": ("mats", "kaisa", ("emma", "sofia")),
}

IDEAS = (
    (
        "Lapsen oma palaute verkostokokouksen jälkeen",
        "adopted",
        "Otettiin käyttöön kaikissa tiimeissä keväällä.",
        "Lapsen palaute verkostokokouksessa – toimintamallikuvaus",
        "https://www.innokyla.fi/fi/toimintamalli/lapsen-palaute-verkostokokouksessa",
    ),
    ("Kokemusasiantuntija mukaan perheen ensitapaamiseen", "piloting", "", "", ""),
    ("Selkokielinen kirje päätöksen saatteeksi", "in_progress", "", "", ""),
    ("Nuorten vertaisryhmä sijoituksen päättyessä", "proposed", "", "", ""),
    (
        "Erillinen päivystysnumero nuorille",
        "dropped",
        "Päällekkäinen kriisipuhelimen kanssa.",
        "",
        "",
    ),
)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def build(*, county: County, today: datetime.date) -> None:
    """Something on every page of monia/devgroups for the county's demo users."""
    chair, secretary, others = MEMBERS.get(county.code, ("", "", ()))
    users = {u.username: u for u in User.objects.filter(county=county)}
    group = services.developer_group_create(
        county=county,
        name="Lastensuojelun kehittäjäryhmä",
        theme="Asiakkaan osallisuus ja systeeminen työ",
        description="Työntekijät, yhteistyökumppanit ja kokemusasiantuntijat kehittävät "
        "lastensuojelun palveluja yhdessä.",
    )
    roles = [(chair, "chair"), (secretary, "secretary"), *((o, "member") for o in others)]
    for username, role in roles:
        if username in users:
            services.developer_member_add(group=group, user=users[username], role=role)
    past = services.group_meeting_create(
        group=group,
        held_at=_at(workdays.on_or_before(today - datetime.timedelta(days=14)), 13),
        place="Perhekeskus, neuvotteluhuone 2",
        agenda="1. Lapsen palaute -pilotin tulokset\n2. Uudet ideat\n3. Seuraava kokous",
    )
    writer = users.get(secretary) or users.get(chair)
    if writer is not None:
        services.group_meeting_memo_save(
            user=writer,
            meeting=past,
            agenda=past.agenda,
            memo="Pilotin palaute oli myönteistä: lapset kokivat tulleensa kuulluiksi. "
            "Päätettiin ottaa malli käyttöön ja kuvata se Innokylään.",
        )
    services.group_meeting_create(
        group=group,
        held_at=_at(workdays.on_or_after(today + datetime.timedelta(days=14)), 13),
        place="",
        remote_link="https://teams.example.invalid/kehittajaryhma",
        agenda="1. Selkokielinen kirje\n2. Kokemusasiantuntijan rooli ensitapaamisessa",
    )
    owner = users.get(secretary)
    creator = users.get(chair) or owner
    for title, status, outcome, practice_title, practice_url in IDEAS:
        services.idea_create(
            user=creator,  # type: ignore[arg-type]
            group=group,
            fields=services.IdeaFields(
                title=title,
                status=status,
                owner=owner,
                outcome=outcome,
                practice_description_title=practice_title,
                practice_description_url=practice_url,
            ),
        )
