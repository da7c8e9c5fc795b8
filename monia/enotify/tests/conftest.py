from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest

from monia.enotify import gate
from monia.people import hetu

# A valid synthetic identity code of a nine-year-old (individual number 900–999).
CHILD_BIRTH = datetime.date(2016, 3, 14)
CHILD_CODE = hetu.make_synthetic(CHILD_BIRTH, 902)


def school_nurse_post(**extra: Any) -> dict[str, Any]:
    """What the form posts, as a freshly loaded form would (its own form session)."""
    data: dict[str, Any] = {
        "kind": "notification",
        "notifier_type": "obligated",
        "notifier_name": "Terhi Terveydenhoitaja",
        "notifier_organisation": "Esimerkin koulu",
        "notifier_sector": "school",
        "notifier_phone": "040 123 4567",
        "notifier_email": "",
        "child_first_names": "Aino",
        "child_last_name": "Esimerkki",
        "child_identity_code": CHILD_CODE,
        "child_birth_date": "",
        "child_expected_birth_date": "",
        "child_municipality": "Kuopio",
        "guardians": "Maija Esimerkki",
        "family_informed": "no",
        "content": "Lapsi kertoi, ettei kotona ole ruokaa.",
        "submission_key": str(uuid.uuid4()),
        "form_token": gate.form_token_issue(),
        "website": "",
    }
    data.update(extra)
    return data


@pytest.fixture
def nurse_post() -> Any:
    return school_nurse_post
