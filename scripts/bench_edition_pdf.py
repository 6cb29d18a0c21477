"""Times the central white paper's PDF for an edition of Zeist's size and more.

Seeds one process with 10 themes (a group each) and an edition of 250 proposals, each
with a product sheet filled with texts of realistic length (a proposal's summary 30-60
words, its measure 80-220, and six sheet fields of 20-110 words each: about 500 words, a
page and a half, per proposal), then builds the edition's
PDF through the same builder the background job uses, and prints the time, the pages,
pages per second and the peak memory. The aim (issue #8): under 30 s on this 2-core
machine.

    make bench-pdf                               # a throwaway SQLite file
    BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/dialoog_bench make bench-pdf

A PostgreSQL database given is migrated and gets a new organization of its own for every
run (nothing else in it is touched); a throwaway SQLite file is removed afterwards."""

from __future__ import annotations

import os
import random
import resource
import secrets
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_databases import migrate

from app.db import make_engine, make_session_factory, organization_scope, utcnow
from app.documents.builders.pdf import build_pdf
from app.documents.queries import edition_data
from app.models import (
    CentralWhitePaper,
    EditionChapter,
    EditionEntry,
    Group,
    Organization,
    ProductSheet,
    Proposal,
    ProposalAmount,
    User,
)
from app.phases.kinds import ProcessKind
from app.processes.budget_import import import_budget_lines
from app.processes.service import create_process

THEMES = 10
PROPOSALS = 250
YEARS = range(2012, 2016)
WORDS = (
    "gemeente", "bezuiniging", "subsidie", "inwoners", "voorziening", "beleid", "uitvoering",
    "kosten", "besparing", "organisatie", "wijk", "vrijwilligers", "school", "sport",
    "bibliotheek", "onderhoud", "gebouwen", "contract", "samenwerking", "regio", "welzijn",
    "zorg", "jeugd", "toezicht", "openbare", "ruimte", "groen", "parkeren", "heffing", "tarief",
    "kwaliteit", "personeel", "formatie", "risico", "planning", "effect", "jaar", "structureel",
    "eenmalig", "raad", "college", "afspraken", "partners", "verenigingen", "accommodatie",
    "dienstverlening", "digitaal",
)  # fmt: skip


def _text(rng: random.Random, words: int) -> str:
    """Paragraphs of Dutch-looking words, about ``words`` long, as Markdown."""
    paragraphs = []
    left = words
    while left > 0:
        size = min(left, rng.randint(40, 90))
        sentence = " ".join(rng.choice(WORDS) for _ in range(size))
        paragraphs.append(sentence[0].upper() + sentence[1:] + ".")
        left -= size
    return "\n\n".join(paragraphs)


def _budget_csv() -> bytes:
    lines = ["code,naam,programma,begroting,beinvloedbaar,taakveld,thema"]
    for theme in range(1, THEMES + 1):
        for line in range(1, 4):
            lines.append(
                f"T{theme}-{line},Post {theme}.{line},Programma {theme},"
                f"{900_000 + 10_000 * line},{600_000 + 5_000 * line},4.2,Thema {theme:02d}"
            )
    return ("\n".join(lines) + "\n").encode()


def seed(db: Session) -> tuple[int, int]:
    """One process, its 10 themes and groups, and edition 1 with 250 entries and sheets;
    returns the edition's id and its organization's."""
    rng = random.Random(2011)  # noqa: S311 - not for secrets: the same texts every run
    organization = Organization(slug=f"bench-{secrets.token_hex(4)}", name="Gemeente Bankstad")
    db.add(organization)
    db.flush()
    with organization_scope(db, organization.id):
        process = create_process(
            db, "bench", kind=ProcessKind.DIALOGUE, slug="bezuinigingsdialoog",
            title="De Bezuinigingsdialoog", target_total=6_200_000, target_current_year=None,
            first_year=YEARS[0], last_year=YEARS[-1], starts_on=date(2011, 1, 25),
        )  # fmt: skip
        result = import_budget_lines(db, "bench", process, _budget_csv())
        assert not result.problems, result.problems  # noqa: S101 - our own CSV
        author = User(display_name="Annelies", email="annelies@bankstad.example")
        db.add(author)
        groups = list(db.scalars(select(Group).order_by(Group.position, Group.id)))
        edition = CentralWhitePaper(process_id=process.id, number=1, compiled_by="bench")
        db.add(edition)
        db.flush()
        per_group = PROPOSALS // len(groups)
        for position, group in enumerate(groups, start=1):
            chapter = EditionChapter(
                edition_id=edition.id, group_id=group.id, theme_id=group.theme_id,
                position=position, title=f"Witboek {group.name}",
                introduction=_text(rng, 400), target=62_000 * (1 + position % 3),
            )  # fmt: skip
            db.add(chapter)
            db.flush()
            for place in range(1, per_group + 1):
                claimed = {
                    str(y): [rng.randrange(5, 80) * 1_000, -rng.randrange(0, 20) * 1_000]
                    for y in YEARS
                }
                title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize()
                proposal = Proposal(
                    process_id=process.id, group_id=group.id, author_id=author.id,
                    title=title[:200], summary=_text(rng, rng.randint(30, 60)),
                    measure=_text(rng, rng.randint(80, 220)),
                    consequences=_text(rng, rng.randint(50, 120)), state="included",
                    submitted_at=utcnow(),
                    claimed_total=sum(s + o for s, o in claimed.values()),
                    amounts=[ProposalAmount(year=int(y), structural=s, one_off=o)
                             for y, (s, o) in claimed.items()],
                )  # fmt: skip
                db.add(proposal)
                db.flush()
                db.add(
                    EditionEntry(
                        edition_id=edition.id, chapter_id=chapter.id, proposal_id=proposal.id,
                        proposal_version=1, position=place, title=proposal.title,
                        summary=proposal.summary, measure=proposal.measure,
                        consequences=proposal.consequences,
                        budget_lines=[{"code": f"T{position}-1", "name": f"Post {position}.1"}],
                        claimed=claimed,
                        validated={y: [s, o] for y, (s, o) in claimed.items()}
                        if rng.random() < 0.7 else None,
                        claimed_total=proposal.claimed_total,
                    )
                )  # fmt: skip
                db.add(
                    ProductSheet(
                        process_id=process.id, group_id=group.id, proposal_id=proposal.id,
                        step="signed_off", budget_lines=f"T{position}-1 Post {position}.1",
                        financial_effect=claimed, staff_effect=_text(rng, rng.randint(20, 70)),
                        legal_aspects=_text(rng, rng.randint(30, 90)),
                        consequences=_text(rng, rng.randint(40, 110)),
                        risks=_text(rng, rng.randint(30, 90)),
                        implementation=_text(rng, rng.randint(40, 110)),
                        advice=_text(rng, rng.randint(20, 70)), updated_by="bench",
                    )
                )  # fmt: skip
        db.flush()
        return edition.id, organization.id


def _pages(path: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:  # the development packages are not installed: count the objects
        return path.read_bytes().count(b"/Type /Page\n") or path.read_bytes().count(b"/Type/Page")
    return len(PdfReader(path).pages)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main() -> None:
    given = os.environ.get("BENCH_DATABASE_URL")
    workdir = Path(tempfile.mkdtemp(prefix="dialoog-bench-"))
    url = given or f"sqlite:///{workdir / 'bench.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)

    started = time.perf_counter()
    with factory() as db:
        edition_id, organization_id = seed(db)
        db.commit()
    seeded = time.perf_counter() - started

    with factory() as db, organization_scope(db, organization_id):
        started = time.perf_counter()
        data = edition_data(db, edition_id)
        loaded = time.perf_counter() - started
    assert data is not None  # noqa: S101 - seeded just above

    memory_before = _peak_mb()
    steps: list[tuple[float, int, int]] = []
    target = workdir / "edition.pdf"
    cpu_before = _cpu()
    started = time.perf_counter()
    build_pdf(data, target, lambda done, total: steps.append((time.perf_counter(), done, total)))
    built = time.perf_counter() - started
    cpu = _cpu() - cpu_before
    pages = _pages(target)
    html = next((t for t, d, total in steps if d == total - 2), started) - started
    layout = next((t for t, d, total in steps if d == total - 1), started) - started
    sheets = sum(1 for c in data.chapters for e in c.entries if e.sheet)
    report = [
        f"database         {url.split('@')[-1] if given else 'throwaway SQLite'}",
        f"edition          {len(data.chapters)} chapters, {data.entry_count} entries, "
        f"{sheets} product sheets",
        f"seeding          {seeded:6.2f} s",
        f"loading data     {loaded:6.2f} s",
        f"PDF build        {built:6.2f} s  (HTML {html:.2f} s, layout {layout - html:.2f} s, "
        f"writing {built - layout:.2f} s)",
        f"CPU time         {cpu:6.2f} s  (wall time above: more when other work shares the cores)",
        f"pages            {pages}  ({target.stat().st_size / 1e6:.1f} MB)",
        f"pages per second {pages / built:6.1f}",
        f"peak memory      {_peak_mb():6.0f} MB  (before the build {memory_before:.0f} MB)",
        f"target           {'met' if built < 30 else 'MISSED'}: under 30 s",
    ]
    print("\n".join(report))
    engine.dispose()
    if not given:
        for path in workdir.iterdir():
            path.unlink()
        workdir.rmdir()


if __name__ == "__main__":
    main()
