"""China's unified social credit code (GB 32100-2015) and registration numbers.

The code has 18 characters from a 31-character alphabet (no I, O, S, V, Z); the last
is a check character computed from the first 17 with fixed weights, modulo 31.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_SHAPE = re.compile(rf"^[{ALPHABET}]{{2}}[0-9]{{6}}[{ALPHABET}]{{10}}$")


def credit_code_check_character(body: str) -> str:
    """The check character for the first 17 characters of a credit code."""
    total = sum(
        ALPHABET.index(char) * weight
        for char, weight in zip(body[:17], WEIGHTS, strict=True)
    )
    return ALPHABET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """True when `code` has the GB 32100-2015 shape and a correct check character."""
    code = (code or "").strip().upper()
    return (
        bool(_SHAPE.match(code)) and credit_code_check_character(code[:17]) == code[17]
    )


def validate_registration_number(*, country: str, number: str) -> None:
    """Raise ValidationError unless `number` is a valid registration number there."""
    number = (number or "").strip()
    if country.upper() == "CN":
        if len(number) != 18:
            raise ValidationError(
                _(
                    "A unified social credit code has 18 characters; you entered "
                    "%(count)s. Copy it from your business licence."
                ),
                code="credit_code_length",
                params={"count": len(number)},
            )
        if not is_valid_credit_code(number):
            raise ValidationError(
                _(
                    "This is not a valid unified social credit code: its check "
                    "character does not match. Check for typing mistakes (the code "
                    "never contains I, O, S, V or Z)."
                ),
                code="credit_code_check",
            )
    elif not re.match(r"^[A-Za-z0-9][A-Za-z0-9 ./-]{2,49}$", number):
        raise ValidationError(
            _(
                "Enter the company's registration number (3 to 50 letters, digits, "
                "spaces, dots, slashes or dashes)."
            ),
            code="registration_number",
        )
