from __future__ import annotations

from sqlalchemy.orm import Session

from app.audit.queries import entries_for
from app.db import organization_scope
from app.pages.service import update_page
from tests.factories import make_organization, make_page


def test_creating_and_changing_a_page_is_audited(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    page = make_page(db, zeist, title="Oud", body="tekst")
    with organization_scope(db, zeist.id):
        assert update_page(db, page, actor="beheerder", title="Nieuw", body="tekst")
        db.flush()
        history = entries_for(db, "Page", page.id)
    assert [e.action for e in history] == ["page.created", "page.updated"]
    assert history[1].before == {"title": "Oud"}
    assert history[1].after == {"title": "Nieuw"}
    assert history[1].actor_label == "beheerder"
    assert history[1].organization_id == zeist.id


def test_saving_without_changes_writes_nothing(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    page = make_page(db, zeist, title="Zelfde", body="tekst")
    with organization_scope(db, zeist.id):
        assert not update_page(db, page, actor="beheerder", title="Zelfde", body="tekst")
        db.flush()
        assert len(entries_for(db, "Page", page.id)) == 1


def test_the_history_of_one_organization_is_not_visible_to_another(db: Session) -> None:
    zeist = make_organization(db, slug="zeist-t")
    hoogeveen = make_organization(db, slug="hoogeveen-t")
    page = make_page(db, zeist)
    with organization_scope(db, hoogeveen.id):
        assert entries_for(db, "Page", page.id) == []
