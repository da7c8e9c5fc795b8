"""The archive package as a ZIP: per signed document a folder with the PDF, the national
structure (``structured.json``) and the archive's metadata (``metadata.json``), and at the
root ``manifest.json`` listing every file with its SHA-256 and size.

The metadata an archive needs for each document (Kanta's client data archive and the
county's own long-term archive read the same fields):

- service task (palvelutehtävä): the case's, "lastensuojelu";
- document type: Monia's kind, the national definition's OID and its version;
- author: who approved, signed or decided it;
- custodian (rekisterinpitäjä): the county, as ``teams.County.controller``;
- confidentiality: "Salassa pidettävä", secret under JulkL 621/1999 24 § 1 mom 25 k, the
  marking every PDF of Monia prints (``ui.pdf.marks``);
- retention: the period of the case's service task (``RETENTION`` below) and the day it
  ends once that is known (``retention``);
- dates: created and signed.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from monia.archive.documents import ArchiveDocument, definition_parts
from monia.casework.models import Case, ServiceTask
from monia.deadlines import add_years

# Retention per service task (palvelutehtävä), from the National Archives' retention table
# of social and health care client documents (Kansallisarkisto: sosiaali- ja
# terveydenhuollon asiakasasiakirjojen säilytysajat), which replaced the annex of Act
# 254/2015 when Act 703/2023 on the processing of client data repealed it; domain.md § 4.3.
# Child welfare is kept until two years after the client's death; social services for
# families with children 30 years from the end of the client relationship. One table, to
# change in one place; a service task without a row makes the export fail, never guess.
_RETENTION_SOURCE = (
    "Kansallisarkisto: sosiaali- ja terveydenhuollon asiakasasiakirjojen säilytysajat, "
    "palvelutehtävä %s (laki 703/2023; aiemmin laki 254/2015, liite)"
)
RETENTION: dict[str, dict[str, str]] = {
    ServiceTask.CHILD_WELFARE: {
        "code": "client_death_plus_2_years",
        "fi": "Säilytetään 2 vuotta asiakkaan kuolemasta",
        "sv": "Förvaras 2 år efter klientens död",
        "source": _RETENTION_SOURCE % "lastensuojelu",
    },
    ServiceTask.FAMILY_SOCIAL_SERVICES: {
        "code": "closed_plus_30_years",
        "fi": "Säilytetään 30 vuotta asiakkuuden päättymisestä",
        "sv": "Förvaras 30 år efter att klientrelationen upphört",
        "source": _RETENTION_SOURCE % "lapsiperheiden sosiaalipalvelut",
    },
}
CONFIDENTIALITY = {
    "fi": "Salassa pidettävä",
    "sv": "Sekretessbelagd",
    "legal_ground": "JulkL 621/1999 24 § 1 mom. 25 k",
}


@dataclass(frozen=True)
class PackedFile:
    path: str
    sha256: str
    size: int


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode()


def metadata(case: Case, doc: ArchiveDocument) -> dict[str, Any]:
    oid, version = definition_parts(doc.definition)
    county = case.county
    author = doc.author
    return {
        "service_task": {
            "code": case.service_task,
            # Its name in each archive language, as the case's documents name it.
            "fi": case.service_task_in("fi"),
            "sv": case.service_task_in("sv"),
        },
        "document_type": {
            "kind": doc.kind,
            "title": doc.title,
            "definition_oid": oid,
            "definition_version": version,
        },
        "author": {"name": author.display_name, "title": author.title} if author else None,
        "custodian": {
            "county": county.name_fi,
            "county_code": county.code,
            "controller": county.controller,
        },
        "confidentiality": CONFIDENTIALITY,
        "retention": retention(case),
        "language": doc.language,
        "dates": {"created": _iso(doc.created), "signed": _iso(doc.signed)},
        "subject": {"identity_code": case.child.identity_code, "name": case.child.full_name},
        "case": case.pk,
    }


def retention(case: Case) -> dict[str, Any]:
    """The retention of the case's documents by its service task, with ``ends_on``: the
    last day to keep them when it is known (the child's death, the case's closing), else
    None (kept). Raises KeyError for a service task without a retention."""
    period = RETENTION[case.service_task]
    ends_on = None
    if case.service_task == ServiceTask.CHILD_WELFARE and case.child.deceased_on:
        ends_on = add_years(case.child.deceased_on, 2)
    elif case.service_task == ServiceTask.FAMILY_SOCIAL_SERVICES and case.closed_at:
        ends_on = add_years(timezone.localdate(case.closed_at), 30)
    return {**period, "ends_on": _iso(ends_on)}


def document_files(case: Case, doc: ArchiveDocument) -> dict[str, bytes]:
    """The three files of one document; raises whatever the document's writers raise."""
    return {
        f"{doc.key}/document.pdf": doc.pdf(),
        f"{doc.key}/structured.json": _json(doc.structured()),
        f"{doc.key}/metadata.json": _json(metadata(case, doc)),
    }


def package_write(
    target: Any,
    case: Case,
    documents: list[ArchiveDocument],
    *,
    created: datetime.datetime,
    progress: Callable[[int], None],
) -> None:
    """Write the ZIP into the binary file ``target``; ``progress(n)`` after each document."""
    packed: list[dict[str, Any]] = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, doc in enumerate(documents, start=1):
            files = []
            for path, data in document_files(case, doc).items():
                archive.writestr(path, data)
                files.append(PackedFile(path, hashlib.sha256(data).hexdigest(), len(data)))
            packed.append(
                {
                    "key": doc.key,
                    "kind": doc.kind,
                    "title": doc.title,
                    "files": [f.__dict__ for f in files],
                }
            )
            progress(n)
        archive.writestr("manifest.json", _json(_manifest(case, packed, created)))


def _manifest(case: Case, packed: list[dict[str, Any]], created: datetime.datetime) -> Any:
    return {
        "format": "monia-archive-export/1",
        "created": created.isoformat(),
        "case": case.pk,
        "service_task": case.service_task,
        "custodian": {"county_code": case.county.code, "controller": case.county.controller},
        "confidentiality": CONFIDENTIALITY,
        "documents": packed,
    }


def sha256_of(handle: io.BufferedIOBase | Any) -> tuple[str, int]:
    handle.seek(0)
    digest, size = hashlib.sha256(), 0
    for chunk in iter(lambda: handle.read(64 * 1024), b""):
        digest.update(chunk)
        size += len(chunk)
    handle.seek(0)
    return digest.hexdigest(), size
