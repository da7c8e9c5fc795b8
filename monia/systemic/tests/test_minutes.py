"""The meeting minutes PDF: content, languages, the hypotheses as they stood, access."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.conftest import CaseWorld, child_create, notification
from monia.conftest import login as _login
from monia.systemic import minutes, selectors, services
from monia.systemic.models import TeamMeeting

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


# --- Reading the text back without a PDF library -------------------------------------------
# ``minutes_pdf(plain=True)`` writes uncompressed streams. Text is shown with ``(…) Tj`` in
# the font's subset encoding; each subset font carries a ToUnicode map back to characters.

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(raw: bytes) -> bytes:
    def one(m: re.Match[bytes]) -> bytes:
        token = m.group(1)
        if token[:1].isdigit():
            return bytes([int(token, 8)])
        return _ESCAPES.get(token, token)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, raw, flags=re.S)


def pdf_text(pdf: bytes) -> str:
    objects = {int(m[1]): m[2] for m in _OBJ.finditer(pdf)}
    cmaps: dict[int, dict[int, str]] = {}
    for number, body in objects.items():
        ref = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if ref:
            pairs = re.findall(rb"<([0-9A-F]{2})> <([0-9A-F]{4})>", objects[int(ref[1])])
            cmaps[number] = {int(a, 16): chr(int(b, 16)) for a, b in pairs}
    fonts = {
        name: int(num)
        for body in objects.values()
        for name, num in re.findall(rb"/(F\d+(?:\+\d+)?) (\d+) 0 R", body)
    }
    shown: list[str] = []
    for body in objects.values():
        if b"stream" not in body or b" Tj" not in body:
            continue
        cmap: dict[int, str] = {}
        for m in re.finditer(rb"/(F[\d+]+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj", body, re.S):
            if m[1]:
                cmap = cmaps.get(fonts.get(m[1], -1), {})
            else:
                shown.append("".join(cmap.get(b, chr(b)) for b in _unescape(m[2])))
    return "\n".join(shown)


# --- Fixtures -------------------------------------------------------------------------------


def _discuss(meeting: TeamMeeting, case: Any, user: Any, worries: str = "Huoli") -> Any:
    item = meeting.items.filter(case=case).first() or services.agenda_add(
        meeting=meeting, case=case
    )
    services.reflection_save(
        user=user,
        item=item,
        data={
            "worries": worries,
            "working_well": "Koulu sujuu",
            "family_view": "Perhe toivoo rauhaa",
            "therapist_action": "Verkostotapaaminen",
        },
        lock_version=0,
    )
    return item


def _attend(meeting: TeamMeeting, user: Any, statuses: dict[int, str], guests: str = "") -> None:
    """Record attendance: the members named in ``statuses`` as given, the others present."""
    everyone = {m.pk: "present" for m in selectors.meeting_members(meeting)}
    services.meeting_attendance_record(
        user=user, meeting=meeting, statuses=everyone | statuses, guests=guests
    )


@pytest.fixture
def meeting(case_a: CaseWorld, worker_a: Any, teammate_a: Any) -> TeamMeeting:
    m = services.meeting_open(user=worker_a, team=case_a.case.team, held_on=TODAY)
    _discuss(m, case_a.case, worker_a, worries="Isän jaksaminen: äöåÄÖÅ")
    services.hypothesis_add(user=worker_a, case=case_a.case, statement="Vanha muotoilu", meeting=m)
    services.next_step_add(
        user=worker_a,
        case=case_a.case,
        description="Soitto koululle",
        owner=teammate_a,
        due_on=TODAY + datetime.timedelta(days=7),
        meeting=m,
    )
    return m


# --- The document ---------------------------------------------------------------------------


def test_pdf_holds_child_reflection_hypotheses_and_steps(
    meeting: TeamMeeting, case_a: CaseWorld
) -> None:
    pdf = minutes.minutes_pdf(meeting, language="fi", plain=True)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Aino Esimerkki" in text
    assert "äöåÄÖÅ" in text
    assert "Syntymäaika" in text  # "Date of birth" in Finnish
    assert "Alue A" in text
    assert "Vanha muotoilu" in text
    assert "Soitto koululle" in text and "Teammate_A Testinen" in text
    due = TODAY + datetime.timedelta(days=7)
    assert f"{due.day}.{due.month}.{due.year}" in text
    assert "621/1999" in text


def test_swedish_minutes_use_swedish_headings_and_county_name(meeting: TeamMeeting) -> None:
    text = pdf_text(minutes.minutes_pdf(meeting, language="sv", plain=True))
    assert "Födelsedatum" in text
    assert "Område A" in text
    assert "Aino Esimerkki" in text


def test_the_minutes_name_the_team_in_their_own_language(meeting: TeamMeeting) -> None:
    meeting.team.name_sv = "Barnskydd A1"
    meeting.team.save(update_fields=["name_sv"])
    swedish = pdf_text(minutes.minutes_pdf(meeting, language="sv", plain=True))
    finnish = pdf_text(minutes.minutes_pdf(meeting, language="fi", plain=True))
    assert "Barnskydd A1" in swedish
    assert "Barnskydd" not in finnish and "A1" in finnish


def test_default_output_is_compressed(meeting: TeamMeeting) -> None:
    pdf = minutes.minutes_pdf(meeting, language="fi")
    assert pdf.startswith(b"%PDF") and b"FlateDecode" in pdf


def test_hypotheses_are_shown_as_they_stood_at_that_meeting(
    meeting: TeamMeeting, worker_a: Any
) -> None:
    hypothesis = meeting.items.get().case.hypotheses.get()
    _attend(meeting, worker_a, {})
    services.meeting_close(user=worker_a, meeting=meeting)
    later = services.meeting_open(
        user=worker_a, team=meeting.team, held_on=TODAY + datetime.timedelta(days=7)
    )
    _discuss(later, hypothesis.case, worker_a)
    services.hypothesis_update(
        user=worker_a,
        hypothesis=hypothesis,
        statement="Uusi muotoilu",
        supports="",
        test="",
        status="supported",
        meeting=later,
    )
    services.hypothesis_add(user=worker_a, case=hypothesis.case, statement="Myöhempi ajatus")
    meeting.refresh_from_db()
    text = pdf_text(minutes.minutes_pdf(meeting, language="fi", plain=True))
    assert "Vanha muotoilu" in text
    assert "Uusi muotoilu" not in text and "Myöhempi ajatus" not in text
    later_text = pdf_text(minutes.minutes_pdf(later, language="fi", plain=True))
    assert "Uusi muotoilu" in later_text and "Vanha muotoilu" not in later_text


def test_minutes_list_those_present_and_those_who_sent_apologies(
    meeting: TeamMeeting, worker_a: Any, teammate_a: Any, family_worker_a: Any
) -> None:
    _attend(
        meeting,
        worker_a,
        {teammate_a.pk: "apologised", family_worker_a.pk: "absent"},
        guests="Ulla Ulkoinen",
    )
    text = pdf_text(minutes.minutes_pdf(meeting, language="fi", plain=True))
    present = text[text.index("Läsnä") : text.index("Estyneet")]
    assert "Worker_A Testinen" in present and "Ulla Ulkoinen" in text
    assert "Teammate_A Testinen" in text[text.index("Estyneet") : text.index("Aino Esimerkki")]
    assert "Teammate_A Testinen" not in present
    assert "Family_Worker_A" not in text  # absent without word: not listed
    sv = pdf_text(minutes.minutes_pdf(meeting, language="sv", plain=True))
    assert "Närvarande" in sv and "Förhindrade" in sv and "Gäster" in sv


def test_minutes_say_when_attendance_was_not_recorded(meeting: TeamMeeting) -> None:
    text = pdf_text(minutes.minutes_pdf(meeting, language="fi", plain=True))
    assert "Läsnäoloa ei kirjattu." in text
    assert "Worker_A Testinen" not in text.split("Läsnäoloa ei kirjattu.")[0]


def test_families_not_discussed_are_left_out(
    meeting: TeamMeeting, world: Any, worker_a: Any
) -> None:
    other = child_create(world.county_a, first="Eetu", number=911)
    case = notification(worker_a, other, world.team_a1, at=timezone.now()).case
    services.agenda_add(meeting=meeting, case=case)
    text = pdf_text(minutes.minutes_pdf(meeting, language="fi", plain=True))
    assert "Eetu" not in text


# --- The page -------------------------------------------------------------------------------


def _url(meeting: TeamMeeting, lang: str = "fi") -> str:
    return reverse("meeting_minutes_pdf", kwargs={"meeting_id": meeting.pk}) + f"?lang={lang}"


def test_team_member_gets_the_pdf_and_every_child_is_logged(
    meeting: TeamMeeting, case_a: CaseWorld
) -> None:
    before = AccessLog.objects.filter(purpose="meeting_minutes").count()
    response = _login("teammate_a").get(_url(meeting, "sv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Esimerkki" not in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    logged = AccessLog.objects.filter(purpose="meeting_minutes")
    assert logged.count() == before + 1
    assert logged.get().case_id == case_a.case.pk


def test_senior_official_of_the_county_gets_the_pdf(meeting: TeamMeeting, senior_a: Any) -> None:
    assert _login("senior_a").get(_url(meeting)).status_code == 200


@pytest.mark.parametrize("persona", ["other_team", "other_county", "admin"])
def test_other_team_gets_404(
    meeting: TeamMeeting, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    assert _login(persona).get(_url(meeting)).status_code == 404
    assert not AccessLog.objects.filter(purpose="meeting_minutes").exists()


def test_missing_meeting_gets_404(meeting: TeamMeeting) -> None:
    url = reverse("meeting_minutes_pdf", kwargs={"meeting_id": meeting.pk + 1000})
    assert _login("worker_a").get(url).status_code == 404


def test_anonymous_is_sent_to_login(meeting: TeamMeeting) -> None:
    response = Client().get(_url(meeting))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_unknown_language_falls_back_to_finnish(meeting: TeamMeeting) -> None:
    response = _login("worker_a").get(_url(meeting, "xx"))
    assert response.status_code == 200 and "-fi.pdf" in response["Content-Disposition"]


def test_the_meeting_page_marks_each_minutes_link_with_its_own_language(
    meeting: TeamMeeting,
) -> None:
    """On a Swedish page the link "suomeksi" is Finnish: a screen reader reads it so."""
    url = reverse("meeting_detail", kwargs={"meeting_id": meeting.pk})
    page = _login("worker_a", "sv").get(url).content.decode()
    assert re.search(r'<a [^>]*hreflang="fi" lang="fi">suomeksi</a>', page)
    assert re.search(r'<a [^>]*hreflang="sv" lang="sv">på svenska</a>', page)


def test_a_family_moved_to_another_team_is_left_out_of_a_members_copy(
    meeting: TeamMeeting, case_a: CaseWorld, world: Any
) -> None:
    type(case_a.case).objects.filter(pk=case_a.case.pk).update(team=world.team_a2)
    response = _login("teammate_a").get(_url(meeting))
    assert response.status_code == 200
    assert not AccessLog.objects.filter(purpose="meeting_minutes").exists()


def test_query_count_does_not_grow_with_families(
    meeting: TeamMeeting, world: Any, worker_a: Any, django_assert_max_num_queries: Any
) -> None:
    client = _login("worker_a")
    with django_assert_max_num_queries(20) as small:
        client.get(_url(meeting))
    for i in range(3):
        child = child_create(world.county_a, first=f"Lapsi{i}", number=920 + i)
        case = notification(worker_a, child, world.team_a1, at=timezone.now()).case
        _discuss(meeting, case, worker_a)
        services.hypothesis_add(user=worker_a, case=case, statement=f"H{i}", meeting=meeting)
    with django_assert_max_num_queries(20) as large:
        assert client.get(_url(meeting)).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
