"""The demo's feedback of the development network (issue 16): per county one questionnaire
asked after network meetings (Monia's own simple wording in Finnish, Swedish and English,
for children, young people and adults), the families of earlier held meetings having
answered — six or more last month (a result shows), fewer than five the month before
("not shown") — and the showcase young person's last meeting still waiting for an answer
in the portal (demo/portal.py made that meeting)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from monia.accounts.models import Role, User
from monia.casework.models import Case, CaseStage
from monia.demo import workdays
from monia.feedback import services
from monia.feedback.models import Invitation, Questionnaire
from monia.feedback.triggers import meeting_invite
from monia.netmeet import services as netmeet_services
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.teams.models import County

B = ("child", "youth", "adult")
QUESTIONS = [
    (
        "face",
        True,
        {
            "fi": (
                "Millainen olo sinulle jäi tapaamisesta?",
                "Miltä tapaaminen sinusta tuntui?",
                "Miten tapaaminen kokonaisuutena onnistui?",
            ),
            "sv": (
                "Hur kändes mötet för dig?",
                "Hur tyckte du att mötet kändes?",
                "Hur lyckades mötet som helhet?",
            ),
            "en": (
                "How did you feel after the meeting?",
                "How did the meeting feel to you?",
                "How well did the meeting go overall?",
            ),
        },
    ),
    (
        "yes_no",
        False,
        {
            "fi": (
                "Kuuntelivatko aikuiset sinua?",
                "Kuunneltiinko mielipidettäsi?",
                "Tuliko näkemyksenne kuulluksi?",
            ),
            "sv": ("Lyssnade de vuxna på dig?", "Blev din åsikt hörd?", "Blev er syn hörd?"),
            "en": (
                "Did the adults listen to you?",
                "Was your opinion listened to?",
                "Was your view heard?",
            ),
        },
    ),
    (
        "scale_10",
        False,
        {
            "fi": (
                "Kuinka paljon tapaamisesta oli apua? 0 = ei yhtään, 10 = tosi paljon",
                "Kuinka hyödyllinen tapaaminen oli? 0 = ei lainkaan, 10 = erittäin",
                "Kuinka hyödyllinen tapaaminen oli? 0 = ei lainkaan, 10 = erittäin",
            ),
            "sv": (
                "Hur mycket hjälpte mötet? 0 = inte alls, 10 = jättemycket",
                "Hur nyttigt var mötet? 0 = inte alls, 10 = mycket",
                "Hur nyttigt var mötet? 0 = inte alls, 10 = mycket",
            ),
            "en": (
                "How much did the meeting help? 0 = not at all, 10 = a lot",
                "How useful was the meeting? 0 = not at all, 10 = very",
                "How useful was the meeting? 0 = not at all, 10 = very",
            ),
        },
    ),
    (
        "text",
        False,
        {
            "fi": (
                "Mitä muuta haluat sanoa?",
                "Mitä muuta haluat sanoa?",
                "Mitä muuta haluatte kertoa?",
            ),
            "sv": ("Vad mer vill du säga?", "Vad mer vill du säga?", "Vad mer vill ni berätta?"),
            "en": (
                "What else do you want to say?",
                "What else do you want to say?",
                "Anything else you want to tell us?",
            ),
        },
    ),
]
FACES = [4, 5, 3, 4, 2, 5, 4, 3, 4]
WORDS = ["Oli hyvä, että sain puhua.", "", "Toivoisin lyhyemmän tapaamisen.", ""]


def _creator(county: County) -> User | None:
    users = User.objects.filter(county=county, is_active=True)
    return (
        users.filter(role=Role.DEVELOPMENT_COORDINATOR).order_by("pk").first()
        or users.filter(role=Role.SENIOR_OFFICIAL).order_by("pk").first()
    )


PURPOSE = {
    "purpose": "Kysymme perheiltä, miten tapaamiset onnistuvat, jotta voimme kehittää niitä. "
    "Vastaukset näkyvät kehittämiselle vain vähintään viiden vastauksen ryhminä.",
    "purpose_sv": "Vi frågar familjerna hur mötena lyckas, så att vi kan utveckla dem. "
    "Svaren visas för utvecklingen bara i grupper om minst fem svar.",
    "purpose_en": "We ask families how the meetings go, so that we can improve them. "
    "The answers are shown for development only in groups of at least five answers.",
}


def _questionnaire(creator: User) -> Questionnaire:
    q = services.questionnaire_create(
        user=creator,
        data={
            "name": "Palaute verkostopalaverista",
            # Each family reads the purpose in its own language, as it does the questions.
            **PURPOSE,
            "trigger": "after_network_meeting",
            "active": True,
        },
    )
    for kind, required, words in QUESTIONS:
        texts = {
            (lang, band): text for lang, t in words.items() for band, text in zip(B, t, strict=True)
        }
        services.question_save(
            questionnaire=q, question=None, kind=kind, required=required, texts=texts
        )
    services.questionnaire_publish(questionnaire=q)
    return q


def _earlier_meeting(case: Case, day: datetime.date) -> NetworkMeeting:
    worker = case.designated_worker
    assert worker is not None
    held_at = datetime.datetime.combine(day, datetime.time(13), timezone.get_current_timezone())
    meeting = netmeet_services.meeting_plan(
        user=worker,
        case=case,
        held_at=held_at,
        place="Perhekeskus",
        agenda="Miten arki sujuu ja mitä tukea jatketaan.",
        already_held=True,
    )
    return netmeet_services.meeting_record(
        user=worker,
        meeting=meeting,
        minutes="Käytiin läpi kuulumiset ja tuen jatko.",
        family_view="Perhe kokee tuen auttaneen.",
        child_view="Lapsi kertoi omin sanoin, mikä on hyvin.",
        actions=[],
    )


def _answer(q: Questionnaire, inv: Invitation, at: datetime.datetime, i: int) -> None:
    values = {
        "face": FACES[i % len(FACES)],
        "yes_no": 1 if i % 4 else 0,
        "scale_10": 5 + i % 5,
        "text": WORDS[i % len(WORDS)],
    }
    services.answers_submit(
        invitation_id=inv.pk,
        questions=list(q.questions.all()),
        answers={f"q_{question.pk}": values[question.kind] for question in q.questions.all()},
        today=at.date(),
    )
    Invitation.objects.filter(pk=inv.pk).update(answered_at=at, created_at=at)


def _answered_month(q: Questionnaire, cases: list[Case], day: datetime.date, wanted: int) -> int:
    """Earlier meetings on ``day`` until ``wanted`` family members have answered."""
    done = 0
    for case in cases:
        if done >= wanted:
            break
        if timezone.localdate(case.opened_at) >= day:
            continue  # no meeting of a case before the notification that opened it
        meeting = _earlier_meeting(case, day)
        meeting_invite(meeting, q, today=day)
        at = datetime.datetime.combine(
            day + datetime.timedelta(days=2), datetime.time(18), timezone.get_current_timezone()
        )
        for inv in Invitation.objects.filter(context_id=meeting.pk, questionnaire=q).order_by("pk"):
            if done < wanted:
                _answer(q, inv, at, done)
                done += 1
    return done


def build(*, county: County, today: datetime.date) -> None:
    """Something on every page of monia/feedback for the county's demo users."""
    creator = _creator(county)
    if creator is None:
        return
    q = _questionnaire(creator)
    # The showcase young person's last meeting (demo/portal.py): waiting for an answer.
    recent = NetworkMeeting.objects.filter(case__county=county, status=MeetingStatus.HELD).order_by(
        "-held_at", "pk"
    )
    for meeting in recent[:1]:
        meeting_invite(meeting, q, today=today)
    showcase = {m.case_id for m in recent}
    cases = list(
        Case.objects.filter(county=county, stage=CaseStage.CLIENT, designated_worker__isnull=False)
        .exclude(pk__in=showcase)
        .exclude(child__identity_code="")
        .select_related("child", "designated_worker")
        .order_by("pk")
    )
    first_of_month = today.replace(day=1)
    last_month = (first_of_month - datetime.timedelta(days=1)).replace(day=10)
    month_before = (last_month.replace(day=1) - datetime.timedelta(days=1)).replace(day=10)
    # The meetings of a working day about the 10th.
    last_month, month_before = map(workdays.on_or_before, (last_month, month_before))
    _answered_month(q, cases[:8], last_month, 7)
    _answered_month(q, cases[8:], month_before, 3)
    # The coordinator is rewording it: version 2, a draft (its questions can still change).
    services.questionnaire_new_version(user=creator, questionnaire=q)
    _staff_questionnaire(county, creator, today)


def _staff_questionnaire(county: County, creator: User, today: datetime.date) -> None:
    """The network's own questionnaire, asked by hand of the county's staff and partners
    after a development day (the events app will ask after its events)."""
    q = services.questionnaire_create(
        user=creator,
        data={"name": "Palaute kehittämispäivästä", "trigger": "manual", "active": True},
    )
    services.question_save(
        questionnaire=q,
        question=None,
        kind="scale_10",
        required=True,
        texts={
            (
                "fi",
                "adult",
            ): "Kuinka hyödyllinen päivä oli työllesi? 0 = ei lainkaan, 10 = erittäin",
            ("sv", "adult"): "Hur nyttig var dagen för ditt arbete? 0 = inte alls, 10 = mycket",
            ("en", "adult"): "How useful was the day for your work? 0 = not at all, 10 = very",
        },
    )
    services.questionnaire_publish(questionnaire=q)
    staff = User.objects.filter(county=county, is_active=True).exclude(
        role__in=[Role.CLIENT, Role.ADMINISTRATOR, Role.DEVELOPMENT_COORDINATOR]
    )
    services.invitations_for(
        q,
        list(staff.order_by("pk")),
        context_kind="manual",
        context_date=workdays.on_or_before(today - datetime.timedelta(days=3)),
        today=today,
    )
