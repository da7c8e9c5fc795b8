"""Decisions in the demo: each county's appeal authorities (plausible names and addresses,
marked as demo data), and on the showcase worker's first client one signed decision
served to a guardian by letter and one draft — so a new user sees both. Everything goes
through the services, signing and service included. No randomness.

The service stamps a signature with the real clock, and a signed decision is never
rewritten (decisions migration 0003), so the signed decision is dated, signed and sent
the day the demo is loaded: a decision dated ten days back but signed today would have
been "sent" to the family before anyone had signed it."""

from __future__ import annotations

import datetime

from django.utils import timezone, translation

from monia.casework.models import Case, CaseStage
from monia.decisions import services
from monia.decisions.models import AppealAuthority, AuthorityKind, Decision, DecisionKind
from monia.demo import workdays
from monia.demo.steps import TeamStaff
from monia.teams.models import County

DEMO = " (demo)"


def finnish_genitive(name: str) -> str:
    """The genitive of a demo county's name, "… hyvinvointialue" → "… hyvinvointialueen"
    ("…alue" + "n" printed "hyvinvointialuen" in every decision). Enough for the demo's
    names, which all end so; not Finnish declension in general."""
    return f"{name}en" if name.endswith("e") else f"{name}n"


def authorities_build(county: County) -> None:
    body_fi = f"{finnish_genitive(county.name_fi)} yksilöasioiden jaosto{DEMO}"
    AppealAuthority.objects.create(
        county=county,
        kind=AuthorityKind.ADMINISTRATIVE_COURT,
        name_fi=f"Vaasan hallinto-oikeus{DEMO}",
        name_sv=f"Vasa förvaltningsdomstol{DEMO}",
        address="PL 204, 65101 Vaasa",
        address_sv="PB 204, 65101 Vasa",
        email="vaasa.hao@example.invalid",
        phone="029 56 42611",
        hours_fi="ma–pe 8.00–16.15",
        hours_sv="mån–fre 8.00–16.15",
    )
    AppealAuthority.objects.create(
        county=county,
        kind=AuthorityKind.INDIVIDUAL_MATTERS_BODY,
        name_fi=body_fi,
        name_sv=f"{county.name_sv}, sektionen för individärenden{DEMO}",
        address=f"{county.controller}, kirjaamo, PL 100, 00100 Demokaupunki",
        address_sv=_registry_address_sv(county),
        email="kirjaamo@example.invalid",
        phone="012 345 6789",
        hours_fi="ma–pe 9.00–15.00",
        hours_sv="mån–fre 9.00–15.00",
    )


def _registry_address_sv(county: County) -> str:
    """The registry's postal address in Swedish, for the decisions of a bilingual county
    (its Swedish-language team's decisions are in Swedish); a Finnish-language county's
    Swedish decisions print the Finnish address."""
    if not county.bilingual:
        return ""
    name = county.controller_sv or county.controller
    return f"{name}, registratorskontoret, PB 100, 00100 Demostad"


def decisions_build(*, staff: TeamStaff, today: datetime.date) -> None:
    authorities_build(staff.team.county)
    worker = staff.workers[0]
    case = (
        Case.objects.filter(team=staff.team, designated_worker=worker, stage=CaseStage.CLIENT)
        .select_related("child", "county")
        .order_by("pk")
        .first()
    )
    if case is None:
        return
    signed = _complete(_draft(case, worker), worker, today)
    signed = services.decision_sign(user=worker, decision=signed, lock_version=signed.lock_version)
    assert signed.signed_at is not None
    guardian = signed.parties.filter(role="guardian").first() or signed.parties.first()
    if guardian is not None:
        services.decision_serve(
            user=worker,
            decision=signed,
            party=guardian,
            channel="letter",
            sent_on=timezone.localdate(signed.signed_at),  # posted once signed
        )
    # A draft ready for its decider (the worker) to read and sign.
    _complete(_draft(case, worker, kind="support_measure_end"), worker, today)


def _draft(case: Case, worker: object, kind: str = "support_measure") -> Decision:
    return services.decision_draft(user=worker, case=case, kind=kind)  # type: ignore[arg-type]


#: The demo decisions' texts: (kind, the family's language) → the ruling, the facts, the
#: reasons, the provisions and each party's view. A decision that ends the support says it
#: ends; a Swedish-speaking family's decision is written in Swedish.
TEXTS: dict[tuple[str, str], dict[str, str]] = {
    ("support_measure", "fi"): {
        "decision_text": "Lapselle myönnetään tehostettua perhetyötä kuuden kuukauden ajan.",
        "facts": "Palvelutarpeen arviointi ja asiakassuunnitelma; kotikäynnit.",
        "reasons": "Perheen arki tarvitsee tukea, jotta lapsen kasvu ja kehitys turvataan.",
        "provisions": "Lastensuojelulaki 34 §, 36 §; sosiaalihuoltolaki 18 §",
        "view": "Pitää tukea tarpeellisena.",
    },
    ("support_measure_end", "fi"): {
        "decision_text": "Lapselle avohuollon tukitoimena annettu tehostettu perhetyö päättyy.",
        "facts": "Asiakassuunnitelman tarkistus; kotikäynnit ja perhetyöntekijän arvio.",
        "reasons": "Perheen arki sujuu, ja asiakassuunnitelman tavoitteet on saavutettu.",
        "provisions": "Lastensuojelulaki 34 §, 36 §; sosiaalihuoltolaki 18 §",
        "view": "Hyväksyy tuen päättymisen.",
    },
    ("support_measure", "sv"): {
        "decision_text": "Barnet beviljas intensifierat familjearbete i sex månader.",
        "facts": "Bedömning av servicebehovet och klientplan; hembesök.",
        "reasons": "Familjens vardag behöver stöd för att barnets uppväxt och utveckling ska "
        "tryggas.",
        "provisions": "Barnskyddslagen 34 §, 36 §; socialvårdslagen 18 §",
        "view": "Anser att stödet behövs.",
    },
    ("support_measure_end", "sv"): {
        "decision_text": "Det intensifierade familjearbete som barnet fått som stödåtgärd inom "
        "öppenvården upphör.",
        "facts": "Översyn av klientplanen; hembesök och familjearbetarens bedömning.",
        "reasons": "Familjens vardag fungerar, och målen i klientplanen har nåtts.",
        "provisions": "Barnskyddslagen 34 §, 36 §; socialvårdslagen 18 §",
        "view": "Godtar att stödet upphör.",
    },
}


def _complete(decision: Decision, worker: object, decided: datetime.date) -> Decision:
    opened = timezone.localdate(decision.case.opened_at)
    # Heard at a meeting of the working week before the decision.
    two_days_before = decided - datetime.timedelta(days=2)
    heard_on = workdays.within(two_days_before, not_before=opened, not_after=decided)
    language = "sv" if decision.case.child.language == "sv" else "fi"
    texts = TEXTS[(decision.kind, language)]
    heard = {
        p.pk: {"heard": True, "heard_on": heard_on, "method": "in_person", "view": texts["view"]}
        for p in decision.parties.all()
    }
    with translation.override(language):
        matter = str(DecisionKind(decision.kind).label)
    return services.decision_update(
        user=worker,  # type: ignore[arg-type]
        decision=decision,
        lock_version=decision.lock_version,
        data={
            "matter": matter,
            "decided_on": decided,
            **{k: v for k, v in texts.items() if k != "view"},
            "decider": worker,
        },
        parties=heard,
    )
