"""THL's definitions as Monia keeps them: each a valid draft-07 schema, read by OID."""

from __future__ import annotations

import pytest
from jsonschema import Draft7Validator

from monia.sosmeta import schemas

NOTIFICATION = "1.2.246.537.6.1506.4009.2023.4.28"


def test_every_definition_in_the_folder_loads_and_is_a_valid_draft_07_schema() -> None:
    oids = schemas.definitions()
    assert len(oids) == 73
    for oid in oids:
        schema = schemas.definition(oid)
        Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert schema["sosmeta"]["oid"] == oid


def test_the_index_and_licence_travel_with_the_schemas() -> None:
    index = (schemas.SCHEMA_DIR / "INDEX.tsv").read_text(encoding="utf-8").splitlines()
    assert {line.split("\t")[0] for line in index[1:]} == set(schemas.definitions())
    assert "MIT" in (schemas.SCHEMA_DIR / "LICENSE.mirror").read_text(encoding="utf-8")


def test_an_unknown_definition_is_refused() -> None:
    with pytest.raises(schemas.UnknownDefinition):
        schemas.definition("1.2.246.537.6.1506.4009.1999.1.1")
    with pytest.raises(schemas.UnknownDefinition):
        schemas.definition("../settings")


def test_a_missing_required_field_is_reported_by_its_path() -> None:
    instance = {"lastensuojeluilmoitus": {"asiakas": {"sukunimi": "Esimerkki"}}}
    with pytest.raises(schemas.SosmetaInvalid) as exc:
        schemas.validate(NOTIFICATION, instance)
    found = {(p.path, p.message) for p in exc.value.problems}
    assert ("lastensuojeluilmoitus", "'asiasisalto' is a required property") in found
    assert ("lastensuojeluilmoitus.asiakas", "'etunimet' is a required property") in found
    assert "lastensuojeluilmoitus.asiakas: 'etunimet' is a required property" in str(exc.value)


def test_a_code_from_another_code_system_is_refused() -> None:
    instance = {
        "lastensuojeluilmoitus": {
            "asiakas": {"sukunimi": "Esimerkki", "etunimet": "Aino"},
            "asiasisalto": "Huoli",
            "ilmoittaja": [{"taho": {"system": "urn:oid:1.2.3", "code": "x", "display": "x"}}],
        }
    }
    paths = [p.path for p in schemas.problems(NOTIFICATION, instance)]
    assert paths == ["lastensuojeluilmoitus.ilmoittaja.0.taho.system"]


def test_nationally_recorded_fields_are_listed_by_path() -> None:
    recorded = schemas.nationally_recorded(NOTIFICATION)
    assert "anonyymi_ilmoitus" in recorded
    assert "ilmoittaja.taho" in recorded
    assert "tiedot_lapsen_asumisesta.lapsen_asuminen" in recorded
    assert "asiasisalto" not in recorded


def test_code_systems_come_from_the_definition() -> None:
    assert schemas.code_system(NOTIFICATION, "ilmoittaja.taho") == "1.2.246.537.6.1243"
    plan = "1.2.246.537.6.1506.15009.2024.11.28"
    assert schemas.coded(plan, "tama_asiakassuunnitelma_on", "1", "x")["system"] == (
        "lastensuojelun_asiakassuunnitelma/tama_asiakassuunnitelma_on"
    )
    with pytest.raises(KeyError):
        schemas.code_system(NOTIFICATION, "asiasisalto")
