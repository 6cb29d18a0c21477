"""The council's decision as the public reads it: the outcome, the adopted savings against
the targets, every amendment with its vote and effect, the measures as adopted; and its
documents (the block, which htmx asks again every 2 s while a build is under way, and the
clerk's build and retry). The files are downloaded through the edition's download route,
as they are kept with the edition."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.access.permissions import require
from app.council import queries
from app.council.loading import CouncilPlace, council_place
from app.council.service import decision_path
from app.council.states import (
    AMENDMENT_STATE_LABELS,
    DECISION_STATE_LABELS,
    KIND_LABELS,
    PARTY_VOTE_LABELS,
    DecisionState,
)
from app.deps import CurrentActor, DbSession, OptionalActor, RowId
from app.documents import queries as document_queries
from app.documents import service as document_service
from app.documents.decision_data import MEASURE_STATUS_LABELS, measure_status
from app.documents.kinds import DECISION_KINDS, DocumentKind
from app.documents.queries import DocumentRow
from app.errors import Conflict, NotFound
from app.i18n import gettext as _
from app.models import CentralWhitePaper
from app.web.flash import flash
from app.web.templating import render

router = APIRouter(prefix="/processen/{slug}/raad/besluit")


def documents_path(place: CouncilPlace) -> str:
    return f"{decision_path(place.process)}/documenten"


def _documents(request: Request, db: DbSession, edition: CentralWhitePaper) -> list[DocumentRow]:
    return document_queries.documents_for(
        db, edition, request.app.state.settings.documents_dir, DECISION_KINDS
    )


def _documents_context(
    place: CouncilPlace, edition: CentralWhitePaper, documents: list[DocumentRow]
) -> dict[str, object]:
    return {
        "process": place.process,
        "decision": place.decision,
        "edition": edition,
        "documents": documents,
        "documents_path": documents_path(place),
        "downloads_path": (
            f"/processen/{place.process.slug}/witboek-edities/{edition.number}/documenten"
        ),
    }


@router.get("", response_class=HTMLResponse)
def decision_page(request: Request, slug: str, db: DbSession, actor: OptionalActor) -> HTMLResponse:
    place = council_place(db, slug)
    require(actor, "council.read_decision", place.decision)
    book = queries.council_book(db, place.decision)
    published = place.decision.state == DecisionState.PUBLISHED
    documents = _documents(request, db, book.edition) if published else []
    return render(
        request,
        "council/decision.html",
        {
            **_documents_context(place, book.edition, documents),
            "book": book,
            "package": book.package,
            "published": published,
            "council_path": place.path,
            "kind_labels": KIND_LABELS,
            "state_labels": AMENDMENT_STATE_LABELS,
            "decision_state_labels": DECISION_STATE_LABELS,
            "party_vote_labels": PARTY_VOTE_LABELS,
            "status_labels": MEASURE_STATUS_LABELS,
            "measure_status": measure_status,
        },
    )


# --- the documents ----------------------------------------------------------------------------


def _edition(db: DbSession, place: CouncilPlace) -> CentralWhitePaper:
    return db.get_one(CentralWhitePaper, place.decision.edition_id)


def _back(request: Request, place: CouncilPlace, message: str, kind: str = "ok") -> Response:
    response = RedirectResponse(f"{decision_path(place.process)}#documents", status_code=303)
    flash(response, request, message, kind)
    return response


@router.get("/documenten", response_class=HTMLResponse)
def documents_block(
    request: Request, slug: str, db: DbSession, actor: OptionalActor
) -> HTMLResponse:
    """Only the block (the decision page includes the same template)."""
    place = council_place(db, slug)
    require(actor, "council.read_decision", place.decision)
    edition = _edition(db, place)
    return render(
        request,
        "council/_decision_documents.html",
        _documents_context(place, edition, _documents(request, db, edition)),
    )


@router.post("/documenten")
def build_documents(request: Request, slug: str, db: DbSession, actor: CurrentActor) -> Response:
    place = council_place(db, slug)
    require(actor, "documents.build_decision", place.decision)
    queued = document_service.request_decision_build(db, actor, _edition(db, place))
    if queued:
        message = _("The documents are being built. This page shows how far it is.")
    else:
        message = _("The documents are already being built.")
    return _back(request, place, message)


@router.post("/documenten/{build_id}/opnieuw")
def retry_document(
    request: Request, slug: str, build_id: RowId, db: DbSession, actor: CurrentActor
) -> Response:
    place = council_place(db, slug)
    require(actor, "documents.build_decision", place.decision)
    found = document_queries.build_of(db, _edition(db, place), build_id)
    if found is None or DocumentKind(found.kind) not in DECISION_KINDS:
        raise NotFound()
    try:
        document_service.retry_build(db, actor, found)
    except Conflict as exc:
        return _back(request, place, exc.message, "warning")
    return _back(request, place, _("The document is being built again."))
