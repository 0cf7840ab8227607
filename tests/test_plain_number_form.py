"""normalise_number's shortcut for a decimal already in normal form gives what Decimal gives (issue 28)."""

from __future__ import annotations

import random
from decimal import Decimal, InvalidOperation

from plainsum.checks import plain


def _by_decimal(text: str) -> str:
    if text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1):
        return text
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return text
    normal = abs(value).normalize()
    return format(normal, "f") if normal == normal.to_integral() else str(normal)


def _outcome(function: object, text: str) -> str:
    try:
        return function(text)  # type: ignore[operator,no-any-return]
    except ArithmeticError as error:  # Decimal's overflow of a huge exponent, either way
        return type(error).__name__


def test_the_shortcut_gives_decimals_answer() -> None:
    table = ["1.25", "0.5", "0.05", "0.000001", "0.0000001", "12.50", "1.0", "10.01", "007.5", "0.0", "1,234.5", "-1.5",
             "٣.5", "1.5e3", ".5", "5.", "1" * 14 + ".5", "1" * 15 + ".5", "1." + "1" * 13, "9" * 14 + "." + "9" * 13]
    generator = random.Random(28)
    texts = table + ["".join(generator.choice("0123456789.,-+e٣ ") for _ in range(generator.randint(1, generator.choice([4, 8, 30]))))
                     for _ in range(100_000)]
    texts += ["0." + "0" * zeros + "1" for zeros in range(12)] + ["1" * digits + "." + "1" * digits for digits in range(1, 20)]
    short = 0
    for text in texts:
        assert _outcome(plain.normalise_number, text) == _outcome(_by_decimal, text), text
        short += plain._NORMAL_DECIMAL.fullmatch(text) is not None
    assert short > 500
