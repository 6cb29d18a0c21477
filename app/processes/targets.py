"""Savings targets: a theme's target is a percentage of its controllable costs, in whole
euros (half a euro rounds up), unless an admin set it by hand."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def percentage_of(amount: int, percentage: Decimal) -> int:
    return int((Decimal(amount) * percentage / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def theme_target(controllable: int, percentage: Decimal, override: int | None) -> int:
    return override if override is not None else percentage_of(controllable, percentage)
