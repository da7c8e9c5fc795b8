"""The service-needs assessment (Lapsen ja perheen palvelutarpeen arvio, 1005), the
client plan (Lastensuojelun asiakassuunnitelma, 15009) and the child's view
(Lastensuojelun mielipiteen selvittämisasiakirja, 5003), from casework's models."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from monia.casework.models import (
    PLACEMENT_KINDS,
    AssessmentConclusion,
    ChildHearing,
    ClientPlan,
    HearingMethod,
    IntakeKind,
    Measure,
    MeasureKind,
    PlanStatus,
    SupportType,
)
from monia.sosmeta import codes, parts
from monia.sosmeta.document import Document, iso

ASSESSMENT = "1.2.246.537.6.1506.1005.2023.9.8"
CLIENT_PLAN = "1.2.246.537.6.1506.15009.2024.11.28"
CHILDS_VIEW = "1.2.246.537.6.1506.5003.2022.9.28"

_CONCLUSIONS = "johtopaatokset_ja_jatkotoimet"
_PROFESSIONAL_CONCLUSION = (
    "ammattihenkilon_johtopaatokset_asiakkaan_tilanteesta_seka_sosiaalipalvelujen_ja_erityisen"
    "_tuen_tarpeesta"
)


def service_needs_assessment(assessment: Any) -> tuple[str, dict[str, Any]]:
    """Palvelutarpeen arviointi (SHL 36 §, LsL 26–27 §)."""
    doc = Document(ASSESSMENT)
    parts.client(doc, assessment.case)
    intake = assessment.started_from
    doc.code(
        "asian_vireilletuloa_koskevat_tiedot.vireilletulon_tapa",
        codes.monia(IntakeKind, intake.kind),
    )
    doc.put("asian_vireilletuloa_koskevat_tiedot.vireilletulon_syyt", intake.content)
    doc.put(
        "asian_vireilletuloa_koskevat_tiedot.vireilletulopaiva",
        iso(timezone.localdate(intake.received_at)),
    )
    doc.put(
        "palvelutarpeen_arviointia_koskevat_tiedot.palvelutarpeen_arvioinnin_aloittamispaiva",
        iso(assessment.started_on),
    )
    hearing = assessment.hearings.order_by("-pk").first()
    if hearing is not None and hearing.heard:
        doc.put("lapsen_tarpeet_ja_arki.lapsen_osallisuus", hearing.child_view)
        doc.put(f"{_CONCLUSIONS}.lapsen_arvio_tuen_ja_palvelujen_tarpeesta", hearing.child_view)
    if assessment.completed_on is not None:
        _conclusion(doc, assessment)
    doc.put("paivamaara", iso(assessment.completed_on or assessment.started_on))
    parts.put_professional(
        doc, "laatija", assessment.completed_by or assessment.case.designated_worker
    )
    return doc.result()


def _conclusion(doc: Document, assessment: Any) -> None:
    """A child welfare client has a client plan (LsL 30 §) and a designated social worker
    (LsL 13 b §) by law: the conclusion decides those three flags."""
    client = assessment.conclusion == AssessmentConclusion.CHILD_WELFARE_CLIENT
    doc.put("palvelutarpeen_arviointia_koskevat_tiedot.lastensuojelun_tarve", client)
    continues = assessment.conclusion != AssessmentConclusion.NO_NEED
    doc.put(f"{_CONCLUSIONS}.asiakkuuden_jatko.asiakkuus_jatkuu", continues)
    need = f"{_CONCLUSIONS}.lastensuojelun_tarve"
    doc.put(
        f"{need}.sosiaalityontekijan_yhteenveto_ja_johtopaatokset_lastensuojelun_tarpeesta",
        assessment.summary,
    )
    doc.put(f"{need}.lastensuojeluasiakkuus_alkaa", client)
    doc.put(f"{_CONCLUSIONS}.{_PROFESSIONAL_CONCLUSION}", assessment.summary)
    # SHL 3 § 5: a child welfare client is a child in need of special support; "no need"
    # says the opposite; Monia does not record it for the other conclusions.
    special = {AssessmentConclusion.CHILD_WELFARE_CLIENT: True, AssessmentConclusion.NO_NEED: False}
    doc.put(
        "palvelutarpeen_arviointia_koskevat_tiedot.asiakkaalla_on_oikeus_erityiseen_tukeen",
        special.get(assessment.conclusion),
    )
    doc.put(f"{_CONCLUSIONS}.asiakkaalle_laaditaan_asiakassuunnitelma", client)
    doc.put(f"{_CONCLUSIONS}.asiakas_tarvitsee_omatyontekijan", client)


def client_plan(plan: ClientPlan) -> tuple[str, dict[str, Any]]:
    """Asiakassuunnitelma (LsL 30 §), the approved version."""
    if plan.status == PlanStatus.DRAFT or plan.approved_on is None:
        raise ValueError("Only an approved client plan is a national document.")
    doc = Document(CLIENT_PLAN)
    parts.client(doc, plan.case)
    in_force = _measures_in_force(plan.case, plan.approved_on)
    doc.code("tama_asiakassuunnitelma_on", _plan_kind(in_force))
    placement = next((m for m in in_force if m.kind in PLACEMENT_KINDS), None)
    if placement is not None:
        _placement(doc, placement)
    _plan_texts(doc, plan)
    doc.put(_MEANS + ".palvelu", [_service(doc, m) for m in in_force])
    doc.put("asiakassuunnitelman_tarkistaminen.paivamaara_ja_kellonaika", iso(plan.review_due))
    doc.put("paivamaara", iso(plan.approved_on))
    parts.put_professional(doc, "laatija", plan.approved_by or plan.updated_by)
    return doc.result()


_MEANS = "keinot_tavoitteiden_saavuttamiseksi_ja_tuen_tarpeeseen_vastaamiseksi"
_PLAN_TEXTS = {
    "service_needs": "tausta_ja_nykytilanne.lapsen_ja_perheen_tuen_ja_palvelujen_tarve",
    "circumstances": "tausta_ja_nykytilanne.asiat_ja_olosuhteet_joihin_pyritaan_vaikuttamaan",
    "services": f"{_MEANS}.muut_palvelut_tukitoimet_ja_keinot",
    "goal_time_estimate": "arvio_asiakkuuden_kestosta",
    "child_meetings": "lapsen_ja_sosiaalityontekijan_tapaamiset",
    "health_and_education": "sijaishuoltoa_koskevat_muut_asiat.varhaiskasvatus_ja_opetus",
    "special_support": "sijaishuoltoa_koskevat_muut_asiat.vanhempien_tukitoimet_ja_suunnitelma",
    "contact_arrangements": "sijaishuoltoa_koskevat_muut_asiat.yhteydenpito",
    "information_sharing": "jakelu",
}


def _plan_texts(doc: Document, plan: ClientPlan) -> None:
    for field, path in _PLAN_TEXTS.items():
        doc.put(path, getattr(plan, field))
    differing = plan.differing_views or (
        "Ei eriäviä näkemyksiä." if plan.no_differing_views else ""
    )
    doc.put("eriavat_nakemykset", differing)
    if plan.placement_goals:
        goal = {"nimi": "Sijaishuollon tarkoitus ja tavoitteet", "kuvaus": plan.placement_goals}
        doc.put("asetettavat_tavoitteet", [goal])


def _measures_in_force(case: Any, day: datetime.date) -> list[Measure]:
    query = case.measures.filter(started_on__lte=day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day)
    )
    return list(query.order_by("started_on", "pk"))


def _plan_kind(in_force: list[Measure]) -> codes.Code:
    kinds = {m.kind for m in in_force}
    if kinds & {
        MeasureKind.CARE_ORDER,
        MeasureKind.SUBSTITUTE_CARE,
        MeasureKind.EMERGENCY_PLACEMENT,
    }:
        return codes.PLAN_SUBSTITUTE_CARE
    if MeasureKind.PLACEMENT_AS_SUPPORT in kinds:
        return codes.PLAN_PLACED_AS_SUPPORT
    return codes.PLAN_COMMUNITY_CARE


def _placement(doc: Document, placement: Measure) -> None:
    base = "tausta_ja_nykytilanne.sijoituksen_tiedot"
    doc.put(f"{base}.sijoituspaikan_nimi", placement.place)
    doc.put(f"{base}.kuvaus", codes.finnish(MeasureKind(placement.kind).label))
    doc.put(f"{base}.alkamispaiva", iso(placement.started_on))
    doc.put(
        f"{base}.paattymispaiva",
        iso(placement.ended_on or placement.extended_to or placement.expires_on),
    )


def _service(doc: Document, measure: Measure) -> dict[str, Any]:
    """One service of the plan, its social service coded (1.2.246.537.6.1222)."""
    code = measure_service(measure)
    entry: dict[str, Any] = {"kuvaus": measure_text(measure)}
    if code is not None:
        entry["sosiaalipalvelu"] = codes.coded_at(
            doc.oid, f"{_MEANS}.palvelu.sosiaalipalvelu", code
        )
    return entry


def measure_service(measure: Measure) -> codes.Code | None:
    """The social service a measure is: the form of care of a placement (national codes),
    the type of community-based support (Monia's codes), else the measure itself."""
    if measure.care_form:
        return codes.care_form_service(measure.care_form)
    if measure.support_type:
        return codes.monia(SupportType, measure.support_type)
    return codes.monia(MeasureKind, measure.kind)


def measure_text(measure: Measure) -> str:
    words = [codes.finnish(MeasureKind(measure.kind).label), measure.place, measure.details]
    return ", ".join(w for w in words if w)


def child_hearing(hearing: ChildHearing) -> tuple[str, dict[str, Any]]:
    """Mielipiteen selvittäminen (LsL 20 §): the child's own view, or why it was not found out."""
    doc = Document(CHILDS_VIEW)
    child = hearing.case.child
    parts.client(doc, hearing.case)
    doc.put("kuulemisasiakirja.asiasisalto", _hearing_matter(hearing))
    hearing_path = "kuulemisasiakirja.kuuleminen"
    doc.put(
        f"{hearing_path}.kuultava", {"sukunimi": child.last_name, "etunimet": child.first_names}
    )
    doc.put(f"{hearing_path}.osallistujat", hearing.heard_by)
    doc.put(f"{hearing_path}.mielipide", hearing.child_view)
    if hearing.method:
        doc.put(
            f"{hearing_path}.selvittamisen_tapa", codes.finnish(HearingMethod(hearing.method).label)
        )
    doc.put("lisatiedot", hearing.not_heard_reason)
    doc.put("lakiselostus", "Lastensuojelulaki 20 §")
    doc.put("paivamaara", iso(hearing.heard_on))
    parts.put_professional(doc, "laatija", _hearing_author(hearing))
    return doc.result()


def _hearing_matter(hearing: ChildHearing) -> str:
    if hearing.measure is not None:
        return codes.finnish(MeasureKind(hearing.measure.kind).label)
    return "Palvelutarpeen arviointi"


def _hearing_author(hearing: ChildHearing) -> Any:
    """``heard_by`` is free text: the document's author is the worker who recorded the
    assessment or the measure the hearing belongs to, else the designated worker."""
    if hearing.assessment is not None and hearing.assessment.completed_by is not None:
        return hearing.assessment.completed_by
    if hearing.measure is not None:
        return hearing.measure.recorded_by
    return hearing.case.designated_worker
