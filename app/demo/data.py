"""The demo cases, as data: Zeist's savings dialogue (2011) and Hoogeveen's savings sprint
(2019). See shared/seeds. Later revisions add their users, processes and themes here.

The colours are demo choices with enough contrast (WCAG AA), not the municipalities'
official house styles.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoPage:
    slug: str
    title: str
    body: str


@dataclass(frozen=True)
class DemoUser:
    email: str
    display_name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class DemoParty:
    name: str
    seats: int


@dataclass(frozen=True)
class DemoCouncillor:
    """A councillor account (role council) and the party they sit for."""

    email: str
    display_name: str
    party: str


# One password for every demo account, printed by `make run`. Demo data only.
DEMO_PASSWORD = "bezuinigen-samen-2011"  # noqa: S105


@dataclass(frozen=True)
class DemoOrganization:
    slug: str
    name: str
    hosts: tuple[str, ...]
    theme_tokens: dict[str, str]
    logo_path: str
    pages: tuple[DemoPage, ...] = field(default_factory=tuple)
    users: tuple[DemoUser, ...] = field(default_factory=tuple)
    # The municipal council: its parties with their seats, and a few of its members.
    parties: tuple[DemoParty, ...] = field(default_factory=tuple)
    councillors: tuple[DemoCouncillor, ...] = field(default_factory=tuple)


PRIVACY = DemoPage(
    slug="privacyverklaring",
    title="Privacyverklaring",
    body=(
        "Dit is een voorbeeld voor de demo. Elke gemeente schrijft haar eigen verklaring.\n\n"
        "## Wat we van u bewaren\n\n"
        "- De naam die u kiest. Die zien anderen bij uw bijdragen.\n"
        "- Uw e-mailadres. Dat ziet niemand anders. We gebruiken het alleen voor mails "
        "over de dialoog.\n"
        "- Uw bijdragen: voorstellen, reacties en stemmen.\n\n"
        "## Waarom\n\n"
        "De gemeente voert de bezuinigingsdialoog uit als taak van algemeen belang. "
        "U kunt uw gegevens inzien, en uw account laten verwijderen. Uw openbare bijdragen "
        "blijven dan staan, zonder uw naam.\n"
    ),
)


def contact_page(name: str, email: str) -> DemoPage:
    """The page the accessibility statement takes its contact details from
    (app.statement.data.CONTACT_PAGE)."""
    return DemoPage(
        slug="contact",
        title="Contact",
        body=(
            "Dit is een voorbeeld voor de demo. Elke gemeente zet hier haar eigen gegevens.\n\n"
            f"{name} is bereikbaar per e-mail: [{email}](mailto:{email}).\n"
        ),
    )


ZEIST = DemoOrganization(
    slug="zeist",
    name="Gemeente Zeist",
    hosts=("localhost", "127.0.0.1", "zeist.localhost"),
    theme_tokens={
        "--dialoog-brand-color": "#00613f",
        "--utrecht-link-color": "#00613f",
        "--utrecht-link-hover-color": "#003d28",
        "--utrecht-button-primary-action-background-color": "#00613f",
        "--utrecht-button-primary-action-hover-background-color": "#003d28",
    },
    logo_path="img/logo-zeist.svg",
    pages=(
        DemoPage(
            slug="over-de-dialoog",
            title="Over de Bezuinigingsdialoog",
            body=(
                "Zeist moet vanaf 2012 elk jaar **6,2 miljoen euro** minder uitgeven. "
                "De gemeente wil dat niet achter gesloten deuren beslissen. "
                "Daarom zoeken inwoners, professionals en ambtenaren samen naar oplossingen.\n\n"
                "## Hoe werkt het?\n\n"
                "- De begroting is verdeeld in **acht thema's**, zoals Onderwijs en Sport.\n"
                "- Elk thema moet **10 procent** besparen op de kosten die de gemeente "
                "zelf kan beïnvloeden.\n"
                "- Per thema leidt een **Chef de Dossier** het proces. De chef bemoeit zich "
                "niet met de inhoud.\n"
                "- Experts schrijven eerst een **groenboek**: de achtergrond en de kaders. "
                "Daarna een **witboek** met concrete voorstellen en wat die betekenen "
                "voor inwoners.\n"
                "- Ambtenaren werken elk voorstel uit in een **productblad**. "
                "De gemeenteraad beslist, en kan voorstellen wijzigen met amendementen.\n"
            ),
        ),
        PRIVACY,
        contact_page("Gemeente Zeist", "info@zeist.example"),
    ),
    # One account per role (DESIGN.md), named after the people in JOURNEYS.md.
    users=(
        DemoUser("beheer@zeist.example", "Beheerder Zeist", ("admin",)),
        DemoUser("annelies@zeist.example", "Annelies", ("expert",)),
        # Ruud is chef of the Burger en Bestuur group (app/demo/processes.py).
        DemoUser("ruud@zeist.example", "Ruud (Chef Burger en Bestuur)", ()),
        DemoUser("ambtenaar@zeist.example", "Sanne (ambtenaar)", ("official",)),
        DemoUser("fatma@zeist.example", "Fatma (financieel adviseur)", ("finance",)),
        DemoUser("jurist@zeist.example", "Pieter (jurist)", ("legal",)),
        DemoUser("wethouder@zeist.example", "Wethouder Financiën", ("board",)),
        DemoUser("joost@zeist.example", "Joost (raadslid)", ("council",)),
        DemoUser("griffie@zeist.example", "Griffie Zeist", ("clerk",)),
        DemoUser("regie@zeist.example", "Regiegroep Zeist", ("steering",)),
        DemoUser("privacy@zeist.example", "Functionaris gegevensbescherming", ("privacy",)),
    ),
    # The council elected in March 2010: 31 seats; a plausible composition for the demo,
    # not the official result. The coalition is VVD, D66, GroenLinks and CDA (21 seats).
    parties=(
        DemoParty("VVD", 7),
        DemoParty("D66", 5),
        DemoParty("GroenLinks", 5),
        DemoParty("CDA", 4),
        DemoParty("PvdA", 4),
        DemoParty("SP", 2),
        DemoParty("ChristenUnie/SGP", 2),
        DemoParty("Seniorenpartij", 2),
    ),
    # At least one member of every party files or co-signs amendments (app/demo/council.py);
    # the accounts not among ``users`` are made with the role council.
    councillors=(
        DemoCouncillor("marco@zeist.example", "Marco Verhoef", "VVD"),
        DemoCouncillor("ingrid@zeist.example", "Ingrid van Leeuwen", "VVD"),
        DemoCouncillor("joost@zeist.example", "Joost (raadslid)", "PvdA"),
        DemoCouncillor("eva@zeist.example", "Eva Mulder", "GroenLinks"),
        DemoCouncillor("gerrit@zeist.example", "Gerrit van Dam", "CDA"),
        DemoCouncillor("nadia@zeist.example", "Nadia El Amrani", "D66"),
        DemoCouncillor("kees@zeist.example", "Kees Bosman", "SP"),
        DemoCouncillor("hendrik@zeist.example", "Hendrik de Wit", "ChristenUnie/SGP"),
        DemoCouncillor("riet@zeist.example", "Riet Brouwer", "Seniorenpartij"),
    ),
)

HOOGEVEEN = DemoOrganization(
    slug="hoogeveen",
    name="Gemeente Hoogeveen",
    hosts=("hoogeveen.localhost",),
    theme_tokens={
        "--dialoog-brand-color": "#8a1538",
        "--utrecht-link-color": "#8a1538",
        "--utrecht-link-hover-color": "#5c0e25",
        "--utrecht-button-primary-action-background-color": "#8a1538",
        "--utrecht-button-primary-action-hover-background-color": "#5c0e25",
    },
    logo_path="img/logo-hoogeveen.svg",
    pages=(
        DemoPage(
            slug="over-de-hackaton",
            title="Over de bezuinigingshackaton",
            body=(
                "Hoogeveen moet in het sociaal domein **9 miljoen euro per jaar** besparen, "
                "en dit jaar al **5 miljoen euro**.\n\n"
                "In **24 uur** werken tien teams van medewerkers en het college aan dezelfde "
                "opdracht: een realistisch en samenhangend pakket maatregelen. Juristen en "
                "financieel adviseurs toetsen elke maatregel. Een regiegroep volgt de teams "
                "en publiceert tussenstanden.\n"
            ),
        ),
        PRIVACY,
        contact_page("Gemeente Hoogeveen", "info@hoogeveen.example"),
    ),
    users=(
        DemoUser("beheer@hoogeveen.example", "Beheerder Hoogeveen", ("admin",)),
        DemoUser("regie@hoogeveen.example", "Regiegroep Hoogeveen", ("steering",)),
        DemoUser("financien@hoogeveen.example", "Financieel adviseur Hoogeveen", ("finance",)),
        DemoUser("jurist@hoogeveen.example", "Jurist Hoogeveen", ("legal",)),
        DemoUser("college@hoogeveen.example", "Wethouder Sociaal Domein", ("board",)),
    ),
)

ORGANIZATIONS: tuple[DemoOrganization, ...] = (ZEIST, HOOGEVEEN)
