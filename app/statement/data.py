"""The accessibility statement (toegankelijkheidsverklaring) as data, in the parts of the
Dutch government's model (digitoegankelijk.nl): status, what was tested and how, the
known problems, the measures, the dates, contact and enforcement.

Update it here when anything changes: a new test, a problem solved, an audit done. Claim
only what the repository does (tests/e2e/ is the evidence for "how we tested"); the
status follows the model's rules, not hopes. The contact details are the organization's
own content page ``CONTACT_PAGE`` (admins edit it; the demo ships one), as the privacy
statement is the page ``privacyverklaring``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.i18n import lazy_gettext as _l

CONTACT_PAGE = "contact"
LAW = "Besluit digitale toegankelijkheid overheid"
STANDARD = "EN 301 549 / WCAG 2.1, niveau A en AA"
OMBUDSMAN_URL = "https://www.nationaleombudsman.nl/"


class Status(StrEnum):
    """The model's compliance statuses (nalevingsstatus), A best."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


STATUS_LABELS: dict[Status, str] = {
    Status.A: _l("fully compliant"),
    Status.B: _l("partially compliant"),
    Status.C: _l("first measures taken"),
    Status.D: _l("no measures taken"),
    Status.E: _l("does not comply"),
}

STATUS_MEANINGS: dict[Status, str] = {
    Status.A: _l(
        "An evaluation of all requirements shows that the site meets them all, "
        "confirmed again after any problem found was solved."
    ),
    Status.B: _l(
        "An evaluation of all requirements shows that the site does not meet them all yet: "
        "for each problem the cause and its consequence are known, measures are taken, and a "
        "date is set by which they will be done."
    ),
    Status.C: _l(
        "The organization has taken first measures to make the site accessible, but has not "
        "evaluated it against all requirements yet, or has not yet planned measures for "
        "every problem found."
    ),
    Status.D: _l("The organization has taken no measures yet to make the site accessible."),
    Status.E: _l("The site does not comply, or there is no statement in the model's form."),
}


@dataclass(frozen=True)
class KnownProblem:
    title: str
    consequence: str  # what it means for a visitor
    criteria: tuple[str, ...]  # WCAG success criteria concerned ("1.4.3"), if any
    measure: str  # what is done about it
    planned: date | None = None  # when the measure will be done, once planned


@dataclass(frozen=True)
class Statement:
    status: Status
    # Why this status and not a better one: the model asks for the grounds.
    status_grounds: str
    drawn_up: date
    reviewed: date
    tested: tuple[str, ...]  # what was tested, and how
    not_tested: tuple[str, ...]  # what was not (yet): said as plainly
    problems: tuple[KnownProblem, ...]
    measures: tuple[str, ...]  # what is done to keep the site accessible
    acknowledge_days: int  # working days to confirm a report has arrived
    answer_weeks: int  # weeks to answer it


STATEMENT = Statement(
    status=Status.C,
    status_grounds=_l(
        "Automated tests check every page that the browser tests visit, but the site has "
        "not yet been evaluated against all requirements by an expert (following WCAG-EM). "
        "Automated tools find only part of the problems a person finds. Status B asks for "
        "such an evaluation, so this statement claims C until it is done."
    ),
    drawn_up=date(2026, 11, 23),
    reviewed=date(2026, 11, 23),
    tested=(
        _l(
            "With every change, a real browser (Chromium) walks through the site as visitors "
            "and staff do: signing up and in, proposals, green papers, recruitment, product "
            "sheets and the council's decision. On every page it visits, axe-core checks the "
            "WCAG 2.1 level A and AA rules that can be tested automatically; a page that was "
            "visited but not checked, or that has a problem, fails the test."
        ),
        _l(
            "The pages are checked as visitors get them, with the stylesheets and the colours "
            "of the two demo municipalities, so colour contrast is checked too."
        ),
        _l(
            "At a width of 320 CSS pixels (400% zoom) a content page, a process page and a "
            "theme page are checked for horizontal scrolling (reflow)."
        ),
        _l(
            "With the keyboard alone: that the skip link is the first thing the Tab key "
            "reaches, is visible, and moves the focus to the content."
        ),
        _l(
            "Every page works without JavaScript; the tests of the server use the pages without it."
        ),
    ),
    not_tested=(
        _l(
            "No expert has evaluated the site against all 50 success criteria (WCAG-EM), and "
            "it has not been tried with screen readers or speech recognition."
        ),
        _l(
            "Keyboard use is tested for the skip link only; the forms and other controls are "
            "built to work with the keyboard but are not tested that way."
        ),
        _l('What axe-core reports as needing a person\'s review ("incomplete") is not reviewed.'),
        _l("Pages that no browser test visits are not checked."),
    ),
    problems=(
        KnownProblem(
            title=_l("PDF documents are not tagged"),
            consequence=_l(
                "The PDFs of green papers, product sheets, the central white paper and the "
                "council's decision have no structure for assistive technology: a screen "
                "reader cannot go by heading or read the tables as tables. The same content "
                "is on the web pages, which are checked."
            ),
            criteria=("1.3.1", "2.4.2", "3.1.1"),
            measure=_l("Make the PDFs as tagged PDF (PDF/UA) and check them."),
        ),
        KnownProblem(
            title=_l("Word and spreadsheet downloads are not checked"),
            consequence=_l(
                "The Word, CSV and Excel versions of the central white paper and the decision "
                "have not been checked for accessibility."
            ),
            criteria=(),
            measure=_l("Check the downloads with the accessibility checker of the office suite."),
        ),
        KnownProblem(
            title=_l("A municipality's own colours are not checked for contrast"),
            consequence=_l(
                "Each municipality sets its own colours. Only the demo colours are checked; "
                "other colours may give too little contrast for text, links or buttons."
            ),
            criteria=("1.4.3", "1.4.11"),
            measure=_l(
                "Check the contrast of the colours when they are set, and refuse colours "
                "with too little contrast."
            ),
        ),
    ),
    measures=(
        _l(
            "The site is built with the components of the NL Design System, made for "
            "accessible government sites."
        ),
        _l(
            "Pages are built with a skip link, one main heading, a visible focus and their "
            "language; forms name their fields and list their errors at the top; tables have "
            "a caption and headers."
        ),
        _l(
            "The automated checks run with every change of the software: a change that "
            "breaks an automated rule is not accepted."
        ),
        _l("The content is also offered as open data, for anyone's own tools."),
    ),
    acknowledge_days=5,
    answer_weeks=3,
)
