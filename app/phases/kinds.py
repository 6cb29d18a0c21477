"""Phases as data: which phases each kind of process has, in order, and which actions each
phase allows. Routes ask ``allows(phase, action)``; nothing compares phase names inline.

Zeist's dialogue (2011) and Hoogeveen's sprint (2019) are the two templates; a process
copies its template into its own editable timeline when it is created.
"""

from __future__ import annotations

from enum import StrEnum

from app.i18n import lazy_gettext as _l


class ProcessKind(StrEnum):
    DIALOGUE = "dialogue"
    SPRINT = "sprint"


class PhaseKind(StrEnum):
    # The dialogue (Zeist)
    RECRUITMENT = "recruitment"
    KICKOFF = "kickoff"
    GREEN_PAPER = "green_paper"
    BOARD_REVIEW = "board_review"
    COUNCIL_WORKSHOP = "council_workshop"
    WHITE_PAPER = "white_paper"
    COMPILATION = "compilation"
    PRODUCT_SHEETS = "product_sheets"
    COUNCIL_DECISION = "council_decision"
    # The sprint (Hoogeveen)
    PREPARATION = "preparation"
    SPRINT = "sprint"
    REVIEW = "review"
    RESULTS = "results"
    DECISION = "decision"


class Action(StrEnum):
    """Things people do that only make sense in some phases."""

    EDIT_FRAMEWORKS = "edit_frameworks"
    APPLY_AS_EXPERT = "apply_as_expert"
    APPLY_AS_CHEF = "apply_as_chef"
    EDIT_GREEN_PAPER = "edit_green_paper"
    SUBMIT_GREEN_PAPER = "submit_green_paper"
    DECIDE_GREEN_PAPER = "decide_green_paper"
    GIVE_WORKSHOP_INPUT = "give_workshop_input"
    DRAFT_PROPOSAL = "draft_proposal"
    DISCUSS_PROPOSAL = "discuss_proposal"
    REVIEW_PROPOSAL = "review_proposal"
    SUBMIT_WHITE_PAPER = "submit_white_paper"
    COMPILE_EDITION = "compile_edition"
    WRITE_PRODUCT_SHEET = "write_product_sheet"
    SUBMIT_TO_COUNCIL = "submit_to_council"
    FILE_AMENDMENT = "file_amendment"
    RECORD_VOTE = "record_vote"
    PREPARE_OPTIONS = "prepare_options"
    BUILD_PACKAGE = "build_package"
    PUBLISH_STANDINGS = "publish_standings"


TEMPLATES: dict[ProcessKind, tuple[tuple[PhaseKind, int], ...]] = {
    # (phase, default length in days), after the Zeist timeline of 2011.
    ProcessKind.DIALOGUE: (
        (PhaseKind.RECRUITMENT, 34),
        (PhaseKind.KICKOFF, 1),
        (PhaseKind.GREEN_PAPER, 31),
        (PhaseKind.BOARD_REVIEW, 18),
        (PhaseKind.COUNCIL_WORKSHOP, 9),
        (PhaseKind.WHITE_PAPER, 36),
        (PhaseKind.COMPILATION, 15),
        (PhaseKind.PRODUCT_SHEETS, 55),
        (PhaseKind.COUNCIL_DECISION, 85),
    ),
    # After Hoogeveen's 24 hours, with the weeks of preparation before and decisions after.
    ProcessKind.SPRINT: (
        (PhaseKind.PREPARATION, 21),
        (PhaseKind.SPRINT, 1),
        (PhaseKind.REVIEW, 7),
        (PhaseKind.RESULTS, 7),
        (PhaseKind.DECISION, 30),
    ),
}

ALLOWED: dict[PhaseKind, frozenset[Action]] = {
    # Applications close when recruitment ends (the chef may still decide on them later).
    PhaseKind.RECRUITMENT: frozenset(
        {Action.EDIT_FRAMEWORKS, Action.APPLY_AS_EXPERT, Action.APPLY_AS_CHEF}
    ),
    PhaseKind.KICKOFF: frozenset(),
    PhaseKind.GREEN_PAPER: frozenset({Action.EDIT_GREEN_PAPER, Action.SUBMIT_GREEN_PAPER}),
    PhaseKind.BOARD_REVIEW: frozenset({Action.DECIDE_GREEN_PAPER}),
    PhaseKind.COUNCIL_WORKSHOP: frozenset({Action.GIVE_WORKSHOP_INPUT}),
    PhaseKind.WHITE_PAPER: frozenset(
        {Action.DRAFT_PROPOSAL, Action.DISCUSS_PROPOSAL, Action.REVIEW_PROPOSAL,
         Action.SUBMIT_WHITE_PAPER}
    ),
    PhaseKind.COMPILATION: frozenset({Action.REVIEW_PROPOSAL, Action.COMPILE_EDITION}),
    PhaseKind.PRODUCT_SHEETS: frozenset(
        {Action.WRITE_PRODUCT_SHEET, Action.COMPILE_EDITION, Action.SUBMIT_TO_COUNCIL}
    ),
    PhaseKind.COUNCIL_DECISION: frozenset({Action.FILE_AMENDMENT, Action.RECORD_VOTE}),
    PhaseKind.PREPARATION: frozenset({Action.EDIT_FRAMEWORKS, Action.PREPARE_OPTIONS}),
    PhaseKind.SPRINT: frozenset(
        {Action.BUILD_PACKAGE, Action.REVIEW_PROPOSAL, Action.PUBLISH_STANDINGS,
         Action.DISCUSS_PROPOSAL}
    ),
    PhaseKind.REVIEW: frozenset({Action.REVIEW_PROPOSAL, Action.PUBLISH_STANDINGS}),
    PhaseKind.RESULTS: frozenset({Action.PUBLISH_STANDINGS, Action.COMPILE_EDITION}),
    PhaseKind.DECISION: frozenset({Action.FILE_AMENDMENT, Action.RECORD_VOTE}),
}  # fmt: skip

# Who may move a process out of a phase besides the admin: the board closes its own
# review of the green papers (DESIGN.md: "board — decide on green papers").
BOARD_MAY_CLOSE: frozenset[PhaseKind] = frozenset({PhaseKind.BOARD_REVIEW})

# Frameworks are the council's starting point: editable until the kick-off.
FRAMEWORKS_FROZEN_FROM: dict[ProcessKind, PhaseKind] = {
    ProcessKind.DIALOGUE: PhaseKind.KICKOFF,
    ProcessKind.SPRINT: PhaseKind.SPRINT,
}

PHASE_LABELS: dict[PhaseKind, str] = {
    PhaseKind.RECRUITMENT: _l("Recruitment"),
    PhaseKind.KICKOFF: _l("Kick-off"),
    PhaseKind.GREEN_PAPER: _l("Green paper"),
    PhaseKind.BOARD_REVIEW: _l("Board review"),
    PhaseKind.COUNCIL_WORKSHOP: _l("Council workshop"),
    PhaseKind.WHITE_PAPER: _l("White paper"),
    PhaseKind.COMPILATION: _l("Compilation"),
    PhaseKind.PRODUCT_SHEETS: _l("Product sheets"),
    PhaseKind.COUNCIL_DECISION: _l("Council decision"),
    PhaseKind.PREPARATION: _l("Preparation"),
    PhaseKind.SPRINT: _l("Sprint"),
    PhaseKind.REVIEW: _l("Review"),
    PhaseKind.RESULTS: _l("Results"),
    PhaseKind.DECISION: _l("Decision"),
}

ACTION_LABELS: dict[Action, str] = {
    Action.EDIT_FRAMEWORKS: _l("changing the frameworks"),
    Action.APPLY_AS_EXPERT: _l("applying as expert"),
    Action.APPLY_AS_CHEF: _l("applying as chef"),
    Action.EDIT_GREEN_PAPER: _l("writing the green paper"),
    Action.SUBMIT_GREEN_PAPER: _l("submitting the green paper"),
    Action.DECIDE_GREEN_PAPER: _l("deciding on green papers"),
    Action.GIVE_WORKSHOP_INPUT: _l("giving input in the council workshop"),
    Action.DRAFT_PROPOSAL: _l("drafting proposals"),
    Action.DISCUSS_PROPOSAL: _l("discussing proposals"),
    Action.REVIEW_PROPOSAL: _l("reviewing proposals"),
    Action.SUBMIT_WHITE_PAPER: _l("submitting the white paper"),
    Action.COMPILE_EDITION: _l("compiling the central white paper"),
    Action.WRITE_PRODUCT_SHEET: _l("writing product sheets"),
    Action.SUBMIT_TO_COUNCIL: _l("submitting the central white paper to the council"),
    Action.FILE_AMENDMENT: _l("filing amendments"),
    Action.RECORD_VOTE: _l("recording votes"),
    Action.PREPARE_OPTIONS: _l("preparing the options catalogue"),
    Action.BUILD_PACKAGE: _l("building a team's package"),
    Action.PUBLISH_STANDINGS: _l("publishing standings"),
}


def allows(phase: PhaseKind | None, action: Action) -> bool:
    return phase is not None and action in ALLOWED[phase]
