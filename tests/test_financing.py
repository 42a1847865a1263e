from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rmdesk.errors import ValidationError
from rmdesk.services import financing

WC = {"inventory_days": "60", "receivable_days": "90", "payable_days": "45", "prepayment_days": "15",
      "advance_days": "0", "last_sales": "100000000", "last_margin_pct": "10", "growth_pct": "20",
      "own_funds": "5000000", "existing_loans": "10000000", "other_funds": "0"}


def test_working_capital_by_hand():
    # cycle 60+90-45+15-0 = 120 days; turnover 360/120 = 3;
    # needed 1亿 × 0.9 × 1.2 / 3 = 3600万; new loan 3600 − 500 − 1000 = 2100万
    e = financing.working_capital(WC)
    assert dict(e.steps) == {"cycle_days": Decimal(120), "turnover_times": Decimal("3.00"),
                             "wc_needed": Decimal("36000000.00"), "deductions": Decimal("15000000.00"),
                             "new_loan": Decimal("21000000.00")}
    assert e.result == Decimal("21000000.00")


def test_working_capital_never_negative_and_needs_a_positive_cycle():
    rich = dict(WC, own_funds="90000000")
    e = financing.working_capital(rich)
    assert e.result == 0 and dict(e.steps)["new_loan"] < 0  # shown as computed, result floored at zero
    with pytest.raises(ValidationError) as info:
        financing.working_capital(dict(WC, payable_days="400"))
    assert info.value.key == "error.cycle_not_positive"


def test_sales_percentage_by_hand():
    e = financing.sales_percentage({"last_sales": "100000000", "growth_pct": "20", "working_assets": "50000000",
                                    "spontaneous_liabilities": "20000000", "net_margin_pct": "5",
                                    "retention_pct": "40"})
    # (50% − 20%) × 2000万 − 1.2亿 × 5% × 40% = 600万 − 240万 = 360万
    assert e.result == Decimal("3600000.00")


def test_monthly_income_equal_instalments():
    e = financing.monthly_income({"monthly_net_income": "300000", "repayment_share_pct": "50",
                                  "annual_rate_pct": "4.35", "term_months": "36"})
    payment = Decimal(150000)
    r = Decimal("0.0435") / 12
    # the payment of the resulting loan is the payment that was affordable
    assert abs(e.result * r / (1 - (1 + r) ** -36) - payment) < Decimal("0.01")
    zero = financing.monthly_income({"monthly_net_income": "1000", "annual_rate_pct": "0", "term_months": "12"})
    assert zero.result == Decimal("12000.00")


@pytest.mark.parametrize("bad,key", [({"last_sales": "-1"}, "error.amount_negative"),
                                     ({"last_sales": "abc"}, "error.amount_format"),
                                     ({"last_sales": ""}, "error.required"),
                                     ({"last_margin_pct": "120"}, "error.out_of_range")])
def test_bad_inputs_name_the_field(bad, key):
    with pytest.raises(ValidationError) as info:
        financing.working_capital(dict(WC, **bad))
    assert info.value.key == key and info.value.field.startswith("calc.")
    assert info.value.message("zh_CN").startswith("上年")
    assert "calc." not in info.value.message("en")


@given(st.integers(1, 365), st.integers(0, 365), st.integers(0, 100), st.integers(-50, 200),
       st.integers(1, 10**10))
def test_more_growth_never_needs_less(inv, recv, margin, growth, sales):
    base = dict(WC, inventory_days=str(inv), receivable_days=str(recv), payable_days="0", prepayment_days="0",
                advance_days="0", last_sales=str(sales), last_margin_pct=str(margin), growth_pct=str(growth))
    more = dict(base, growth_pct=str(growth + 10))
    assert financing.working_capital(more).result >= financing.working_capital(base).result
