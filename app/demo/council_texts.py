"""What Zeist's council did with the central white paper in the autumn of 2011, as data:
the admin's covering note, sixteen amendments (who filed and co-signed them, on which
measure, why, and how each party voted), the vote on the whole, and the clerk's one
correction. The measures are named by their title in edition 2; the people by their demo
email (app/demo/data.py). Illustrative: nobody is quoted."""

from __future__ import annotations

from dataclasses import dataclass

NOTE = (
    "Het college biedt de raad het centraal witboek aan: editie 2, met voor elk voorstel een "
    "productblad dat de ambtenaar, de financieel adviseur en de Chef de Dossier hebben "
    "afgetekend. De raad besluit erover in zijn vergadering van 8 november 2011. "
    "Amendementen graag uiterlijk op de dag van de vergadering, 18.00 uur, bij de griffie."
)


@dataclass(frozen=True)
class Votes:
    """How the council voted: the parties for (the others against, unless absent), or, when
    the clerk took the numbers only, the counts for and against."""

    parties_for: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    counts: tuple[int, int] | None = None


@dataclass(frozen=True)
class DemoAmendment:
    measure: str  # the entry's title in the edition
    kind: str  # AmendmentKind: strike | change | condition
    filer: str
    cosigners: tuple[str, ...]
    filed: tuple[int, int, int]  # day in November 2011, hour, minute (Zeist time)
    explanation: str  # Markdown
    vote: Votes
    condition: str = ""
    # For a change: {"2012": (structural, one_off), ...} for every year of the process.
    amounts: dict[str, tuple[int, int]] | None = None
    # When the clerk first recorded the vote wrongly: that vote, and why it was corrected.
    recorded_first: Votes | None = None
    correction: str = ""


COALITION = ("VVD", "D66", "GroenLinks", "CDA")
OPPOSITION = ("PvdA", "SP", "ChristenUnie/SGP", "Seniorenpartij")

MARCO, INGRID, JOOST, EVA = (
    "marco@zeist.example",
    "ingrid@zeist.example",
    "joost@zeist.example",
    "eva@zeist.example",
)
GERRIT, NADIA, KEES, HENDRIK, RIET = (
    "gerrit@zeist.example",
    "nadia@zeist.example",
    "kees@zeist.example",
    "hendrik@zeist.example",
    "riet@zeist.example",
)

# In the order they were filed (A1 ... A16). Eight carried, eight defeated.
AMENDMENTS: tuple[DemoAmendment, ...] = (
    DemoAmendment(
        measure="Kleine bibliotheekvestiging sluiten",
        kind="strike",
        filer=JOOST,
        cosigners=(KEES, RIET, HENDRIK),
        filed=(1, 10, 15),
        explanation=(
            "De vestiging in Den Dolder is de enige bibliotheek in het dorp. Voor kinderen, "
            "ouderen en wie thuis geen internet heeft, is het dé plek om te lezen, te leren "
            "en elkaar te treffen.\n\n"
            "Een afhaalpunt en een bibliobus die één middag per week komt, vervangen dat niet. "
            "Het bestuur van de bibliotheek heeft laten weten dat het met vrijwilligers en een "
            "kleinere ruimte in de school een deel van de besparing zelf wil vinden. Geef die "
            "kans eerst."
        ),
        vote=Votes(parties_for=("GroenLinks", "CDA", *OPPOSITION)),
    ),
    DemoAmendment(
        measure="Energie besparen in het zwembad",
        kind="condition",
        filer=RIET,
        cosigners=(GERRIT, HENDRIK),
        filed=(1, 14, 30),
        explanation=(
            "Isoleren en afdekken is verstandig. Maar een lagere watertemperatuur is voor "
            "ouderen, mensen met reuma en kinderen die leren zwemmen geen kleinigheid. De "
            "besparing moet uit de techniek komen, niet uit kouder water."
        ),
        condition=(
            "Het water in het instructiebad en tijdens het ouderen- en therapiezwemmen blijft "
            "minimaal 30 graden. De besparing komt uit isolatie, het afdekzeil en de warmtepomp."
        ),
        vote=Votes(counts=(29, 0)),
    ),
    DemoAmendment(
        measure="Eigen bijdrage Wmo naar het landelijk maximum",
        kind="change",
        filer=GERRIT,
        cosigners=(RIET, JOOST, EVA),
        filed=(2, 9, 40),
        explanation=(
            "Wie een scootmobiel, een traplift of hulp in huis nodig heeft, gaat er in één keer "
            "flink op achteruit als de eigen bijdrage meteen naar het maximum gaat. Dit "
            "amendement voert de verhoging in drie stappen in: een derde in 2012, twee derde in "
            "2013 en het volle bedrag vanaf 2014.\n\n"
            "Zo hebben mensen tijd om hun uitgaven aan te passen, en kan het college de "
            "gevolgen na het eerste jaar aan de raad laten zien."
        ),
        amounts={
            "2012": (64_000, 0),
            "2013": (128_000, 0),
            "2014": (171_000, 0),
            "2015": (171_000, 0),
        },
        vote=Votes(parties_for=("GroenLinks", "CDA", *OPPOSITION)),
        recorded_first=Votes(parties_for=("CDA", *OPPOSITION)),
        correction=(
            "Bij het invoeren is de fractie GroenLinks als tegen genoteerd. Volgens de "
            "stemmingslijst en de geluidsopname van de vergadering stemde GroenLinks voor; "
            "daarmee is het amendement aangenomen (19 voor, 12 tegen). Gecorrigeerd voor de "
            "stemming over het geheel."
        ),
    ),
    DemoAmendment(
        measure="Minimabeleid gerichter",
        kind="condition",
        filer=KEES,
        cosigners=(JOOST,),
        filed=(2, 16, 5),
        explanation=(
            "Gerichter helpen is goed, zolang de mensen met het laagste inkomen er niet op "
            "achteruitgaan. Zonder grens weet niemand waar hij aan toe is."
        ),
        condition=(
            "Huishoudens met een inkomen tot 110 procent van het sociaal minimum houden hun "
            "huidige regelingen. Het college evalueert de nieuwe aanpak na een jaar samen met "
            "de raad en de cliëntenraad."
        ),
        vote=Votes(parties_for=("D66", "GroenLinks", *OPPOSITION)),
    ),
    DemoAmendment(
        measure="Maaltijdservice zonder subsidie",
        kind="strike",
        filer=RIET,
        cosigners=(KEES,),
        filed=(3, 11, 20),
        explanation=(
            "Voor veel alleenstaande ouderen is de warme maaltijd aan huis meer dan eten: de "
            "bezorger is vaak de enige die dagelijks langskomt. Zonder subsidie wordt de "
            "maaltijd twee euro duurder en haken juist de mensen af die het nodig hebben."
        ),
        vote=Votes(parties_for=OPPOSITION),
    ),
    DemoAmendment(
        measure="Diftar: betalen per container",
        kind="strike",
        filer=KEES,
        cosigners=(RIET,),
        filed=(3, 13, 0),
        explanation=(
            "Betalen per container klinkt eerlijk, maar grote gezinnen betalen meer en in "
            "gemeenten met diftar neemt het dumpen van afval in de natuur toe. De eenmalige "
            "kosten van een kwart miljoen staan niet in verhouding tot de besparing."
        ),
        vote=Votes(parties_for=("PvdA", "SP", "Seniorenpartij")),
    ),
    DemoAmendment(
        measure="Fietsenstalling centrum door vrijwilligers",
        kind="condition",
        filer=NADIA,
        cosigners=(EVA, MARCO),
        filed=(3, 20, 45),
        explanation=(
            "Wie in het centrum winkelt, moet zijn fiets kwijt kunnen, juist op de drukste "
            "dagen. Vrijwilligers zijn welkom, maar de gemeente blijft verantwoordelijk dat "
            "de stalling open is. Anders staan de fietsen straks weer op de stoep."
        ),
        condition=(
            "De bewaakte stalling blijft gratis en is open op zaterdag en tijdens de koopavond, "
            "ook als er te weinig vrijwilligers zijn. Het college maakt daarover een afspraak "
            "met de winkeliersvereniging."
        ),
        vote=Votes(counts=(31, 0)),
    ),
    DemoAmendment(
        measure="Festivals zonder subsidie",
        kind="change",
        filer=EVA,
        cosigners=(JOOST,),
        filed=(4, 10, 0),
        explanation=(
            "De zomerfestivals trekken bezoekers naar het centrum en de winkels. Stoppen met "
            "alle structurele subsidie betekent het einde van de twee grootste. Dit amendement "
            "halveert de besparing: de grote festivals houden een kleinere bijdrage, de rest "
            "gaat naar een startbijdrage voor nieuwe initiatieven."
        ),
        amounts={
            "2012": (10_000, 0),
            "2013": (21_000, 0),
            "2014": (21_000, 0),
            "2015": (21_000, 0),
        },
        vote=Votes(parties_for=("GroenLinks", "PvdA", "SP")),
    ),
    DemoAmendment(
        measure="Leerlingenvervoer op opstapplaatsen",
        kind="condition",
        filer=NADIA,
        cosigners=(HENDRIK, JOOST, GERRIT),
        filed=(4, 15, 30),
        explanation=(
            "In de werkgroep met de raad in april vroegen we al aandacht voor kinderen met een "
            "zware beperking. Voor hen is een opstapplaats aan een drukke weg geen optie. De "
            "themagroep zag dat ook; dit amendement legt het vast."
        ),
        condition=(
            "Kinderen voor wie een opstapplaats door hun beperking niet haalbaar is, houden "
            "vervoer van deur tot deur. Ouders, school en gemeente besluiten dat samen; bij "
            "twijfel blijft het vervoer van deur tot deur."
        ),
        vote=Votes(parties_for=("D66", "GroenLinks", "CDA", *OPPOSITION)),
    ),
    DemoAmendment(
        measure="Raadscommissies samenvoegen",
        kind="strike",
        filer=HENDRIK,
        cosigners=(RIET,),
        filed=(7, 9, 15),
        explanation=(
            "Met twee commissies in plaats van vier vergadert elke commissie over twee keer zo "
            "veel onderwerpen. Kleine fracties kunnen dat met één of twee raadsleden niet "
            "bijhouden. De besparing is klein; de prijs voor het debat is groot."
        ),
        vote=Votes(parties_for=("SP", "ChristenUnie/SGP", "Seniorenpartij")),
    ),
    DemoAmendment(
        measure="Cameratoezicht alleen in het uitgaansgebied",
        kind="strike",
        filer=INGRID,
        cosigners=(GERRIT,),
        filed=(7, 11, 30),
        explanation=(
            "Bewoners van de Couwenhoek en het Kerckebosch vragen juist om de camera's te "
            "houden: sinds ze er hangen, zijn er minder inbraken in de bergingen. Veiligheid "
            "is een kerntaak; hier bezuinigen we niet op."
        ),
        vote=Votes(parties_for=("VVD", "CDA", "ChristenUnie/SGP")),
    ),
    DemoAmendment(
        measure="Slot Zeist door een stichting",
        kind="change",
        filer=MARCO,
        cosigners=(NADIA, EVA),
        filed=(7, 14, 0),
        explanation=(
            "Een stichting kan het slot goed beheren, maar heeft een aanloopjaar nodig om "
            "sponsors en huurders te vinden. Dit amendement bouwt de bijdrage in drie jaar af "
            "in plaats van in één: de volle besparing vanaf 2014. Zo voorkomen we dat de "
            "stichting in 2012 direct bij de gemeente moet aankloppen."
        ),
        amounts={
            "2012": (64_000, -60_000),
            "2013": (96_000, 0),
            "2014": (128_000, 0),
            "2015": (128_000, 0),
        },
        vote=Votes(parties_for=(*COALITION, "ChristenUnie/SGP")),
    ),
    DemoAmendment(
        measure="Vrijwilligers in het zwembad",
        kind="condition",
        filer=GERRIT,
        cosigners=(RIET, HENDRIK),
        filed=(7, 16, 20),
        explanation=(
            "Vrijwilligers aan de kassa en in de kantine: prima. Maar het toezicht op het water "
            "is vakwerk en hoort bij een gediplomeerde badmeester."
        ),
        condition=(
            "Bij elk bad is altijd ten minste één gediplomeerde toezichthouder van het zwembad "
            "aanwezig. Vrijwilligers doen de kassa en de kantine, niet het toezicht."
        ),
        vote=Votes(counts=(27, 2)),
    ),
    DemoAmendment(
        measure="Minder peuterspeelzaallocaties",
        kind="strike",
        filer=JOOST,
        cosigners=(KEES,),
        filed=(7, 19, 30),
        explanation=(
            "Een peuterspeelzaal om de hoek is voor veel ouders de reden dat hun kind gaat. "
            "Verder weg betekent: minder peuters die op tijd Nederlands leren. Dat kost de "
            "gemeente later meer dan het nu oplevert."
        ),
        vote=Votes(parties_for=OPPOSITION),
    ),
    DemoAmendment(
        measure="Minder maairondes in de bermen",
        kind="change",
        filer=MARCO,
        cosigners=(INGRID,),
        filed=(8, 10, 0),
        explanation=(
            "Als twee keer maaien per jaar kan, kan één keer ook, behalve waar de "
            "verkeersveiligheid het vraagt. Dit amendement verhoogt de besparing, zodat er "
            "ruimte komt om elders minder te bezuinigen."
        ),
        amounts={
            "2012": (60_000, 0),
            "2013": (120_000, 0),
            "2014": (120_000, 0),
            "2015": (120_000, 0),
        },
        vote=Votes(parties_for=("VVD", "CDA"), absent=("Seniorenpartij",)),
    ),
    DemoAmendment(
        measure="Minder subsidie voor extra activiteiten",
        kind="strike",
        filer=KEES,
        cosigners=(JOOST,),
        filed=(8, 17, 30),
        explanation=(
            "Een excursie naar het Spoorwegmuseum of een dag in het bos is voor sommige "
            "kinderen het enige uitje van het jaar. Scholen in de armere wijken kunnen dat "
            "zonder bijdrage niet betalen."
        ),
        vote=Votes(counts=(8, 23)),
    ),
)

# The vote on the whole edition as amended.
FINAL_VOTE = Votes(parties_for=(*COALITION, "ChristenUnie/SGP"))
