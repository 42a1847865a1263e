from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rmdesk.errors import ValidationError
from rmdesk.services import validation as v

ALPHABET = v.CREDIT_CODE_ALPHABET


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17))
def test_any_code_with_its_check_char_is_valid(body):
    code = body + v.credit_code_check_char(body)
    assert v.credit_code(code) == code
    assert v.credit_code(" " + code.lower() + " ") == code  # trimmed and upper-cased


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17), st.sampled_from(ALPHABET))
def test_a_wrong_check_char_is_rejected(body, wrong):
    right = v.credit_code_check_char(body)
    if wrong == right:
        return
    with pytest.raises(ValidationError) as info:
        v.credit_code(body + wrong)
    assert info.value.key == "error.credit_code_check" and info.value.field == "credit_code"


def test_known_real_code_and_bad_forms():
    assert v.credit_code("91110000100006485K") == "91110000100006485K"
    assert v.credit_code("") is None
    for bad, key in (("9111000010000648", "error.credit_code_length"),
                     ("91110000100006485KX", "error.credit_code_length"),
                     ("9111000010000648OK", "error.credit_code_chars"),
                     ("91110000100006485A", "error.credit_code_check")):
        with pytest.raises(ValidationError) as info:
            v.credit_code(bad)
        assert info.value.key == key


@given(st.text(max_size=40))
def test_validators_raise_only_validation_errors(text):
    for check in (v.credit_code, v.phone, v.email, lambda x: v.amount(x), lambda x: v.to_date(x, "d"),
                  lambda x: v.birthday(x, date(2026, 11, 23))):
        try:
            check(text)
        except ValidationError as exc:
            assert exc.message("zh_CN") and exc.message("en")


@pytest.mark.parametrize("number", ["13812345678", "+8613812345678", "138 1234 5678", "010-12345678",
                                    "0755-1234567", "021-12345678-801", "+852 21234567"])
def test_phone_accepts(number):
    assert v.phone(number) == number.strip()


@pytest.mark.parametrize("number", ["12345", "23812345678", "1381234567", "abc", "010-123"])
def test_phone_rejects(number):
    with pytest.raises(ValidationError) as info:
        v.phone(number)
    assert info.value.key == "files.phone_format" and number in info.value.message("zh_CN")


@pytest.mark.parametrize("mail", ["wang@example.cn", "li.na+rm@bank.com.cn"])
def test_email_accepts(mail):
    assert v.email(mail) == mail


@pytest.mark.parametrize("mail", ["wang@", "@example.cn", "a b@example.cn", "wang@example", "王@例子"])
def test_email_rejects(mail):
    with pytest.raises(ValidationError):
        v.email(mail)


def test_birthday_not_in_future_nor_impossible():
    today = date(2026, 11, 23)
    assert v.birthday("1980-02-29", today) == date(1980, 2, 29)
    assert v.birthday(today, today) == today
    for bad, key in (("2026-11-24", "error.birthday_future"), ("2026-02-30", "error.date_format"),
                     ("1899-12-31", "error.birthday_too_old")):
        with pytest.raises(ValidationError) as info:
            v.birthday(bad, today)
        assert info.value.key == key


@settings(max_examples=200)
@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2))
def test_amount_accepts_non_negative_two_decimals(number):
    assert v.amount(str(number)) == number
    assert v.amount(f"{number:,}") == number


@pytest.mark.parametrize("text,key", [("-1", "error.amount_negative"), ("abc", "error.amount_format"),
                                      ("NaN", "error.amount_format"), ("Infinity", "error.amount_format"),
                                      ("1.234", "error.amount_decimals"), ("1e20", "error.amount_too_large")])
def test_amount_rejects(text, key):
    with pytest.raises(ValidationError) as info:
        v.amount(text)
    assert info.value.key == key


def test_amount_refuses_float():
    with pytest.raises(TypeError):
        v.amount(1.1)


def test_error_messages_name_the_field_in_both_languages():
    with pytest.raises(ValidationError) as info:
        v.phone("123")
    assert info.value.message("zh_CN").startswith("电话：")
    assert info.value.message("en").startswith("Phone: ")
