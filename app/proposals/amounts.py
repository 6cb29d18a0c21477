"""Reading euro amounts typed by people: whole euros, a sign for a cost, Dutch or plain
thousands separators, within a range that a municipal budget can hold."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import gettext as _

# No single measure of a municipality saves or costs a billion a year; a bigger number is
# a typing mistake (an extra zero or two), not a proposal.
LIMIT = 1_000_000_000

_MINUS = (
    "-",
    "\u2212",
    "\u2013",
)  # hyphen, minus sign, en dash (word processors turn - into a dash)


@dataclass(frozen=True)
class Parsed:
    value: int | None
    error: str | None


def parse_euros(raw: str, label: str) -> Parsed:
    """'1.250.000', '1250000', '€ 1.250.000', '-50.000' (a cost) or empty (nothing)."""
    text = raw.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not text:
        return Parsed(0, None)
    negative = text.startswith(_MINUS)
    if negative:
        text = text[1:]
    if "," in text:
        text, cents = text.split(",", 1)
        if cents.strip("0"):
            return Parsed(None, _("%(label)s: fill in whole euros, without cents.", label=label))
    digits = text.replace(".", "")
    if not (digits.isascii() and digits.isdigit()):
        return Parsed(
            None,
            _("%(label)s: fill in an amount in euros, like 250.000 (or -50.000 for a cost).",
              label=label),
        )  # fmt: skip
    value = int(digits)
    if value >= LIMIT:
        return Parsed(
            None, _("%(label)s: that is more than a billion euros; check the zeros.", label=label)
        )
    return Parsed(-value if negative else value, None)
