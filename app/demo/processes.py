"""The two cases as processes: Zeist's dialogue with its eight themes, budget and chefs,
and Hoogeveen's sprint on the social domain with ten teams. Loaded through the same use
cases the admin pages call; running it again changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.roles import Role, ScopeType
from app.access.service import active_assignment
from app.accounts.service import user_by_email
from app.audit.service import SYSTEM_ACTOR
from app.models import Group, Process, Theme
from app.phases.kinds import PhaseKind, ProcessKind
from app.processes import service
from app.processes.budget_import import import_budget_lines, slugify

DEMO_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class DemoProcess:
    slug: str
    title: str
    kind: ProcessKind
    summary: str
    target_total: int
    target_current_year: int | None
    first_year: int
    last_year: int
    # Each phase's dates, in the template's order.
    phases: tuple[tuple[PhaseKind, date, date], ...]
    current: PhaseKind
    themes: tuple[str, ...]
    budget_csv: str
    frameworks: tuple[tuple[str, str], ...]
    # (group name, theme name, chef email or None)
    groups: tuple[tuple[str, str, str | None], ...]


# The eight themes the write-up names ("Sport" and "Cultuur en Sociale economie" are two).
ZEIST_THEMES = (
    "Zorg en Welzijn",
    "Burger en Buitenruimte",
    "Sport",
    "Cultuur en Sociale economie",
    "Ruimtelijke ontwikkeling",
    "Veiligheid",
    "Burger en Bestuur",
    "Onderwijs",
)

ZEIST_CHEFS = {
    "Zorg en Welzijn": "chef.zorg@zeist.example",
    "Burger en Buitenruimte": "chef.buitenruimte@zeist.example",
    "Sport": "chef.sport@zeist.example",
    "Cultuur en Sociale economie": "chef.cultuur@zeist.example",
    "Ruimtelijke ontwikkeling": "chef.ruimte@zeist.example",
    "Veiligheid": "chef.veiligheid@zeist.example",
    "Burger en Bestuur": "ruud@zeist.example",
    "Onderwijs": "chef.onderwijs@zeist.example",
}

ZEIST = DemoProcess(
    slug="bezuinigingsdialoog-2012-2015",
    title="Bezuinigingsdialoog 2012–2015",
    kind=ProcessKind.DIALOGUE,
    summary=(
        "Zeist moet vanaf 2012 elk jaar € 6,2 miljoen minder uitgeven. Inwoners, professionals "
        "en ambtenaren zoeken samen naar voorstellen, per thema. Elk thema moet 10 procent "
        "besparen op de kosten die de gemeente zelf kan beïnvloeden."
    ),
    target_total=6_200_000,
    target_current_year=None,
    first_year=2012,
    last_year=2015,
    phases=(
        (PhaseKind.RECRUITMENT, date(2011, 1, 25), date(2011, 2, 27)),
        (PhaseKind.KICKOFF, date(2011, 2, 28), date(2011, 2, 28)),
        (PhaseKind.GREEN_PAPER, date(2011, 3, 1), date(2011, 4, 18)),
        (PhaseKind.BOARD_REVIEW, date(2011, 4, 19), date(2011, 4, 19)),
        (PhaseKind.COUNCIL_WORKSHOP, date(2011, 4, 20), date(2011, 4, 28)),
        (PhaseKind.WHITE_PAPER, date(2011, 5, 1), date(2011, 6, 6)),
        (PhaseKind.COMPILATION, date(2011, 6, 7), date(2011, 6, 21)),
        (PhaseKind.PRODUCT_SHEETS, date(2011, 6, 22), date(2011, 11, 7)),
        (PhaseKind.COUNCIL_DECISION, date(2011, 11, 8), date(2011, 12, 31)),
    ),
    # Recruitment, the kick-off, the green papers, the board's review, the council
    # workshop, the white papers and their bundling are over: the officials write the
    # product sheets of the published central white paper (app.demo.editions).
    current=PhaseKind.PRODUCT_SHEETS,
    themes=ZEIST_THEMES,
    budget_csv="zeist-begroting.csv",
    # Illustrative frameworks in the spirit of the council's decision of 25 January 2011.
    frameworks=(
        ("Structureel vanaf 2012", "Voorstellen besparen structureel, vanaf de begroting 2012."),
        (
            "Kwetsbare inwoners ontzien",
            "Bezuinigingen treffen niet als eerste de inwoners die het zwaarst hebben.",
        ),
        (
            "Wettelijke taken blijven",
            "Wat de wet de gemeente opdraagt, blijft op het wettelijk niveau.",
        ),
        ("Geen verschuiving naar lasten", "De lokale lasten stijgen niet meer dan de inflatie."),
    ),
    groups=tuple((name, name, ZEIST_CHEFS.get(name)) for name in ZEIST_THEMES),
)

HOOGEVEEN = DemoProcess(
    slug="hackaton-sociaal-domein-2019",
    title="Bezuinigingshackaton sociaal domein",
    kind=ProcessKind.SPRINT,
    summary=(
        "In 24 uur zoeken tien teams van medewerkers en het college naar een realistisch "
        "pakket maatregelen in het sociaal domein: € 9 miljoen structureel, "
        "€ 5 miljoen nog dit jaar."
    ),
    target_total=9_000_000,
    target_current_year=5_000_000,
    first_year=2019,
    last_year=2022,
    phases=(
        (PhaseKind.PREPARATION, date(2019, 4, 23), date(2019, 5, 13)),
        (PhaseKind.SPRINT, date(2019, 5, 14), date(2019, 5, 15)),
        (PhaseKind.REVIEW, date(2019, 5, 16), date(2019, 5, 22)),
        (PhaseKind.RESULTS, date(2019, 5, 23), date(2019, 5, 31)),
        (PhaseKind.DECISION, date(2019, 6, 1), date(2019, 7, 4)),
    ),
    current=PhaseKind.PREPARATION,
    themes=("Sociaal domein",),
    budget_csv="hoogeveen-begroting.csv",
    frameworks=(
        ("Realistisch en samenhangend", "Het pakket is maatschappelijk en politiek aanvaardbaar."),
        ("Juridisch haalbaar", "Juristen toetsen elke maatregel op juridische haalbaarheid."),
    ),
    groups=tuple(
        (f"Team {n}", "Sociaal domein", f"team{n}@hoogeveen.example") for n in range(1, 11)
    ),
)

DEMO_PROCESSES = {"zeist": (ZEIST,), "hoogeveen": (HOOGEVEEN,)}


def chef_accounts(organization_slug: str) -> list[tuple[str, str]]:
    """(email, display name) of the chefs and captains the demo processes need."""
    accounts = []
    for demo in DEMO_PROCESSES.get(organization_slug, ()):
        for group_name, _theme, email in demo.groups:
            if email and email != "ruud@zeist.example":
                label = "Teamcaptain" if demo.kind is ProcessKind.SPRINT else "Chef"
                accounts.append((email, f"{label} {group_name}"))
    return accounts


def ensure_processes(db: Session, organization_slug: str) -> int:
    """Create or complete the organization's demo processes; returns how much was added."""
    added = 0
    for demo in DEMO_PROCESSES.get(organization_slug, ()):
        process = db.scalar(select(Process).where(Process.slug == demo.slug))
        if process is None:
            process = _create(db, demo)
            added += 1
        themes = {
            t.name: t for t in db.scalars(select(Theme).where(Theme.process_id == process.id))
        }
        for name in demo.themes:
            if name not in themes:
                themes[name] = service.add_theme(
                    db, SYSTEM_ACTOR, process, slug=slugify(name), name=name
                )
                added += 1
        imported = import_budget_lines(
            db, SYSTEM_ACTOR, process, (DEMO_DIR / demo.budget_csv).read_bytes()
        )
        if imported.problems:
            raise ValueError(f"demo budget {demo.budget_csv}: {imported.problems}")
        added += imported.created + imported.updated
        added += _ensure_groups(db, process, demo, themes)
    return added


def _create(db: Session, demo: DemoProcess) -> Process:
    process = service.create_process(
        db,
        SYSTEM_ACTOR,
        kind=demo.kind,
        slug=demo.slug,
        title=demo.title,
        target_total=demo.target_total,
        target_current_year=demo.target_current_year,
        first_year=demo.first_year,
        last_year=demo.last_year,
        starts_on=demo.phases[0][1],
        target_percentage=Decimal(10),
        summary=demo.summary,
    )
    by_kind = {p.kind: p for p in process.phases}
    for kind, starts, ends in demo.phases:
        service.update_phase_dates(db, SYSTEM_ACTOR, by_kind[kind], starts, ends)
    phases = list(process.phases)
    for title, text in demo.frameworks:
        service.add_framework(db, SYSTEM_ACTOR, process, phases, title, text)
    if process.current_phase != demo.current:
        service.set_current_phase(db, SYSTEM_ACTOR, process, demo.current)
    return process


def _ensure_groups(
    db: Session, process: Process, demo: DemoProcess, themes: dict[str, Theme]
) -> int:
    added = 0
    groups = {g.slug: g for g in db.scalars(select(Group).where(Group.process_id == process.id))}
    for name, theme_name, chef_email in demo.groups:
        group = groups.get(slugify(name))
        if group is None:
            group = service.add_group(
                db, SYSTEM_ACTOR, process, themes[theme_name], slug=slugify(name), name=name
            )
            added += 1
        chef = user_by_email(db, chef_email) if chef_email else None
        if (
            chef is not None
            and active_assignment(db, chef, Role.CHEF, ScopeType.GROUP, group.id) is None
        ):
            service.assign_chef(db, SYSTEM_ACTOR, group, chef)
            added += 1
    return added
