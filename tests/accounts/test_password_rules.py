"""ASVS 5.0 V6.2 (level 1 and 2), one test per requirement: at least 8 characters (15
suggested on the form), the most common passwords refused, no composition rules, 64 and
more characters allowed, and the rules the same wherever a password is chosen."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.accounts.passwords import MAX_LENGTH, MIN_LENGTH, password_problem


def test_eight_characters_is_the_minimum() -> None:
    assert MIN_LENGTH == 8
    assert password_problem("zomer7!") is not None  # 7
    assert password_problem("zomeravo") is None  # 8


@pytest.mark.parametrize(
    "password",
    ["password", "123456789", "qwertyuiop", "wachtwoord123", "welkom01", "Feyenoord", "iloveyou"],
)
def test_the_most_common_passwords_are_refused(password: str) -> None:
    problem = password_problem(password)
    assert problem is not None
    assert "most used" in problem or "meest gebruikte" in problem


@pytest.mark.parametrize(
    "password",
    [
        "lange zomeravond",  # only lower case letters and a space
        "8451902763",  # only digits, not a common one
        "ZOMERAVONDBUITEN",  # only capitals
        "ëéèê ïöü ßæø ñ",  # letters outside ASCII
    ],
)
def test_no_composition_rules(password: str) -> None:
    assert password_problem(password) is None


def test_long_passphrases_are_welcome() -> None:
    assert MAX_LENGTH >= 64
    assert password_problem("a" * 10 + " lange zin over de begroting van de gemeente " * 2) is None
    assert password_problem("x7" * 32) is None  # 64 characters
    assert password_problem("x7" * (MAX_LENGTH // 2)) is None
    assert password_problem("x" * (MAX_LENGTH + 1)) is not None  # bounds the hashing only


def test_a_password_that_is_the_persons_own_address_or_name_is_refused() -> None:
    assert password_problem("ruud@zeist.example", email="ruud@zeist.example") is not None
    assert password_problem("ruudvanzeist", display_name="RuudVanZeist") is not None


def test_the_form_suggests_fifteen_characters(client: TestClient) -> None:
    client.cookies.set("dialoog_lang", "en")
    page = client.get("/registreren")
    assert "At least 8 characters; 15 or more is safer." in page.text
