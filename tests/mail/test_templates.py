"""Every mail template renders a subject line of its own: a block tag at the end of the
first line would swallow the line break (trim_blocks) and run the greeting into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import ROOT

MAIL_TEMPLATES = sorted((ROOT / "templates" / "mail").glob("*.txt"))


@pytest.mark.parametrize("path", MAIL_TEMPLATES, ids=lambda p: p.name)
def test_the_subject_line_ends_in_an_expression_or_text(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0].rstrip()
    assert not first.endswith("%}"), f"{path.name}: the subject line ends in a block tag"
