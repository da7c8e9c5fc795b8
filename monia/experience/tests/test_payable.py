"""What payroll pays for one assignment, for any fee, costs, declining and status: the costs
always, the fee only when done and not declined, never a negative sum (no cost falls on the
expert). Pure: unsaved assignments, no database."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from monia.experience.models import Assignment, AssignmentStatus

money = st.decimals(min_value=0, max_value=99_999, places=2, allow_nan=False)


@given(
    fee=money,
    costs=money,
    declined=st.booleans(),
    status=st.sampled_from(AssignmentStatus.values),
)
def test_the_costs_are_always_paid_and_the_fee_only_when_done_and_not_declined(
    fee: Decimal, costs: Decimal, declined: bool, status: str
) -> None:
    a = Assignment(fee_agreed=fee, costs=costs, fee_declined=declined, status=status)
    expected_fee = fee if status == AssignmentStatus.DONE and not declined else Decimal(0)
    assert a.fee_payable == expected_fee
    assert a.total_payable == expected_fee + costs >= costs >= 0
