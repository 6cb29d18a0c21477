"""Agendas and minutes of the Zeist demo meetings (Markdown, Dutch). Each theme has its
own topics, ideas and adviser, and the minutes carry the evening's real attendance, so
no two read the same. Illustrative, not the real 2011 minutes."""

from __future__ import annotations

from dataclasses import dataclass

KICKOFF_TITLE = "Kick-off Bezuinigingsdialoog"
KICKOFF_PLACE = "Raadhuis Zeist, Het Rond 1"
TOWN_HALL = "Raadhuis Zeist, Het Rond 1, commissiekamer"


@dataclass(frozen=True)
class ThemeEvenings:
    places: tuple[str, str]  # the first two evenings; the third is in the town hall
    adviser: str  # the official who explains the budget
    topics: tuple[str, str, str]
    ideas: tuple[str, str]
    question: str  # asked of the officials on the first evening


EVENINGS: dict[str, ThemeEvenings] = {
    "Zorg en Welzijn": ThemeEvenings(
        places=("Wijkcentrum Kerckebosch", "Buurthuis Vollenhove"),
        adviser="de beleidsmedewerker Wmo",
        topics=("de huishoudelijke hulp", "het ouderenwerk", "het minimabeleid"),
        ideas=("Een wijkteam dat zorg en welzijn samen aanbiedt, kan dubbel werk voorkomen.",
               "Hulpmiddelen als scootmobielen vaker hergebruiken in plaats van nieuw kopen."),
        question="Hoeveel inwoners krijgen nu huishoudelijke hulp, en voor hoeveel uur?",
    ),
    "Burger en Buitenruimte": ThemeEvenings(
        places=("Dorpshuis Den Dolder", "Wijkcentrum Zeist-West"),
        adviser="de teamleider Beheer openbare ruimte",
        topics=("het groenonderhoud", "de afvalinzameling", "de speelvoorzieningen"),
        ideas=("Buurten die zelf hun plantsoen onderhouden, krijgen een klein budget.",
               "Minder vaak maaien in bermen en parken, met meer bloemen als bijvangst."),
        question="Wat kost het maaien van een vierkante meter gras, en hoe vaak gebeurt het?",
    ),
    "Sport": ThemeEvenings(
        places=("Kantine Hockeyclub Zeist", "Sporthal Dijnselburg"),
        adviser="de beleidsadviseur sport",
        topics=("de huur van sporthallen", "het zwembad", "de subsidies aan verenigingen"),
        ideas=("Verenigingen nemen het onderhoud van hun eigen velden over.",
               "Sporthallen overdag verhuren aan scholen en bedrijven."),
        question="Welk deel van de kosten van het zwembad betalen de bezoekers zelf?",
    ),
    "Cultuur en Sociale economie": ThemeEvenings(
        places=("Bibliotheek Zeist", "Slot Zeist, Zinzendorflaan 1"),
        adviser="de beleidsmedewerker cultuur",
        topics=("de bibliotheek", "de muziekschool", "de sociale werkvoorziening"),
        ideas=("Bibliotheek, muziekschool en theater delen één gebouw en één balie.",
               "Mensen uit de sociale werkvoorziening gaan aan de slag in het groenonderhoud."),
        question="Wat zijn de vaste lasten van de gebouwen van de culturele instellingen?",
    ),
    "Ruimtelijke ontwikkeling": ThemeEvenings(
        places=("Raadhuis Zeist, Het Rond 1, zaal 2", "Wijkcentrum Nijenheim"),
        adviser="de afdelingsmanager Ruimte",
        topics=("de vergunningverlening", "de grondexploitatie", "het parkeerbeleid"),
        ideas=("Vergunningen voor kleine verbouwingen digitaal en met vaste termijnen.",
               "Parkeertarieven laten meebewegen met de drukte in het centrum."),
        question="Dekken de leges voor omgevingsvergunningen nu de kosten?",
    ),
    "Veiligheid": ThemeEvenings(
        places=("Brandweerkazerne Zeist", "Buurthuis Vollenhove"),
        adviser="de adviseur openbare orde en veiligheid",
        topics=("het cameratoezicht", "de inzet van boa's", "de buurtpreventie"),
        ideas=("Camera's alleen nog waar de cijfers laten zien dat ze helpen.",
               "Buurtpreventieteams krijgen een vast aanspreekpunt bij de gemeente."),
        question="Hoeveel incidenten zijn er dankzij het cameratoezicht opgelost?",
    ),
    "Burger en Bestuur": ThemeEvenings(
        places=("Raadhuis Zeist, Het Rond 1, trouwzaal", "Bibliotheek Zeist"),
        adviser="de concerncontroller",
        topics=("de dienstverlening aan de balie", "de ICT", "de huisvesting van het raadhuis"),
        ideas=("Reisdocumenten alleen nog op afspraak: kortere wachttijden, minder personeel.",
               "Samen met buurgemeenten inkopen, te beginnen bij de ICT."),
        question="Hoeveel kost één baliebezoek, vergeleken met een afhandeling via de website?",
    ),
    "Onderwijs": ThemeEvenings(
        places=("Openbare Basisschool De Wegwijzer", "Bibliotheek Zeist"),
        adviser="de beleidsmedewerker onderwijs",
        topics=("het leerlingenvervoer", "de peuterspeelzalen", "de schoolgebouwen"),
        ideas=("Leerlingenvervoer met vaste opstapplaatsen in plaats van deur tot deur.",
               "Peuterspeelzaal en kinderopvang onder één dak, met één subsidieregeling."),
        question="Hoeveel kinderen gebruiken het leerlingenvervoer, en hoe ver rijden ze?",
    ),
}  # fmt: skip

KICKOFF_AGENDA = """\
1. **19:30** Inloop met koffie en thee
2. **19:45** Welkom door de burgemeester
3. **20:00** De opgave: € 6,2 miljoen per jaar, en waarom we het samen doen (wethouder Financiën)
4. **20:20** Zo werkt de dialoog: groenboek, witboek, productbladen en het besluit van de raad
5. **20:40** Kennismaking in de themagroepen, met de chefs de dossier
6. **21:40** Vragen en afsluiting
"""

KICKOFF_MINUTES = """\
## Opkomst

Er waren {present} deelnemers: experts uit alle acht themagroepen en hun chefs de dossier.
De raadzaal was vol; een deel van de groepen week voor de kennismaking uit naar de
commissiekamers.

## Welkom en de opgave

De burgemeester opende de avond en bedankte iedereen voor de moeite. De wethouder van
Financiën legde uit waarom Zeist vanaf 2012 **€ 6,2 miljoen per jaar** minder moet uitgeven,
en waarom de gemeente dat niet achter gesloten deuren wil beslissen. Elk thema krijgt als
taakstelling 10 procent van de kosten die de gemeente zelf kan beïnvloeden.

## Hoe de dialoog werkt

De projectleider liet de planning zien: drie avonden voor het groenboek in maart en april,
daarna de toets door het college en een werkcollege met de raad, en vanaf mei drie
avonden voor het witboek. Ambtenaren zitten aan tafel als adviseur; de voorstellen zijn
van de experts. De chefs bewaken het proces en bemoeien zich niet met de inhoud.

## Vragen uit de zaal

- *Wat gebeurt er als een groep het bedrag niet haalt?* Dan zegt het witboek dat eerlijk;
  de raad beslist.
- *Mogen we ook voorstellen doen buiten ons thema?* Ja, via de chef van dat thema.
- *Worden de voorstellen openbaar?* Ja, vanaf het moment dat een groep ze indient.

## Afspraken

Elke groep plant vóór half maart de eerste groenboekavond. De chefs sturen de
begrotingsposten van hun thema rond, met een toelichting in gewone taal.
"""


def evening_title(number: int, theme: str) -> str:
    return f"Groenboekavond {number}: {theme}"


def evening_agenda(number: int, theme: str) -> str:
    evening = EVENINGS[theme]
    first, second, third = evening.topics
    if number == 1:
        items = (
            "Opening en kennismaking: wat brengt u mee?",
            f"De begroting van {theme} en de taakstelling, door {evening.adviser}",
            "De kaders van de raad",
            f"In tafels: waar zien we kansen bij {first}, {second} en {third}?",
            "Afspraken voor de volgende avond",
        )
    elif number == 2:
        items = (
            "Opening en terugblik",
            "Antwoorden van de ambtenaren op onze vragen",
            f"Het groenboek schrijven in subgroepen: {first}, {second}, {third}",
            "Plenaire terugkoppeling",
            "Wie schrijft welk hoofdstuk af?",
        )
    else:
        items = (
            "Opening",
            "De concepttekst van het groenboek, hoofdstuk voor hoofdstuk",
            "Wat ontbreekt er nog?",
            "Het groenboek vaststellen voor het college",
            "Vooruitblik op de witboekfase",
        )
    lines = [f"{n}. {item}" for n, item in enumerate(items, start=1)]
    return "\n".join(lines) + "\n\nWe beginnen om 19:30 en sluiten uiterlijk om 22:00.\n"


def evening_minutes(number: int, theme: str, present: int, absent: int, chef: str) -> str:
    """The minutes of the first two evenings of a theme (the third has none yet)."""
    evening = EVENINGS[theme]
    first, second, third = evening.topics
    if absent == 0:
        missing = "Iedereen die zich had aangemeld, was er."
    elif absent == 1:
        missing = "Eén aangemelde expert was afwezig."
    else:
        missing = f"{absent} aangemelde experts waren afwezig."
    adviser = evening.adviser[0].upper() + evening.adviser[1:]
    attendance = f"## Aanwezig\n\n{present} experts, {chef} en {evening.adviser}. {missing}\n\n"
    if number == 1:
        return attendance + (
            "## Kennismaking\n\n"
            "Iedereen vertelde kort wat hij of zij meebrengt: deskundigheid, ervaring of "
            f"een direct belang. Veel deelnemers hebben zelf met {first} te maken.\n\n"
            "## Begroting en kaders\n\n"
            f"{adviser} lichtte de begrotingsposten van het thema toe "
            "en de taakstelling van 10 procent op de beïnvloedbare kosten. Het kader "
            "*Kwetsbare inwoners ontzien* leidde tot een stevige discussie: wie is "
            "kwetsbaar, en wie bepaalt dat?\n\n"
            "## Verkenning\n\n"
            f"Aan drie tafels is verkend waar kansen liggen: bij {first}, {second} en "
            f"{third}. Een idee dat vaker terugkwam:\n\n> {evening.ideas[0]}\n\n"
            "## Afspraken\n\n"
            f"- Vraag aan de ambtenaren: *{evening.question}*\n"
            "- De chef stuurt de begrotingsposten met toelichting rond.\n"
            "- Volgende avond: de achtergronden voor het groenboek.\n"
        )
    return attendance + (
        "## Terugblik\n\n"
        f"{adviser} beantwoordde de vraag van de vorige avond. De "
        "cijfers zijn als bijlage rondgestuurd; een paar deelnemers vroegen om een "
        "uitsplitsing per wijk.\n\n"
        "## Het groenboek\n\n"
        f"In drie subgroepen zijn de achtergronden beschreven van {first}, {second} en "
        f"{third}: wat doet de gemeente nu, wat kost het, en wat zijn de wettelijke "
        "taken.\n\n"
        f"Nieuw deze avond: *{evening.ideas[1]}* Dat idee krijgt een eigen paragraaf, "
        "zodat het college kan zien dat het de moeite van uitwerken waard is.\n\n"
        "## Discussie\n\n"
        "Niet iedereen is het eens over de richting. Afgesproken is dat het groenboek "
        "verschillen van mening laat zien in plaats van ze weg te schrijven.\n\n"
        "## Afspraken\n\n"
        "- Elke subgroep levert haar hoofdstuk een week voor de derde avond aan.\n"
        "- De chef voegt de hoofdstukken samen tot één concept.\n"
    )


REUNION_TITLE = "Terugkomavond Onderwijs"
REUNION_PLACE = "Bibliotheek Zeist, leeszaal"
REUNION_AGENDA = """\
1. Welkom en koffie
2. Het besluit van het college over ons groenboek
3. Wat nemen we mee naar het witboek?
4. Rondvraag

Er zijn twaalf plaatsen; meld u aan als u komt.
"""
