"""The register's rules: tax card before a fee, costs never on the expert, the expert's
declining, the payroll export's marking and its stable re-export."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from monia.accounts.models import User
from monia.experience import selectors, services
from monia.experience.models import Assignment, AssignmentStatus, PayrollExport
from monia.experience.tests.conftest import assignment_data, last_month, record

pytestmark = pytest.mark.django_db


def test_a_fee_without_a_tax_card_note_is_refused_and_nothing_is_saved(
    entry: Any, developer_a: User
) -> None:
    with pytest.raises(ValidationError) as exc:
        record(developer_a, entry)
    # In the installation's language (Finnish): the tax card, or the fee as declined.
    assert "Merkitse verokortti" in exc.value.message_dict["fee_agreed"][0]
    assert "kieltäydyttiin" in exc.value.message_dict["fee_agreed"][0]
    assert not Assignment.objects.exists()


def test_a_declined_fee_or_no_fee_needs_no_tax_card(entry: Any, developer_a: User) -> None:
    record(developer_a, entry, fee_declined=True)
    record(developer_a, entry, title="Ilman palkkiota", fee_agreed=Decimal(0))
    assert Assignment.objects.count() == 2


def test_the_tax_card_of_another_year_does_not_do(entry: Any, developer_a: User) -> None:
    services.tax_card_note(user=developer_a, expert=entry, year=timezone.localdate().year - 1)
    with pytest.raises(ValidationError):
        record(developer_a, entry)


def test_costs_are_never_negative_and_are_explained(taxed: Any, developer_a: User) -> None:
    with pytest.raises(ValidationError) as exc:
        record(developer_a, taxed, costs=Decimal("-5"))
    assert "kokemusasiantuntijalle ei saa jäädä kuluja" in exc.value.message_dict["costs"][0]
    with pytest.raises(ValidationError) as exc:
        record(developer_a, taxed, costs_description="")
    assert "costs_description" in exc.value.message_dict
    assert not Assignment.objects.exists()


def test_the_database_refuses_negative_money_too(taxed: Any, developer_a: User) -> None:
    a = record(developer_a, taxed)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.filter(pk=a.pk).update(costs=Decimal("-1"))


def test_the_same_assignment_twice_is_refused(taxed: Any, developer_a: User) -> None:
    record(developer_a, taxed)
    with pytest.raises(ValidationError):
        record(developer_a, taxed)
    assert Assignment.objects.count() == 1


def test_themes_are_trimmed_and_kept_once(entry: Any) -> None:
    assert entry.themes == ["perhetyö", "sijaishuolto"]


def test_the_expert_declines_their_fee_and_it_exports_as_zero(
    taxed: Any, developer_a: User, expert_by_experience: User
) -> None:
    a = record(developer_a, taxed, date=last_month())
    services.fee_decline(user=expert_by_experience, assignment=a)
    rows = services.payroll_export(user=developer_a, county_id=taxed.county_id, month=last_month())
    assert [(r.fee_payable, r.costs, r.total_payable) for r in rows] == [
        (Decimal(0), Decimal("24.60"), Decimal("24.60"))
    ]


def test_no_one_else_declines_an_experts_fee(taxed: Any, developer_a: User) -> None:
    a = record(developer_a, taxed)
    with pytest.raises(ValidationError):
        services.fee_decline(user=developer_a, assignment=a)
    a.refresh_from_db()
    assert not a.fee_declined


def test_export_marks_the_month_and_is_stable(taxed: Any, developer_a: User) -> None:
    month = last_month()
    done = record(developer_a, taxed, date=month)
    record(developer_a, taxed, title="Tulossa", date=month, status=AssignmentStatus.AGREED)
    cancelled = record(
        developer_a, taxed, title="Peruttu", date=month, status=AssignmentStatus.CANCELLED
    )
    first = services.payroll_export(user=developer_a, county_id=taxed.county_id, month=month)
    assert {r.pk for r in first} == {done.pk, cancelled.pk}  # a cancelled one's costs are paid
    assert [r.fee_payable for r in first if r.pk == cancelled.pk] == [Decimal(0)]
    assert set(Assignment.objects.filter(paid_month=month).values_list("pk", flat=True)) == {
        done.pk,
        cancelled.pk,
    }
    # Recorded late for the exported month: not in its file again, but in the next month's.
    late = record(developer_a, taxed, title="Myöhässä", date=month)
    again = services.payroll_export(user=developer_a, county_id=taxed.county_id, month=month)
    assert [r.pk for r in again] == [r.pk for r in first]
    assert PayrollExport.objects.filter(month=month).count() == 2
    this_month = selectors.payroll_rows(taxed.county_id, timezone.localdate().replace(day=1))
    assert late in list(this_month)


def test_an_exported_assignments_money_is_locked(taxed: Any, developer_a: User) -> None:
    a = record(developer_a, taxed, date=last_month())
    services.payroll_export(user=developer_a, county_id=taxed.county_id, month=last_month())
    a.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.assignment_save(
            user=developer_a,
            expert=taxed,
            assignment=a,
            data=assignment_data(date=last_month(), fee_agreed=Decimal("300")),
        )
    assert "viety palkanmaksuun" in exc.value.messages[0]
    # The title may still be corrected.
    services.assignment_save(
        user=developer_a,
        expert=taxed,
        assignment=a,
        data=assignment_data(date=last_month(), title="Puheenvuoro (korjattu)"),
    )
    a.refresh_from_db()
    assert a.fee_agreed == Decimal("150.00") and a.title == "Puheenvuoro (korjattu)"


def test_the_expert_may_not_decline_an_exported_fee(
    taxed: Any, developer_a: User, expert_by_experience: User
) -> None:
    a = record(developer_a, taxed, date=last_month())
    services.payroll_export(user=developer_a, county_id=taxed.county_id, month=last_month())
    with pytest.raises(ValidationError):
        services.fee_decline(user=expert_by_experience, assignment=a)


def test_a_month_to_come_cannot_be_exported(taxed: Any, developer_a: User) -> None:
    following = timezone.localdate().replace(day=28) + datetime.timedelta(days=5)
    with pytest.raises(ValidationError):
        services.payroll_export(user=developer_a, county_id=taxed.county_id, month=following)
    assert not PayrollExport.objects.exists()


def test_an_account_of_another_role_cannot_be_linked(world: Any, worker_a: User) -> None:
    with pytest.raises(ValidationError) as exc:
        services.expert_save(county=world.county_a, data={"pseudonym": "X", "user": worker_a})
    assert "user" in exc.value.message_dict
