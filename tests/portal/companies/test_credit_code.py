"""Unified social credit code validation (GB 32100-2015)."""

import pytest
from django.core.exceptions import ValidationError

from portal.companies.credit_code import (
    credit_code_check_character,
    is_valid_credit_code,
    validate_registration_number,
)

VALID = [
    "91350100M000100Y43",  # the standard's worked example
    "91440300708461136T",
    "91110000600037341L",
    "91310000" + "000007001" + credit_code_check_character("91310000000007001"),
]
INVALID = [
    "91350100M000100Y44",  # wrong check character
    "91350100M000100Y4",  # too short
    "91350100M000100Y431",  # too long
    "91350100M000I00Y43",  # I is not in the alphabet
    "9135010AM000100Y43",  # letters in the division code
    "",
]


@pytest.mark.parametrize("code", VALID)
def test_valid_codes(code):
    assert is_valid_credit_code(code)
    validate_registration_number(country="CN", number=code)


@pytest.mark.parametrize("code", INVALID)
def test_invalid_codes(code):
    assert not is_valid_credit_code(code)
    with pytest.raises(ValidationError):
        validate_registration_number(country="CN", number=code)


def test_check_character_detects_every_single_substitution():
    code = "91350100M000100Y43"
    for position in range(17):
        for char in "0123456789ABCDEFGHJKLMNPQRTUWXY":
            if char != code[position]:
                changed = code[:position] + char + code[position + 1 :]
                assert not is_valid_credit_code(changed)


def test_other_countries_take_a_free_registration_number():
    validate_registration_number(country="GB", number="SC123456")
    with pytest.raises(ValidationError):
        validate_registration_number(country="GB", number="!")
