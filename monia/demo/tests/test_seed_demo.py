"""`manage.py seed_demo`: the demo counties, staff, families and cases."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.casework.models import Case, CaseStage, ClientNote, Intake, Measure, NoteAmendment
from monia.people import hetu
from monia.people.models import ContactDetail, Person, Relationship
from monia.teams.models import County, Team

TEAM_ROLES = sorted(
    [
        "consultant_social_worker",
        "designated_social_worker",
        "designated_social_worker",
        "family_therapist",
        "family_worker",
    ]
)


def _seed(**options: object) -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **{"children": 20, "seed": 1, **options})
    return out.getvalue()


def _snapshot() -> list[tuple[Any, ...]]:
    persons = Person.objects.values_list(
        "county__code",
        "identity_code",
        "first_names",
        "last_name",
        "birth_date",
        "expected_birth_date",
    )
    intakes = Intake.objects.values_list(
        "case__child__identity_code", "received_at", "kind", "content", "decision", "decided_on"
    )
    notes = ClientNote.objects.values_list(
        "case__child__identity_code",
        "note_type",
        "occurred_on",
        "occurred_time",
        "discussed",
        "child_view",
        "author__username",
        "signed_by__username",
    )
    # The contact details and non-disclosure (demo/contacts.py) are the seed's too.
    contacts = ContactDetail.objects.values_list("person__identity_code", "kind", "value")
    homes = Person.objects.values_list("identity_code", "address", "non_disclosure")
    rows: list[tuple[Any, ...]] = sorted(map(tuple, persons), key=repr)
    rows += sorted(map(tuple, contacts), key=repr) + sorted(map(tuple, homes), key=repr)
    rows += sorted(map(tuple, intakes), key=repr)
    return rows + sorted(map(tuple, notes), key=repr)


@pytest.mark.django_db
def test_two_counties_with_three_teams_and_their_staff() -> None:
    output = _seed()
    counties = County.objects.order_by("code")
    assert [c.code for c in counties] == ["keski-suomi", "pohjanmaa"]
    assert [c.bilingual for c in counties] == [False, True]
    for county in counties:
        teams = Team.objects.filter(county=county)
        assert teams.count() == 3
        for team in teams.order_by("name"):
            roles = sorted(team.members.values_list("role", flat=True))
            # The coordinator works with team 1, the showcase team.
            expected = (
                sorted([*TEAM_ROLES, "team_coordinator"])
                if team.name.endswith("1 (systeeminen)")
                else TEAM_ROLES
            )
            assert roles == expected
        county_wide = User.objects.filter(county=county, team__isnull=True).exclude(role="partner")
        # Central Finland also has the development network's coordinator and an expert by
        # experience (issue 16).
        network = (
            ["development_coordinator", "expert_by_experience"]
            if county.code == "keski-suomi"
            else []
        )
        assert sorted(county_wide.values_list("role", flat=True)) == sorted(
            ["senior_official", *network]
        )
        assert User.objects.filter(county=county).exclude(role="partner").count() == 17 + len(
            network
        )
        assert User.objects.filter(county=county, role="partner").count() == 1
    admins = User.objects.filter(is_superuser=True).order_by("username")
    assert [a.username for a in admins] == ["admin", "admin2"]  # four eyes need two
    for admin in admins:
        assert admin.role == Role.ADMINISTRATOR and admin.is_staff and admin.county is None
    assert User.objects.count() == 36 + 2 + 2  # staff, two administrators, two school nurses
    sanna = User.objects.get(username="sanna")
    assert sanna.check_password("demo")
    assert sanna.role == Role.DESIGNATED_SOCIAL_WORKER
    assert sanna.county is not None and sanna.county.code == "keski-suomi"
    assert sanna.team is not None and sanna.team.name.startswith("Lastensuojelu, tiimi 1")
    assert "username" in output and "password" in output
    for username in ("admin", "admin2", "sanna", "emma", "heikki", "mats"):
        assert username in output


@pytest.mark.django_db
def test_families_have_synthetic_identity_codes_and_parents() -> None:
    _seed()
    assert Person.objects.filter(county__code="pohjanmaa", language="sv").exists()
    assert Person.objects.filter(
        expected_birth_date__isnull=False, birth_date__isnull=True, identity_code=""
    ).exists()
    for code in Person.objects.exclude(identity_code="").values_list("identity_code", flat=True):
        parsed = hetu.parse(code)
        assert 900 <= parsed.individual_number <= 999
    # A child not identified yet (only described by the notifier) has no known parents.
    for case in Case.objects.select_related("child").exclude(child__unidentified=True):
        parents = Relationship.objects.filter(to_person=case.child, kind="biological_parent")
        assert 1 <= parents.count() <= 2


@pytest.mark.django_db
def test_families_have_contact_details_and_a_few_have_non_disclosure() -> None:
    from monia.casework.models import MeasureConsent

    _seed()
    sanna = User.objects.get(username="sanna")
    children = Person.objects.filter(cases__isnull=False, unidentified=False).exclude(
        birth_date__isnull=True
    )
    assert not children.filter(address="").exists()
    assert ContactDetail.objects.filter(kind="phone").exists()
    assert ContactDetail.objects.filter(kind="email", value__endswith=".invalid").exists()
    # The showcase worker's family with a guardian elsewhere: the child and the parent
    # the child lives with are protected; the other guardian is not.
    case = Case.objects.filter(designated_worker=sanna, child__non_disclosure=True).first()
    assert case is not None
    ties = Relationship.objects.filter(to_person=case.child, is_guardian=True)
    assert ties.filter(lives_with=True, from_person__non_disclosure=True).exists()
    assert ties.filter(lives_with=False, from_person__non_disclosure=False).exists()
    # Measures carry the child's hearing and the consents the law asks for.
    needing = Measure.objects.filter(kind="placement_as_support") | Measure.objects.filter(
        kind="care_order", decision_body="senior_official"
    )
    assert needing.exists()  # Pohjanmaa's showcase care order is made with consent
    for measure in needing:
        assert MeasureConsent.objects.filter(measure=measure, answer="consented").exists()
    assert MeasureConsent.objects.filter(measure__decision_body="administrative_court").exists()


@pytest.mark.django_db
def test_every_stage_and_an_overdue_decision_are_there() -> None:
    _seed()
    today = timezone.localdate()
    for county in County.objects.all():
        stages = set(Case.objects.filter(county=county).values_list("stage", flat=True))
        assert stages == set(CaseStage.values)
    assert Intake.objects.filter(decision="", decision_due__lt=today).exists()
    sanna = User.objects.get(username="sanna")
    assert Case.objects.filter(
        designated_worker=sanna,
        stage=CaseStage.ASSESSMENT,
        assessments__completion_due__lt=today,
        assessments__completed_on__isnull=True,
    ).exists()
    kinds = set(Measure.objects.values_list("kind", flat=True))
    assert {
        "community_support",
        "emergency_placement",
        "care_order",
        "substitute_care",
        "aftercare",
    } <= kinds
    assert Measure.objects.filter(extended_to__isnull=False, ended_on__isnull=True).exists()


@pytest.mark.django_db
def test_every_page_has_something_to_show() -> None:
    """A new user finds each page with content: what the public form sent, a child not
    identified yet, the school nurse's requests, meetings open and held, a message, a case
    before the expert group."""
    from monia.consult.models import Consultation
    from monia.contrib.models import ContributionRequest
    from monia.dialogue.models import MessageThread
    from monia.enotify.models import ENotification
    from monia.experts.models import ExpertCase
    from monia.netmeet.models import NetworkMeeting
    from monia.systemic.models import TeamMeeting

    _seed()
    for county in County.objects.all():
        nurse = User.objects.get(county=county, role=Role.PARTNER)
        assert ENotification.objects.filter(county=county, status="new").count() == 2
        assert Case.objects.filter(county=county, child__unidentified=True).exists()
        assert ContributionRequest.objects.filter(
            assessment__case__county=county, organisation=nurse.organisation
        ).exists()
        assert Consultation.objects.filter(case__county=county, partner=nurse).exists()
        meetings = NetworkMeeting.objects.filter(case__county=county)
        assert {"planned", "held"} <= set(meetings.values_list("status", flat=True))
        assert meetings.filter(status="planned", invitees__partner=nurse).exists()
        assert MessageThread.objects.filter(case__county=county).exists()
        assert ExpertCase.objects.filter(case__county=county).exists()
        team_meetings = TeamMeeting.objects.filter(team__county=county)
        assert team_meetings.filter(closed_at__isnull=True).exists()
        assert team_meetings.filter(closed_at__isnull=False).exists()


@pytest.mark.django_db
def test_the_demo_has_client_notes_of_every_kind_signed_amended_and_drafts() -> None:
    _seed(children=40)  # enough families for the Swedish-language team to have a client
    for county in County.objects.all():
        notes = ClientNote.objects.filter(case__county=county)
        assert set(notes.values_list("note_type", flat=True)) == {
            "19004",
            "19005",
            "19006",
            "19007",
            "19009",
            "19014",
        }
        assert notes.filter(signed_at__isnull=True).exists()
        assert NoteAmendment.objects.filter(note__case__county=county).exists()
        assert {"phone", "home_visit"} <= set(notes.values_list("contact_method", flat=True))
        # Every signed note is a line in its case's chronology.
        signed = notes.filter(signed_at__isnull=False)
        assert signed.filter(case__events__client_note__isnull=False).distinct().count() == (
            signed.count()
        )
    assert ClientNote.objects.filter(author__language="sv").exists()  # the Swedish team's


@pytest.mark.django_db
def test_if_empty_creates_nothing_new_and_prints_the_logins() -> None:
    _seed()
    counts = [m.objects.count() for m in (County, User, Person, Case, Intake)]
    output = _seed(if_empty=True, seed=2)
    assert [m.objects.count() for m in (County, User, Person, Case, Intake)] == counts
    assert "sanna" in output and "demo" in output


@pytest.mark.django_db
def test_without_if_empty_a_loaded_database_is_refused() -> None:
    _seed()
    with pytest.raises(CommandError):
        _seed()


@pytest.mark.django_db
def test_the_same_seed_and_today_give_the_same_data() -> None:
    today = timezone.localdate() - datetime.timedelta(days=10)
    snapshots = []
    for _ in range(2):
        with transaction.atomic():
            _seed(today=today.isoformat())
            snapshots.append(_snapshot())
            transaction.set_rollback(True)
    assert snapshots[0] == snapshots[1]
    assert len(snapshots[0]) > 40


@pytest.mark.django_db
def test_a_today_in_the_future_is_refused() -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(CommandError):
        _seed(today=tomorrow.isoformat())
    assert not County.objects.exists()


@pytest.mark.django_db
def test_the_portal_showcase_speaks_the_young_persons_language() -> None:
    """The worker's message, the meetings and the family versions of the portal's showcase
    young person are written in their language: a Swedish-speaking young person once read
    her whole portal in Finnish (and a message naming a page "Oma ääni" the portal calls
    "Minun ääneni")."""
    from django.utils import translation

    from monia.dialogue.models import Message
    from monia.netmeet.models import NetworkMeeting
    from monia.portal.document_selectors import case_documents
    from monia.portal.models import FamilyVersion

    _seed()
    showcases = NetworkMeeting.objects.filter(remote_link="https://meet.example.org/monia-demo")
    languages = set()
    for meeting in showcases.select_related("case__child"):
        case, language = meeting.case, meeting.case.child.language
        languages.add(language)
        swedish = language == "sv"
        body = Message.objects.filter(thread__case=case).earliest("pk").body
        assert body.startswith("Hej " if swedish else "Hei "), body
        assert ("sidan Min röst" if swedish else "Minun ääneni -sivulla") in body
        assert meeting.place.startswith("Familjecentret" if swedish else "Perhekeskus")
        versions = dict(FamilyVersion.objects.filter(case=case).values_list("document_key", "text"))
        with translation.override(language):
            suggested = {d.key: str(d.suggestion) for d in case_documents(case) if d.suggestion}
        assert suggested and all(versions[key] == text for key, text in suggested.items())
    assert languages == {"fi", "sv"}, (
        "the demo shows a Finnish- and a Swedish-speaking young person"
    )


# Committed, so the services' e-mails go out on commit as they do under `make run`.
@pytest.mark.django_db(transaction=True)
def test_the_seeding_keeps_its_emails_off_the_console(
    settings: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    output = _seed(children=4)
    printed = capsys.readouterr().out
    assert "Subject:" not in printed + output
    assert any(m.to[0].endswith("@demo.monia.invalid") for m in mail.outbox)
    # Only while seeding: the e-mail of real use goes to the configured backend again.
    mail.send_mail("After the seeding", "Hello", None, ["eeva@demo.monia.invalid"])
    assert "Subject: After the seeding" in capsys.readouterr().out


@pytest.mark.django_db
def test_an_approved_plan_was_made_before_its_review_not_today() -> None:
    """A plan reviewed tomorrow had been "made today": each approved plan is now dated
    before its review, within the year, and not later than today."""
    from monia.casework.models import ClientPlan, PlanStatus

    _seed()
    today = timezone.localdate()
    plans = list(ClientPlan.objects.filter(status=PlanStatus.APPROVED))
    assert plans
    for plan in plans:
        assert plan.approved_on <= today and plan.approved_on <= plan.review_due
        assert (plan.review_due - plan.approved_on).days <= 372
    assert sum(plan.approved_on < today for plan in plans) > len(plans) // 2


@pytest.mark.django_db
def test_no_plan_claims_to_be_made_today_or_on_a_weekend() -> None:
    """A plan reviewed in seven months read "made today" in the young person's portal, and
    the chronology said every plan was approved (or its draft saved) today: each plan, its
    chronology line and its review now fall on working days, approved before today and
    reviewed within the year; a draft was saved in the last week, not today."""
    from monia import deadlines
    from monia.casework.models import ChronologyEvent, ClientPlan, EventKind, PlanStatus

    _seed(children=40)
    today = timezone.localdate()
    plans = list(ClientPlan.objects.exclude(status=PlanStatus.SUPERSEDED))
    far = [p for p in plans if p.review_due and (p.review_due - today).days > 182]
    assert far and any(p.status == PlanStatus.DRAFT for p in plans)
    for plan in plans:
        assert plan.review_due is not None and deadlines.is_working_day(plan.review_due)
        if plan.status == PlanStatus.APPROVED:
            made = plan.approved_on
            assert made is not None and made < today
            assert plan.review_due <= deadlines.client_plan_review_due_latest(made)
            assert (plan.review_due - made).days <= 372
            assert timezone.localtime(plan.updated_at).date() == made
        else:
            made = timezone.localtime(plan.updated_at).date()
            assert today - datetime.timedelta(days=7) <= made < today, (plan.pk, made)
        assert deadlines.is_working_day(made), (plan.pk, made)
    events = ChronologyEvent.objects.filter(
        kind__in=[EventKind.PLAN_APPROVED, EventKind.PLAN_SAVED]
    )
    assert events and all(timezone.localtime(e.occurred_at).date() < today for e in events)


# Finnish words of the development network's demo texts (peer groups, events, the
# questionnaire) and of the staff's titles, besides those _finnish_words_of_the_seed reads.
FINNISH_NETWORK_WORDS = {
    "vertaisryhmä",
    "ruotsinkielinen",
    "nuorten",
    "vanhempien",
    "tavataan",
    "maanantaisin",
    "nuorisotila",
    "tykkäsin",
    "seuraavalla",
    "tervetuloa",
    "nuoren",
    "lastensuojelussa",
    "keskustelu",
    "kysymme",
    "perheiltä",
    "tapaamiset",
    "palaute",
    "verkostopalaverista",
    "sosiaalityöntekijä",
    "perheterapeutti",
    "sosiaaliohjaaja",
    "konsultoiva",
}


def _finnish_words_of_the_seed() -> set[str]:
    """Words of the Finnish texts the demo seeds (what its workers write to a young person,
    the plans' and measures' texts, the staff's titles, the teams' names, the development
    network's groups, events and questionnaire), but any the Swedish texts or a name
    share."""
    import json
    import re

    from monia.demo import names, portal
    from monia.demo.datafiles import load

    def words(*texts: object) -> set[str]:
        found = re.findall(r"[^\W\d_]{5,}", json.dumps(texts, ensure_ascii=False))
        return {w.lower() for w in found}

    teams = [names_ for county in names.COUNTIES for names_ in county.team_names]
    finnish = words(portal._WORDS["fi"], load("texts.json"), [fi for fi, _sv, _en in teams])
    finnish |= FINNISH_NETWORK_WORDS
    swedish_titles = [sv for sv, _en in names.TITLES.values()]
    # The Swedish-language team's texts (texts_sv.json) are Swedish: "skola" of a
    # Swedish school's name that texts.json lists among Pohjanmaa's is no Finnish word
    # (but their placeholders, {lapsi} and {kunta}, and the Finnish phrases their
    # "phrases" translate, are).
    sv = load("texts_sv.json")
    sv_texts = [[v for k, v in sv.items() if k != "phrases"], list(sv["phrases"].values())]
    swedish_texts = re.sub(r"\{\w+\}", "", json.dumps(sv_texts, ensure_ascii=False))
    swedish = words(
        portal._WORDS["sv"],
        swedish_titles,
        [sv for _fi, sv, _en in teams],
        load("names.json"),
        swedish_texts,
    )
    # Finnish has no å: a word with one is a Swedish name of a place the Finnish texts cite.
    return {w for w in finnish - swedish - {"monia", "person"} if "å" not in w}


@pytest.mark.django_db
def test_the_swedish_speaking_showcase_reads_her_whole_portal_in_swedish() -> None:
    """Agnes, the demo's Swedish-speaking young person, read her worker's title, the peer
    group, its leaders and journal, the events and the questionnaire in Finnish: she is now
    a client of the Swedish-language team, and every page of her portal shows no Finnish
    word of the demo's texts."""
    import re
    from html import unescape

    from monia.netmeet.models import NetworkMeeting
    from monia.portal.services import client_user_for_identity_code
    from monia.tests import walk

    _seed()
    meeting = NetworkMeeting.objects.select_related("case__child", "case__team").get(
        remote_link="https://meet.example.org/monia-demo", case__child__language="sv"
    )
    case = meeting.case
    assert case.designated_worker is not None and case.designated_worker.language == "sv"
    assert "svenskspråkigt" in case.team.name_sv
    user = client_user_for_identity_code(case.child.identity_code, method="demo")
    assert user is not None
    persona = walk.Persona("Swedish-speaking young person", user, "/portal/", "sv")
    client = walk.client_for(persona)
    pages = walk.walk(client, "/portal/", skip=lambda path: "logout" in path).pages()
    assert len(pages) >= 10, [p.url for p in pages]
    finnish = _finnish_words_of_the_seed()
    found = {}
    for visit in pages:
        html = client.get(visit.url).content.decode()
        main = html[html.find("<main") :]
        text = unescape(re.sub(r"<[^>]+>", " ", main))
        shown = {w.lower() for w in re.findall(r"[^\W\d_]{5,}", text)} & finnish
        if shown:
            found[visit.url] = sorted(shown)
    assert not found, "\n".join(f"{url}: {words}" for url, words in found.items())
