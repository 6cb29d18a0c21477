"""Reading the clerk's vote form: the numbers for and against, or each party's seats for,
against or not voting. Every value comes back as typed (to show again), with a message per
field; the outcome is worked out by :func:`app.council.states.is_carried` alone.

The form has both parts, so it works without JavaScript: the mode radio says which part
counts, and the other part is kept as typed but not read."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import FormData

from app.council.party_service import MAX_SEATS
from app.council.service import REASON_LIMIT
from app.council.states import PartyVote, VoteMode
from app.council.vote_service import Tally
from app.i18n import gettext as _
from app.models import CouncilParty, CouncilVote
from app.web.forms import FormResult

MODE = "mode"
FOR = "votes_for"
AGAINST = "votes_against"
PARTIES = "parties"  # the per-party fieldset, for the "no party voted" message
REASON = "reden"


def party_field(party: CouncilParty) -> str:
    return f"party-{party.id}"


def _text(form: FormData, name: str) -> str:
    raw = form.get(name)
    return raw.strip() if isinstance(raw, str) else ""


def _count(result: FormResult, form: FormData, name: str, label: str) -> int | None:
    value = _text(form, name)
    result.values[name] = value
    if not value:
        result.errors[name] = _("Fill in this field: %(label)s.", label=label)
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_SEATS:
        result.errors[name] = _(
            "%(label)s: fill in a whole number from 0 to %(n)d.", label=label, n=MAX_SEATS
        )
        return None
    return int(value)


def _read_counts(result: FormResult, form: FormData, seats: int) -> Tally | None:
    votes_for = _count(result, form, FOR, _("Votes for"))
    votes_against = _count(result, form, AGAINST, _("Votes against"))
    if votes_for is None or votes_against is None:
        return None
    cast = votes_for + votes_against
    if cast == 0:
        result.errors[FOR] = _("No votes are filled in: at least one vote must be cast.")
    elif seats and cast > seats:
        result.errors[FOR] = _(
            "%(cast)d votes are cast, but the council has %(seats)d seats.", cast=cast, seats=seats
        )
    elif not seats and cast > MAX_SEATS:
        result.errors[FOR] = _(
            "%(cast)d votes are cast, but no council has more than %(seats)d seats.",
            cast=cast,
            seats=MAX_SEATS,
        )
    if not result.ok:
        return None
    return Tally(VoteMode.COUNTS, votes_for, votes_against)


def _read_parties(
    result: FormResult, form: FormData, parties: Sequence[CouncilParty]
) -> Tally | None:
    if not parties:
        result.errors[MODE] = _(
            "No parties are recorded for the council: fill in the numbers for and against."
        )
        return None
    rows: list[dict[str, object]] = []
    votes_for = votes_against = 0
    for party in parties:
        name = party_field(party)
        value = _text(form, name)
        result.values[name] = value
        if value not in {v.value for v in PartyVote}:
            result.errors[name] = _(
                "Choose for, against or did not vote for %(party)s.", party=party.name
            )
            continue
        rows.append({"party": party.name, "seats": party.seats, "vote": value})
        if value == PartyVote.FOR:
            votes_for += party.seats
        elif value == PartyVote.AGAINST:
            votes_against += party.seats
    if not result.ok:
        return None
    if votes_for + votes_against == 0:
        result.errors[PARTIES] = _("No party voted: at least one party must vote for or against.")
        return None
    return Tally(VoteMode.PARTIES, votes_for, votes_against, rows)


def read_tally(form: FormData, parties: Sequence[CouncilParty]) -> tuple[FormResult, Tally | None]:
    """The vote as typed, and the Tally when it is right. ``parties`` are the active ones;
    their seats are the most votes there can be."""
    result = FormResult()
    mode = _text(form, MODE)
    result.values[MODE] = mode
    # Keep both parts as typed, whichever counts.
    result.values[FOR], result.values[AGAINST] = _text(form, FOR), _text(form, AGAINST)
    for party in parties:
        result.values[party_field(party)] = _text(form, party_field(party))
    if mode == VoteMode.COUNTS:
        return result, _read_counts(result, form, sum(p.seats for p in parties))
    if mode == VoteMode.PARTIES:
        return result, _read_parties(result, form, parties)
    result.errors[MODE] = _("Choose how the vote is recorded: as numbers or per party.")
    return result, None


def read_reason(result: FormResult, form: FormData, *, required: bool) -> str:
    """The reason for a correction (required then); the form keeps it as typed."""
    raw = form.get(REASON)
    reason = raw.replace("\r\n", "\n").strip() if isinstance(raw, str) else ""
    result.values[REASON] = reason
    if required and not reason:
        result.errors[REASON] = _("Say why the recorded vote is corrected.")
    elif len(reason) > REASON_LIMIT:
        result.errors[REASON] = _(
            "%(label)s: use at most %(n)d characters.", label=_("Reason"), n=REASON_LIMIT
        )
    return reason


def blank(parties: Sequence[CouncilParty]) -> FormResult:
    """An empty form: per party when the parties are known, otherwise the numbers."""
    return FormResult(values={MODE: VoteMode.PARTIES if parties else VoteMode.COUNTS})


def filled(vote: CouncilVote | None, parties: Sequence[CouncilParty]) -> FormResult:
    """The form as the recorded vote has it, so a correction changes only what was wrong.
    A party is matched by name (the vote stores names, as parties may be renamed later)."""
    if vote is None:
        return blank(parties)
    result = FormResult(
        values={MODE: vote.mode, FOR: str(vote.votes_for), AGAINST: str(vote.votes_against)}
    )
    voted = {str(row.get("party")): str(row.get("vote")) for row in vote.parties or []}
    for party in parties:
        result.values[party_field(party)] = voted.get(party.name, "")
    return result


def outcome(votes_for: int, votes_against: int, *, whole: bool = False) -> str:
    """The result and why, as the clerk and the public read it: a majority of the votes
    cast carries; a tie is no majority. ``whole``: the vote on the whole edition."""
    cast = votes_for + votes_against
    if votes_for > votes_against:
        if whole:
            return _(
                "Adopted: %(yes)d for and %(no)d against, a majority of the %(cast)d votes cast.",
                yes=votes_for,
                no=votes_against,
                cast=cast,
            )
        return _(
            "Carried: %(yes)d for and %(no)d against, a majority of the %(cast)d votes cast.",
            yes=votes_for,
            no=votes_against,
            cast=cast,
        )
    if votes_for == votes_against:
        if whole:
            return _(
                "Not adopted: %(yes)d for and %(no)d against. A tie is not a majority of the "
                "votes cast.",
                yes=votes_for,
                no=votes_against,
            )
        return _(
            "Defeated: %(yes)d for and %(no)d against. A tie is not a majority of the votes cast.",
            yes=votes_for,
            no=votes_against,
        )
    if whole:
        return _(
            "Not adopted: %(yes)d for and %(no)d against; the votes for are not a majority of "
            "the %(cast)d votes cast.",
            yes=votes_for,
            no=votes_against,
            cast=cast,
        )
    return _(
        "Defeated: %(yes)d for and %(no)d against; the votes for are not a majority of the "
        "%(cast)d votes cast.",
        yes=votes_for,
        no=votes_against,
        cast=cast,
    )
