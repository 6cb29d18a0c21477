"""Privacy by default (issue #12 item 1): what a visitor who is not signed in can read
(pages, feeds, the open-data API and its CSV files) never holds a person's email address,
although the demo's people wrote proposals, comments and questions all over it."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import ALL_ORGANIZATIONS
from app.demo.loader import load_demo
from app.models import Process, Proposal, User

HOSTS = ("zeist.localhost", "hoogeveen.localhost")
LINK = re.compile(r'(?:href|src)="([^"#]+)')
# Rendering PDFs takes seconds each and they hold what the pages hold; static files hold
# no data.
SKIPPED = re.compile(r"\.pdf$|^/static/|^/aanmelden|^/registreren|^/afmelden")
PAGES_PER_HOST = 400


def _crawl(client: TestClient, starts: list[str]) -> dict[str, str]:
    """Every page reachable by links from ``starts`` on the same host (up to a limit)."""
    seen: dict[str, str] = {}
    queue = deque(starts)
    while queue and len(seen) < PAGES_PER_HOST:
        path = queue.popleft()
        if path in seen or SKIPPED.search(urlsplit(path).path):
            continue
        response = client.get(path, follow_redirects=False)
        seen[path] = response.text if response.status_code == 200 else ""
        if "html" not in response.headers.get("content-type", ""):
            continue
        for link in LINK.findall(response.text):
            target = urlsplit(urljoin(str(client.base_url) + path, link.replace("&amp;", "&")))
            if target.netloc == urlsplit(str(client.base_url)).netloc:
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def test_no_public_page_shows_anyones_email_address(app: FastAPI, db: Session) -> None:
    load_demo(db)
    db.commit()
    everyone = {
        email.lower()
        for email in db.scalars(select(User.email), execution_options={ALL_ORGANIZATIONS: True})
        if email
    }
    assert len(everyone) > 300
    slugs = db.scalars(select(Process.slug), execution_options={ALL_ORGANIZATIONS: True}).all()
    authors = set(
        db.scalars(
            select(User.display_name).join(Proposal, Proposal.author_id == User.id),
            execution_options={ALL_ORGANIZATIONS: True},
        )
    )
    found: list[str] = []
    shown: set[str] = set()
    crawled = 0
    for host in HOSTS:
        with TestClient(app, base_url=f"http://{host}") as client:
            api = [
                f"/api/v1/processes/{slug}/{part}"
                for slug in slugs
                for part in (
                    "proposals", "proposals.csv", "reviews", "reviews.csv", "themes.csv",
                    "product-sheets", "product-sheets.csv", "amendments", "amendments.csv",
                    "decision",
                )
            ]  # fmt: skip
            pages = _crawl(client, ["/", *api])
        crawled += len(pages)
        for path, text in pages.items():
            lowered = text.lower()
            found += [f"{host}{path}: {e}" for e in everyone if e in lowered]
            shown |= {name for name in authors if name in text}
    assert crawled > 300
    # The control: people's contributions are on these pages, under their names.
    assert len(shown) > 20, shown
    assert not found, "\n".join(found[:20])
