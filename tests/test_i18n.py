"""Dutch first: every text the code and templates show has a Dutch translation."""

from __future__ import annotations

import os

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from app.config import ROOT
from app.i18n import gettext, set_locale


def _extracted_ids() -> set[str]:
    with open(ROOT / "babel.cfg") as config:
        method_map, options_map = parse_mapping_cfg(config)  # type: ignore[no-untyped-call]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
    skipped = {"node_modules", "var", "tests", "migrations", "deploy", "static"}
    return {
        message[0] if isinstance(message, tuple) else message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT),
            method_map,
            options_map,
            keywords=keywords,
            directory_filter=lambda path: (
                os.path.basename(path) not in skipped
                and not os.path.basename(path).startswith((".", "_"))
            ),
        )
    }


def test_every_text_in_the_code_has_a_dutch_translation() -> None:
    with open(ROOT / "app/locales/nl/LC_MESSAGES/messages.po", "rb") as po:
        catalog = read_po(po)
    translated = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and m.string and not m.fuzzy
    }
    extracted = _extracted_ids()
    assert len(extracted) > 20  # the extraction itself works
    missing = sorted(extracted - translated)
    assert missing == [], f"run `make extract-messages` and translate: {missing}"


def test_gettext_follows_the_current_locale() -> None:
    set_locale("nl")
    assert gettext("Skip to content") == "Naar de inhoud"
    set_locale("en")
    assert gettext("Skip to content") == "Skip to content"
    set_locale("fr")  # unknown: Dutch
    assert gettext("Skip to content") == "Naar de inhoud"
    set_locale("nl")
