"""The queue's own rows in the admin (django-tasks' "Task results") read in the
administrator's language: the packages mark their words but ship no Finnish or Swedish, so
Monia's catalogue gives them (monia/jobs/django_tasks_words.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.conftest import login
from monia.jobs.tasks import sessions_clear

LIST = "admin:django_tasks_database_dbtaskresult_changelist"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fi",
            [
                "Valitse näytettävä tehtävän tulos",
                "Lisätty jonoon",
                "Odottaa suoritusta",
                "Tunniste",
                "Tehtävä",
            ],
        ),
        (
            "sv",
            [
                "Välj uppgiftsresultat för visning",
                "Lagd i kö",
                "Väntar på körning",
                "Identifierare",
                "Uppgift",
            ],
        ),
    ],
)
def test_the_queues_results_read_in_the_administrators_language(
    db: None, admin: Any, settings: Any, language: str, words: list[str]
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sessions_clear.enqueue()  # waits in the queue: no worker in a test
    page = login("admin", language).get(reverse(LIST))
    body = page.content.decode()
    assert page.status_code == 200
    for word in words:
        assert word in body, word
    assert "Task Results" not in body and "Enqueued at" not in body and ">Ready<" not in body
    assert "Task name" not in body and ">Id<" not in body


def test_a_queued_results_page_labels_its_fields_in_the_administrators_language(
    db: None, admin: Any, settings: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sessions_clear.enqueue()
    result = DBTaskResult.objects.get()
    url = reverse("admin:django_tasks_database_dbtaskresult_change", args=[result.pk])
    body = login("admin", "fi").get(url).content.decode()
    assert "Virheen jäljitys" in body and "Suoritetaan aikaisintaan" in body
    assert "Traceback" not in body and "Run after" not in body


@pytest.mark.parametrize(
    ("language", "title", "history"),
    [
        ("fi", "sessions_clear, lisätty jonoon", "Muokkaushistoria: sessions_clear"),
        ("sv", "sessions_clear, lagd i kö", "Ändringshistorik: sessions_clear"),
    ],
)
def test_a_queued_result_is_titled_by_its_task_when_enqueued_and_its_state(
    db: None, admin: Any, settings: Any, language: str, title: str, history: str
) -> None:
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sessions_clear.enqueue()
    result = DBTaskResult.objects.get()
    enqueued = timezone.localtime(result.enqueued_at)
    client = login("admin", language)
    change = reverse("admin:django_tasks_database_dbtaskresult_change", args=[result.pk])
    body = client.get(change).content.decode()
    state = "Odottaa suoritusta" if language == "fi" else "Väntar på körning"
    full = f"{title} {enqueued:%-d.%-m.%Y %H:%M} ({state})"
    assert f"<h2>{full}</h2>" in body and f"&rsaquo; {full}\n" in body
    assert "DBTaskResult object" not in body
    page = client.get(reverse("admin:django_tasks_database_dbtaskresult_history", args=[result.pk]))
    body = page.content.decode()
    assert f"<h1>{history}" in body and f">{full}</a>" in body
    assert "DBTaskResult object" not in body
