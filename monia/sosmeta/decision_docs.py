"""Every kind of administrative decision (``monia.decisions``) as its national definition
(``kinds.SOSMETA_DEFINITION``), and each party's hearing as a hearing document
(Lastensuojelun kuulemisasiakirja, 5002).

The decision definitions share their data components (the decider, the person who gives
more information, the instructions for appeal, the signature) but not their places: two
keep them under ``paatos``, the rest at the top; some write "ratkaisu" and
"ratkaisu_ja_perustelut". ``_common`` puts each where the definition has it; the few
fields of one kind are put by ``_SPECIFIC``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from monia.casework.models import PLACEMENT_KINDS, CareForm, Measure
from monia.decisions.kinds import SOSMETA_DEFINITION, AppealRoute, DecisionKind
from monia.decisions.models import Decision, DecisionParty, HearingWay, PartyRole
from monia.sosmeta import codes, parts, schemas
from monia.sosmeta.casework_docs import measure_service, measure_text
from monia.sosmeta.document import Document, iso

HEARING = "1.2.246.537.6.1506.5002.2023.6.21"
APPEAL_TEXT = {
    AppealRoute.APPEAL: "Tähän päätökseen saa hakea muutosta valittamalla hallinto-oikeuteen "
    "30 päivän kuluessa päätöksen tiedoksisaannista (lastensuojelulaki 90 §).",
    AppealRoute.CORRECTION: "Tähän päätökseen tyytymätön saa hakea siihen oikaisua "
    "hyvinvointialueen yksilöasioista vastaavalta toimielimeltä 30 päivän kuluessa "
    "päätöksen tiedoksisaannista (hallintolaki 49 b §, sosiaalihuoltolaki 48 §).",
}


def decision(d: Decision) -> tuple[str, dict[str, Any]]:
    """A signed decision as the national definition of its kind."""
    doc = Document(SOSMETA_DEFINITION[d.kind])
    parts.client(doc, d.case)
    base = "paatos." if doc.has("paatos") else ""
    _common(doc, d, base)
    _SPECIFIC.get(d.kind, _nothing)(doc, d)
    return doc.result()


def _first(doc: Document, base: str, *names: str) -> str | None:
    return next((f"{base}{n}" for n in names if doc.has(f"{base}{n}")), None)


def _common(doc: Document, d: Decision, base: str) -> None:
    doc.put(f"{base}paatostunnus", {"value": d.number} if d.number else None)
    doc.put(f"{base}paatospaivamaara", iso(d.decided_on))
    if doc.has(f"{base}ratkaisun_laji"):
        # Monia records only decisions made: each, an ending too, is a positive resolution
        # of its matter (1.2.246.537.6.1248: 1 = myönteinen, 2 = kielteinen).
        doc.code(f"{base}ratkaisun_laji", codes.POSITIVE_RESOLUTION)
    _decision_text(doc, d, base)
    law = _first(doc, base, "ratkaisun_lakiperuste", "lainkohdat_joihin_ratkaisu_perustuu")
    if law is not None:
        doc.put(law, d.provisions)
    _enforcement(doc, d, base)
    if doc.has(f"{base}valmistelija"):
        parts.put_professional(doc, f"{base}valmistelija", d.preparer)
    parts.put_professional(doc, f"{base}paatoksentekija", d.decider)
    doc.put(f"{base}lisatietojen_antaja", _info_person(d))
    _appeal(doc, d, f"{base}muutoksenhaku")
    parts.signature(doc)
    doc.put(
        "allekirjoitus.paivamaara",
        iso(d.decided_on) if doc.has("allekirjoitus.paivamaara") else None,
    )


def _decision_text(doc: Document, d: Decision, base: str) -> None:
    reasons = "\n\n".join(t for t in (d.facts, d.reasons) if t)
    if doc.has(f"{base}ratkaisu_ja_perustelut"):
        doc.put(f"{base}ratkaisu_ja_perustelut", f"{d.decision_text}\n\nPerustelut: {reasons}")
        return
    doc.put(f"{base}ratkaisu", d.decision_text)
    extension = "kiireellisen_sijoituksen_jatkamisen_perustelut"
    if doc.has(extension):  # the facts, the child's interest and the provisions apart
        doc.put(f"{extension}.toimenpiteista_paattaminen", d.facts)
        doc.put(f"{extension}.lapsen_etu", d.reasons)
        doc.put(f"{extension}.lainkohdat_joihin_ratkaisu_perustuu", d.provisions)


def _enforcement(doc: Document, d: Decision, base: str) -> None:
    path = _first(
        doc,
        base,
        "paatoksen_taytantoonpano",
        "paatos_taytantoonpanosta",
        "paatoksen_valiton_taytantoonpano",
    )
    if path is None:
        return
    if schemas.node(doc.oid, path).get("type") == "boolean":
        doc.put(path, d.enforced_at_once)
        return
    flag = f"{path}.valiton_taytantoonpano"
    is_text = schemas.node(doc.oid, flag).get("type") == "string"
    doc.put(flag, ("Kyllä" if d.enforced_at_once else "Ei") if is_text else d.enforced_at_once)
    if doc.has(f"{path}.valittoman_taytantoonpanon_perustelut"):
        doc.put(f"{path}.valittoman_taytantoonpanon_perustelut", d.enforcement_reason)


def _info_person(d: Decision) -> dict[str, Any] | None:
    """Lisätietojen antaja (HL 44 §): the name, and the postal address and phone the
    decision records as structured fields."""
    entry = parts.professional(d.info_person, title=False)
    if entry is None:
        return None
    address = {
        "lahiosoite": d.info_street,
        "postinumero": d.info_postal_code,
        "postitoimipaikka": d.info_town,
    }
    contact = {
        "postiosoite": {k: v for k, v in address.items() if v},
        "puhelinnumero": d.info_phone,
    }
    entry["yhteystiedot"] = {k: v for k, v in contact.items() if v}
    return entry


def _appeal(doc: Document, d: Decision, path: str) -> None:
    doc.put(f"{path}.ohjeteksti", APPEAL_TEXT[AppealRoute(d.appeal_route)])
    if doc.has(f"{path}.muutoksenhakukeino"):
        doc.code(f"{path}.muutoksenhakukeino", codes.appeal(d.appeal_route))
    doc.put(f"{path}.maaraaika", "30 päivää tiedoksisaannista")


def _nothing(doc: Document, d: Decision) -> None:
    return None


def _measure(d: Decision) -> Measure:
    if d.measure is None:
        raise ValueError(f"A decision of kind {d.kind} names its measure.")
    return d.measure


def _placement_code(measure: Measure) -> codes.Code | None:
    """Sijoituspaikka (1.2.246.537.6.1216): the form of care, Monia's codes."""
    return codes.monia(CareForm, measure.care_form)


def _network(doc: Document, d: Decision) -> None:
    doc.put("laheisverkoston_kartoittaminen.kartoitus_on_tehty", _measure(d).close_network_mapped)


def _support(doc: Document, d: Decision) -> None:
    base = "paatos." if doc.has("paatos") else ""
    measure = _measure(d)
    doc.code(f"{base}sosiaalipalvelu_jota_paatos_koskee.sosiaalipalvelu", measure_service(measure))
    doc.put(f"{base}paatoksen_voimassaolo.alkamispaiva", iso(measure.started_on))
    doc.put(f"{base}paatoksen_voimassaolo.paattymispaiva", iso(measure.ended_on))
    if doc.has(f"{base}kuuleminen"):
        doc.put(f"{base}kuuleminen", [_heard(p) for p in d.parties.all() if p.heard is not None])


def _heard(party: DecisionParty) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kuultava": parts.person(party.person),
        "suoritettu": bool(party.heard),
    }
    entry["kuultava"].pop("henkilotunnus", None)
    if party.not_heard_reason:
        entry["syyt_selvittamatta_jattamiselle"] = party.not_heard_reason
    return entry


def _placement_as_support(doc: Document, d: Decision) -> None:
    _network(doc, d)
    doc.code("sijoituksen_laji", codes.support_placement_type(_measure(d).support_placement_type))
    doc.code("lapsen_sijoitus.sijoituspaikka", _placement_code(_measure(d)))


def _placement_as_support_end(doc: Document, d: Decision) -> None:
    placed = codes.support_placement_type(_measure(d).support_placement_type)
    doc.code("lopetettavan_sijoituksen_laji", placed)
    doc.put(
        "avohuollon_tukitoimena_tehdyn_sijoituksen_tiedot.paattymispaiva", iso(_measure(d).ended_on)
    )


def _emergency(doc: Document, d: Decision) -> None:
    _network(doc, d)
    doc.code("lapsen_sijoitus.sijoituspaikka", _placement_code(_measure(d)))


def _emergency_extension(doc: Document, d: Decision) -> None:
    measure = _measure(d)
    _network(doc, d)
    doc.put("sijaishuoltopaikka", measure.place)
    doc.put("kiireellisen_sijoituksen_alkamispaiva", iso(measure.started_on))
    first = measure.decisions.filter(kind=DecisionKind.EMERGENCY_PLACEMENT, state="signed").first()
    decider = first.decider if first is not None else measure.recorded_by
    parts.put_professional(doc, "kiireellisen_sijoituksen_paatoksentekija", decider)
    doc.put("sijaishuoltopaikan_nakemys", _carer_view(d))


def _emergency_end(doc: Document, d: Decision) -> None:
    doc.put("kiireellisen_sijoituksen_lopettaminen.paattymispaiva", iso(_measure(d).ended_on))
    doc.put(
        "sijaishuoltopaikan_edustajan_tai_perhehoitajan_mielipide_kiireellisen_sijoituksen_lopettamisesta",
        _carer_view(d),
    )


def _carer_view(d: Decision) -> str:
    """The substitute-care place's view: as the decision records it, else the view of the
    party heard as the person who cared for the child."""
    if d.carer_view.strip():
        return d.carer_view
    carer = d.parties.filter(role=PartyRole.CARER).exclude(view="").first()
    return carer.view if carer is not None else ""


def _care_order(doc: Document, d: Decision) -> None:
    measure = _measure(d)
    _network(doc, d)
    doc.put("huostaanotto.alkamispaiva", iso(measure.started_on))
    doc.put("lapsen_sijoitus.alkamispaiva", iso(measure.started_on))
    parts.put_professional(doc, "omatyontekija", d.case.designated_worker)
    child = d.parties.filter(role=PartyRole.CHILD).first()
    hearing = "mielipiteen_selvittaminen_ja_kuuleminen.kuuleminen"
    doc.put(f"{hearing}.suoritettu", bool(child.heard) if child is not None else None)


def _placement_change(doc: Document, d: Decision) -> None:
    measure = _measure(d)
    _network(doc, d)
    previous = _previous_placement(measure)
    doc.put("nykyinen_sijaishuoltopaikka.sijoituspaikan_nimi", previous.place if previous else "")
    new_place = "esitettya_sijaishuoltopaikkaa_koskevat_tiedot"
    doc.put(f"{new_place}.kuvaus_uudesta_sijaishuoltopaikasta", measure_text(measure))
    doc.put(f"{new_place}.uuden_paikan_sopivuus", d.reasons)
    doc.put(
        "nykyisen_sijaishuoltopaikan_edustajan_nakemys_sijaishuoltopaikan_muuttamisesta",
        _carer_view(d),
    )
    doc.code(
        "esitettya_sijaishuoltopaikkaa_koskevat_tiedot.lapsen_sijoitus.sijoituspaikka",
        _placement_code(measure),
    )
    doc.put("uuden_sijoituksen_alkamispaiva", iso(measure.started_on))
    hearing = "mielipiteen_selvittaminen_ja_kuuleminen"
    child = d.parties.filter(role=PartyRole.CHILD).first()
    doc.put(
        f"{hearing}.lapsen_kuuleminen_tai_mielipiteen_selvittaminen.suoritettu",
        bool(child and child.heard),
    )
    others = [p for p in d.parties.all() if p.role != PartyRole.CHILD and p.heard is not None]
    doc.put(f"{hearing}.kuuleminen", [_heard(p) for p in others])


def _previous_placement(measure: Measure) -> Measure | None:
    """The placement the child is in before this measure: the latest other placement."""
    earlier = measure.case.measures.filter(kind__in=PLACEMENT_KINDS).exclude(pk=measure.pk)
    return earlier.order_by("-started_on", "-pk").first()


def _care_order_end(doc: Document, d: Decision) -> None:
    measure = _measure(d)
    doc.put("lapsen_huostassapidon_paattymispaiva", iso(measure.ended_on))
    placed = _previous_placement(measure) if measure.kind not in PLACEMENT_KINDS else measure
    doc.put("nykyisen_sijaishuoltopaikan_nimi", placed.place if placed else "")
    doc.put("nykyisen_sijaishuoltopaikan_edustajan_nakemys", _carer_view(d))


_SPECIFIC: dict[str, Callable[[Document, Decision], None]] = {
    DecisionKind.SUPPORT_MEASURE: _support,
    DecisionKind.SUPPORT_MEASURE_END: _support,
    DecisionKind.PLACEMENT_AS_SUPPORT: _placement_as_support,
    DecisionKind.PLACEMENT_AS_SUPPORT_END: _placement_as_support_end,
    DecisionKind.EMERGENCY_PLACEMENT: _emergency,
    DecisionKind.EMERGENCY_PLACEMENT_EXTENSION: _emergency_extension,
    DecisionKind.EMERGENCY_PLACEMENT_END: _emergency_end,
    DecisionKind.CARE_ORDER: _care_order,
    DecisionKind.PLACEMENT_CHANGE: _placement_change,
    DecisionKind.CARE_ORDER_END: _care_order_end,
    DecisionKind.AFTERCARE_MEASURE: _support,
}


def party_hearing(party: DecisionParty) -> tuple[str, dict[str, Any]]:
    """Kuulemisasiakirja (HL 34 §, LsL 20 §): one party heard before the decision."""
    d = party.decision
    doc = Document(HEARING)
    parts.client(doc, d.case)
    doc.put("kuulemisasiakirja.asiasisalto", d.matter)
    hearing = "kuulemisasiakirja.kuuleminen"
    heard = parts.person(party.person)
    heard.pop("henkilotunnus", None)
    heard["kuvaus"] = codes.finnish(PartyRole(party.role).label)
    doc.put(f"{hearing}.kuultava", heard)
    if party.method:
        doc.put(f"{hearing}.selvittamisen_tapa", codes.finnish(HearingWay(party.method).label))
    if party.view:
        doc.put(f"{hearing}.suhtautuminen_asiaan", [{"asia": d.matter, "perustelu": party.view}])
    doc.put("lisatiedot", party.not_heard_reason)
    doc.put("lakiselostus", "Hallintolaki 34 §, lastensuojelulaki 20 §")
    doc.put("paivamaara", iso(party.heard_on))
    parts.put_professional(doc, "laatija", d.preparer)
    parts.signature(doc)
    return doc.result()
