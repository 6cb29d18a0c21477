"""The Hoogeveen sprint's words: the options catalogue the officials prepared, the teams'
own measures, their mood lines, the messages, the programme and the board's note. The
amounts are plausible for a municipality of 55,000 inhabitants, not Hoogeveen's figures;
the budget lines are the demo budget's (hoogeveen-begroting.csv)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoOption:
    title: str
    measure: str
    budget_lines: str
    structural: int  # a full year
    current_year: int  # in 2019
    legal_snags: str = ""
    # Whether the lawyers let it stand: "yes", "conditions" (with the condition) or "no".
    legal: str = "yes"
    legal_note: str = ""


OPTIONS: tuple[DemoOption, ...] = (
    DemoOption(
        "Praktijkondersteuner jeugd bij de huisarts",
        "Huisartsen krijgen een praktijkondersteuner jeugd (POH-jeugd). Lichte vragen worden "
        "in de huisartsenpraktijk opgelost in plaats van doorverwezen naar dure jeugdhulp.",
        "H-17-6751 Jeugdhulp ambulant lokaal",
        900_000,
        450_000,
    ),
    DemoOption(
        "Toegang tot jeugdhulp via het wijkteam",
        "Verwijzingen naar jeugdhulp lopen voortaan via het wijkteam, dat eerst kijkt wat het "
        "gezin zelf en het netwerk kunnen. Afspraken met huisartsen en jeugdartsen over "
        "terugkoppeling.",
        "H-17-6751 Jeugdhulp ambulant lokaal; H-18-6752 Jeugdhulp ambulant regionaal",
        1_200_000,
        600_000,
        legal_snags="Huisartsen, medisch specialisten en jeugdartsen mogen wettelijk "
        "rechtstreeks verwijzen (art. 2.6 Jeugdwet).",
        legal="conditions",
        legal_note="Alleen met afspraken: de wettelijke verwijsroute via huisarts en "
        "jeugdarts blijft bestaan.",
    ),
    DemoOption(
        "Jeugdhulp met verblijf: tarieven heronderhandelen",
        "Met de regiogemeenten de tarieven en volumes van jeugdhulp met verblijf opnieuw "
        "afspreken, met een bonus voor aanbieders die sneller afschalen.",
        "H-19-6762 Jeugdhulp met verblijf regionaal",
        1_000_000,
        500_000,
        legal_snags="De contracten lopen tot 1 januari 2020; tussentijds wijzigen kan "
        "alleen in overleg.",
    ),
    DemoOption(
        "Sneller afschalen van zware jeugdhulp",
        "Elke verblijfsplek krijgt na drie maanden een gesprek over afschalen naar "
        "ambulante hulp, met een vaste regisseur van het wijkteam.",
        "H-19-6762 Jeugdhulp met verblijf regionaal",
        800_000,
        350_000,
    ),
    DemoOption(
        "PGB-tarieven jeugd gelijk aan zorg in natura",
        "Het tarief voor een persoonsgebonden budget jeugd gaat naar het niveau van zorg in "
        "natura; voor informele hulp geldt een lager uurtarief.",
        "H-20-6792 PGB Jeugd",
        250_000,
        120_000,
    ),
    DemoOption(
        "Huishoudelijke hulp als algemene voorziening",
        "Schoonmaakondersteuning wordt een algemene voorziening met een eigen bijdrage per "
        "uur, in plaats van een maatwerkvoorziening per inwoner.",
        "H-10-6711 Huishoudelijke hulp (Wmo)",
        1_100_000,
        500_000,
        legal_snags="De Centrale Raad van Beroep stelt eisen aan het onderzoek per inwoner; "
        "de eigen bijdrage valt onder het abonnementstarief.",
        legal="conditions",
        legal_note="Kan, mits er een onderzoek blijft voor wie de algemene voorziening niet "
        "past en de verordening vóór 1 juli wordt aangepast.",
    ),
    DemoOption(
        "Hogere eigen bijdrage Wmo",
        "De eigen bijdrage voor maatwerkvoorzieningen Wmo gaat omhoog naar het maximum.",
        "H-11-6712 Begeleiding (Wmo); H-12-6713 Dagbesteding (Wmo)",
        700_000,
        350_000,
        legal_snags="Sinds 1 januari 2019 geldt het wettelijke abonnementstarief van € 17,50 "
        "per vier weken.",
        legal="no",
        legal_note="Niet haalbaar: het abonnementstarief is wettelijk vastgelegd; de gemeente "
        "kan de eigen bijdrage niet verhogen.",
    ),
    DemoOption(
        "Dagbesteding in grotere groepen, vervoer gebundeld",
        "Dagbesteding wordt waar mogelijk in groepen in de wijk gegeven; het vervoer erheen "
        "wordt per route gebundeld.",
        "H-12-6713 Dagbesteding (Wmo); H-14-660 Wmo-vervoer en regiotaxi",
        600_000,
        250_000,
    ),
    DemoOption(
        "Regiotaxi slimmer plannen",
        "Ritten van de regiotaxi worden gecombineerd en waar het kan vervangen door de "
        "buurtbus of openbaar vervoer met begeleiding.",
        "H-14-660 Wmo-vervoer en regiotaxi",
        350_000,
        150_000,
    ),
    DemoOption(
        "Hulpmiddelen hergebruiken",
        "Rolstoelen, scootmobielen en tilliften gaan na gebruik terug naar een depot en "
        "worden opnieuw ingezet.",
        "H-13-660 Hulpmiddelen en woonvoorzieningen (Wmo)",
        300_000,
        150_000,
    ),
    DemoOption(
        "Beschermd wonen: meer begeleiding thuis",
        "Inwoners die het kunnen, wonen zelfstandig met ambulante begeleiding in plaats van in "
        "een instelling (afspraak met de centrumgemeente).",
        "H-16-6811 Beschermd wonen regionale bijdrage",
        400_000,
        100_000,
        legal_snags="Afhankelijk van de regionale afspraken met de centrumgemeente Assen.",
    ),
    DemoOption(
        "Begeleiding collectief in de wijk",
        "Individuele begeleiding wordt waar het kan vervangen door inloop en groepen in de "
        "wijk, met vrijwilligers.",
        "H-11-6712 Begeleiding (Wmo)",
        900_000,
        400_000,
    ),
    DemoOption(
        "Meer uitstroom uit de bijstand",
        "Elke bijstandsgerechtigde met perspectief op werk krijgt binnen vier weken een "
        "traject; werkgevers krijgen één aanspreekpunt.",
        "H-05-63 Bijstandsuitkeringen Participatiewet; H-08-65 Re-integratie en "
        "participatievoorzieningen",
        1_000_000,
        500_000,
    ),
    DemoOption(
        "Wsw-medewerkers gedetacheerd bij werkgevers",
        "Meer medewerkers van de sociale werkvoorziening gaan gedetacheerd werken bij "
        "reguliere werkgevers; de opbrengst dekt een deel van de loonkosten.",
        "H-09-64 Sociale werkvoorziening (Wsw)",
        600_000,
        300_000,
    ),
    DemoOption(
        "Bijzondere bijstand gerichter",
        "Categoriale regelingen worden individuele bijzondere bijstand op aanvraag, met een "
        "vangnet voor gezinnen met kinderen.",
        "H-06-63 Bijzondere bijstand en minimabeleid",
        400_000,
        200_000,
        legal_snags="Categoriale bijstand mag alleen voor de wettelijke groepen.",
    ),
    DemoOption(
        "Vroegsignalering van schulden",
        "Met woningcorporaties en energieleveranciers betalingsachterstanden vroeg melden, "
        "zodat schulden niet oplopen tot dure schuldhulp.",
        "H-07-63 Schuldhulpverlening",
        200_000,
        80_000,
        legal_snags="Gegevens delen vraagt een grondslag (AVG); convenant nodig.",
    ),
    DemoOption(
        "Eén subsidie voor welzijnswerk",
        "Welzijnswerk, algemeen maatschappelijk werk en ouderenwerk krijgen één subsidie aan "
        "één aanbieder, met minder overhead.",
        "H-03-61 Welzijnswerk en algemeen maatschappelijk werk",
        450_000,
        200_000,
        legal_snags="Subsidies voor 2019 zijn verleend; afbouw vraagt een redelijke termijn.",
    ),
    DemoOption(
        "Wijkteams: minder coördinatie, meer uitvoering",
        "De wijkteams krijgen één coördinator per twee teams; registratie wordt eenvoudiger.",
        "H-01-623 Sociale wijkteams",
        500_000,
        250_000,
    ),
    DemoOption(
        "Centrum voor Jeugd en Gezin in de wijkteams",
        "Het Centrum voor Jeugd en Gezin gaat op in de wijkteams; één loket voor gezinnen.",
        "H-02-622 Centrum voor Jeugd en Gezin",
        350_000,
        150_000,
    ),
    DemoOption(
        "Vrijwilligerssubsidies herijken",
        "Subsidies voor vrijwilligerswerk en mantelzorg worden op resultaat verleend.",
        "H-04-61 Vrijwilligerswerk en mantelzorgondersteuning",
        150_000,
        80_000,
    ),
    DemoOption(
        "Vacatures beleid sociaal domein niet vervullen",
        "Vier openstaande beleidsvacatures worden niet vervuld; het werk wordt anders verdeeld.",
        "H-23-691 Coördinatie en beleid sociaal domein",
        300_000,
        200_000,
    ),
)


@dataclass(frozen=True)
class OwnMeasure:
    title: str
    measure: str
    structural: int
    current_year: int
    legal: str = "yes"  # "yes", "conditions" or "no"
    legal_note: str = ""


# The teams' own measures, handed out in turn.
OWN_MEASURES: tuple[OwnMeasure, ...] = (
    OwnMeasure(
        "Onderbesteding jeugd 2019 vrijgeven",
        "Het verwachte overschot op jeugdhulp 2019 wordt eenmalig ingezet.",
        0,
        650_000,
    ),
    OwnMeasure(
        "Reserve sociaal domein afromen",
        "Het deel van de reserve sociaal domein boven het risicoprofiel valt vrij.",
        0,
        900_000,
    ),
    OwnMeasure(
        "Inkoop Wmo samen met De Wolden",
        "Hoogeveen en De Wolden kopen de Wmo-maatwerkvoorzieningen voortaan samen in.",
        400_000,
        150_000,
    ),
    OwnMeasure(
        "Huurtoeslag-check bij aanvraag bijstand",
        "Bij elke aanvraag wordt gecheckt of de inwoner alle toeslagen krijgt.",
        150_000,
        60_000,
    ),
    OwnMeasure(
        "Eigen regie op leerlingenvervoer-indicaties",
        "Het wijkteam stelt de indicaties voor aangepast vervoer samen met school vast.",
        200_000,
        90_000,
    ),
    OwnMeasure(
        "Sluiten van een dagbestedingslocatie",
        "De kleinste locatie voor dagbesteding sluit; deelnemers gaan naar de wijklocatie.",
        300_000,
        100_000,
        legal="conditions",
        legal_note="Alleen na een zorgvuldig overgangsrecht voor de huidige deelnemers.",
    ),
    OwnMeasure(
        "Geen nieuwe indicaties huishoudelijke hulp",
        "Vanaf 1 juli geen nieuwe indicaties voor huishoudelijke hulp.",
        800_000,
        300_000,
        legal="no",
        legal_note="Niet haalbaar: de gemeente moet een aanvraag onderzoeken en zo nodig een "
        "voorziening bieden (art. 2.3.5 Wmo 2015).",
    ),
    OwnMeasure(
        "Digitale aanvraag Wmo",
        "Aanvragen en herindicaties Wmo gaan digitaal; minder uren administratie.",
        120_000,
        40_000,
    ),
    OwnMeasure(
        "Leegstaande panden sociaal domein afstoten",
        "Twee panden die het sociaal domein nauwelijks gebruikt worden verkocht.",
        90_000,
        350_000,
    ),
    OwnMeasure(
        "Bijstand stoppen voor wie een traject weigert",
        "Wie een re-integratietraject weigert, krijgt geen bijstand meer.",
        500_000,
        250_000,
        legal="no",
        legal_note="Niet haalbaar: de Participatiewet vraagt een afgemeten maatregel, geen "
        "beëindiging.",
    ),
    OwnMeasure(
        "Statushouders sneller aan het werk",
        "Taal en werk tegelijk: statushouders starten binnen drie maanden met een werkplek.",
        250_000,
        80_000,
    ),
    OwnMeasure(
        "Preventie eenzaamheid ouderen",
        "Vrijwilligers bezoeken 75-plussers; minder vraag naar begeleiding later.",
        100_000,
        20_000,
    ),
)

# (first name, surname) of the staff in the teams; e-mail: first letter and surname.
STAFF_NAMES: tuple[tuple[str, str], ...] = (
    ("Anouk", "Bakker"), ("Bas", "Hoekstra"), ("Carla", "Mulder"), ("Dirk", "Visser"),
    ("Esther", "Smit"), ("Frank", "Meijer"), ("Gerda", "Boer"), ("Hans", "Mulderij"),
    ("Ilse", "Dekker"), ("Jan", "Brouwer"), ("Karin", "Dijkstra"), ("Leo", "Bos"),
    ("Marieke", "Vos"), ("Niels", "Peters"), ("Olga", "Hendriks"), ("Peter", "Jansen"),
    ("Rianne", "Kuipers"), ("Sander", "Veenstra"), ("Tineke", "Zwart"), ("Udo", "Postma"),
    ("Vera", "Koster"), ("Wim", "Prins"), ("Yvonne", "Huisman"), ("Albert", "Wolters"),
    ("Bianca", "Kok"), ("Cor", "Schuurman"), ("Daniëlle", "Lammers"), ("Erik", "Oosting"),
    ("Femke", "Drenth"), ("Gerrit", "Bruins"), ("Hilde", "Kamphuis"), ("Ivo", "Scholten"),
    ("Janneke", "Wierenga"), ("Klaas", "Jonker"), ("Linda", "Hofman"), ("Martijn", "Bosma"),
    ("Nicole", "Zijlstra"), ("Otto", "Lubbers"), ("Petra", "Nijboer"), ("Roel", "Schepers"),
    ("Sanne", "Kremer"), ("Theo", "Oldenburger"), ("Ursula", "Meems"), ("Vincent", "Hulst"),
    ("Wendy", "Moes"), ("Yorick", "Bolt"), ("Zoë", "Bennink"), ("Arjan", "Steenbergen"),
    ("Bea", "Heuvelman"), ("Chris", "Talsma"), ("Dineke", "Eising"), ("Edwin", "Koops"),
    ("Fleur", "Wessels"), ("Geert", "Lanting"), ("Harm", "Zuidema"), ("Inge", "Hadders"),
    ("Joost", "Kiers"), ("Kim", "Stevens"), ("Lotte", "Boxem"), ("Maarten", "Bruggink"),
)  # fmt: skip

MOOD_LINES: dict[int, tuple[str, ...]] = {
    5: ("Wat een energie, we hebben er zin in!", "Top sfeer, het pakket staat.",
        "Line dance deed wonderen."),
    4: ("Goed op weg, nog twee maatregelen uitwerken.", "Moe maar tevreden.",
        "De jurist was snel, fijn."),
    3: ("Wachten op de financiële toets duurt lang.", "Even een dip na middernacht.",
        "Lastig om realistisch te blijven."),
    2: ("Onze grootste maatregel is afgekeurd, balen.", "Koffie is op."),
}  # fmt: skip

# (minutes after the start, team number or None for all, from the steering group, text)
MESSAGES: tuple[tuple[int, int | None, bool, str], ...] = (
    (
        5,
        None,
        True,
        "Welkom allemaal! De klok loopt. Denk realistisch: alleen wat de "
        "juristen en financiën laten staan, telt mee.",
    ),
    (
        190,
        3,
        True,
        "Team 3, jullie hebben veel maatregelen maar nog weinig getoetst. Dien "
        "ze vroeg in, dan kan de financiële toets beginnen.",
    ),
    (205, 3, False, "Dank! We sturen de twee grootste nu door."),
    (420, None, True, "De eerste tussenstand staat online. Knap werk, en: er is soep."),
    (
        700,
        7,
        True,
        "Team 7, jullie eigen maatregel over huishoudelijke hulp is juridisch "
        "afgekeurd. Kijk eens naar optie 6, die kan onder voorwaarden.",
    ),
    (715, 7, False, "Goed idee, we passen optie 6 aan voor Hoogeveen-Oost."),
    (
        1200,
        None,
        True,
        "Nog vier uur. Zorg dat alles vóór 15.00 uur is ingediend, dan halen de toetsers het.",
    ),
    (1260, 1, False, "Is er nog iemand van financiën vrij voor onze laatste maatregel?"),
    (1270, 1, True, "Ja, hij staat bovenaan de wachtrij."),
)

# (start: day 14 or 15, hour, minute; minutes long; kind; title; description)
PROGRAMME: tuple[tuple[tuple[int, int, int], int, str, str, str], ...] = (
    ((14, 13, 0), 30, "session", "Opening en opdracht",
     "De burgemeester opent de hackaton; de regiegroep legt de opdracht en de spelregels uit."),
    ((14, 13, 30), 30, "speaker", "Gastspreker: de decentralisaties na vier jaar",
     "Een hoogleraar bestuurskunde over wat gemeenten van de decentralisaties leerden."),
    ((14, 14, 0), 210, "session", "Werksessie 1: opties kiezen en uitwerken",
     "Teams kiezen uit de catalogus, passen opties aan of schrijven eigen maatregelen."),
    ((14, 17, 30), 60, "break", "Diner", "Buffet in de hal van het gemeentehuis."),
    ((14, 18, 30), 30, "energizer", "Line dance",
     "Een instructeur leert iedereen een line dance. Meedoen is verplicht, zegt de regiegroep."),
    ((14, 19, 0), 180, "session", "Werksessie 2: doorrekenen en indienen",
     "Maatregelen gaan naar de juristen en financieel adviseurs."),
    ((14, 22, 0), 30, "speaker", "Gastspreker: een wethouder uit Emmen",
     "Wat Emmen leerde van een eigen bezuinigingsronde in het sociaal domein."),
    ((14, 22, 30), 570, "session", "Nachtsessie",
     "Wie wil, werkt door; de toetsers blijven tot 02.00 uur."),
    ((15, 8, 0), 60, "break", "Ontbijt", "Met verse broodjes van de bakker om de hoek."),
    ((15, 9, 0), 180, "session", "Werksessie 3: aanscherpen",
     "Teams verwerken de toetsing en scherpen hun pakket aan."),
    ((15, 12, 0), 45, "break", "Lunch", ""),
    ((15, 12, 45), 195, "session", "Werksessie 4: laatste ronde",
     "Om 17.00 uur sluiten de pakketten."),
    ((15, 16, 0), 60, "session", "Presentaties",
     "Elk team presenteert in vijf minuten zijn pakket aan het college."),
)  # fmt: skip

# (day, hour, minute) and note of the three interim standings.
SNAPSHOTS: tuple[tuple[tuple[int, int, int], str], ...] = (
    ((14, 20, 30), "De eerste tussenstand: nog veel maatregelen in de wachtrij."),
    ((15, 7, 0), "Tussenstand na de nacht: de koplopers lopen uit, de wachtrij is bijna leeg."),
    ((15, 14, 0), "Laatste tussenstand voor de eindsprint. Het verschil is klein!"),
)

PACKAGE_NOTE = (
    "Het college kiest uit de maatregelen van alle tien teams een samenhangend pakket. "
    "Het telt alleen maatregelen die de juristen en de financieel adviseurs haalbaar "
    "vonden, met de bedragen die financiën heeft gevalideerd.\n\n"
    "**Uitgangspunten**\n\n"
    "- Van elke optie uit de catalogus nemen we de best onderbouwde uitwerking.\n"
    "- Kwetsbare inwoners houden toegang tot de zorg die ze nodig hebben.\n"
    "- Eenmalige meevallers zetten we alleen in voor het tekort van dit jaar.\n\n"
    "Het pakket gaat met de begroting 2020 naar de gemeenteraad."
)
