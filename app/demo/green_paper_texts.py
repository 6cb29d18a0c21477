"""What the Zeist green papers say (Dutch): each theme's sections, the notes writers left
in their drafts, the comments in the margin, the board's reasons and the council
workshop. The sections themselves are in green_paper_texts_social.py and
green_paper_texts_town.py. Illustrative: nothing here quotes a real person."""

from __future__ import annotations

from dataclasses import dataclass

from app.demo.green_paper_texts_social import CULTUUR, ONDERWIJS, SPORT, ZORG
from app.demo.green_paper_texts_town import BESTUUR, BUITENRUIMTE, RUIMTE, VEILIGHEID

# (title, final Markdown) per section, in order; titles as the organization's language
# has them. A title after the usual four is a section the chef added.
PAPERS: dict[str, tuple[tuple[str, str], ...]] = {
    "Zorg en Welzijn": ZORG,
    "Burger en Buitenruimte": BUITENRUIMTE,
    "Sport": SPORT,
    "Cultuur en Sociale economie": CULTUUR,
    "Ruimtelijke ontwikkeling": RUIMTE,
    "Veiligheid": VEILIGHEID,
    "Burger en Bestuur": BESTUUR,
    "Onderwijs": ONDERWIJS,
}
USUAL_SECTIONS = 4

# What a writer left at the end of a draft for the next one; the final text has none.
DRAFT_NOTES = (
    "*Concept: nog aanvullen na de volgende avond.*",
    "*Nog navragen bij de ambtenaren: kloppen deze bedragen?*",
    "*Wie wil deze tekst nog inkorten? Graag vóór de volgende avond.*",
    "*Wordt aangevuld: we werken dit punt in tweetallen uit.*",
    "*Concept, nog niet in de groep besproken.*",
)

# The board's reason per theme, 19 April 2011: every theme goes on.
DECISIONS = {
    "Zorg en Welzijn": (
        "Het groenboek laat goed zien waar de druk op de Wmo vandaan komt en houdt de "
        "kwetsbare inwoners in het oog. Het thema gaat door; het college vraagt in het witboek "
        "de wijkteams door te rekenen, met de kosten van de overgang erbij."
    ),
    "Burger en Buitenruimte": (
        "Een helder groenboek dat eerlijk zegt dat besparen op afval en riolering de algemene "
        "begroting niet helpt. Het college ziet in beheer door bewoners en ander maaibeheer een "
        "goede basis voor het witboek."
    ),
    "Sport": (
        "Het college waardeert dat de groep verder kijkt dan de subsidies en de accommodaties "
        "centraal zet. Het thema gaat door; bij voorstellen over tarieven horen steeds de "
        "gevolgen voor jeugd en minima."
    ),
    "Cultuur en Sociale economie": (
        "Het groenboek verbindt cultuur en sociale economie op een verrassende manier. Het "
        "thema gaat door; breng bij het cultuurhuis eerst de looptijd van de huurcontracten en "
        "de gevolgen voor de instellingen in beeld."
    ),
    "Ruimtelijke ontwikkeling": (
        "De groep beschrijft scherp wat de teruglopende bouwproductie betekent. Het thema gaat "
        "door, met de vraag om kostendekkende leges en het ene loket concreet uit te werken."
    ),
    "Veiligheid": (
        "Het college deelt de analyse dat de bijdrage aan de veiligheidsregio maar beperkt te "
        "beïnvloeden is, en steunt de keuze om toezicht en handhaving gerichter in te zetten. "
        "Het thema gaat door naar het witboek."
    ),
    "Burger en Bestuur": (
        "Het college waardeert dat de groep ook het bestuur zelf niet uitzondert en "
        "bereikbaarheid voor iedereen als kader neemt. Het thema gaat door. Laat bij "
        "samenwerking met buurgemeenten de kosten van de eerste jaren en de risico's apart zien."
    ),
    "Onderwijs": (
        "Een zorgvuldig groenboek dat de jongste kinderen centraal zet. Het thema gaat door; "
        "bespreek voorstellen over peuterspeelzalen en leerlingenvervoer vroeg met de "
        "schoolbesturen en met ouders."
    ),
}

# Who writes a comment: "chef", "annelies", or the n-th of the group's active writers.
Author = int | str


@dataclass(frozen=True)
class DemoComment:
    section: str
    author: Author
    body: str
    days_after: int  # after the section's first text
    replies: tuple[tuple[Author, str], ...] = ()
    hidden_reason: str | None = None  # the chef hid it, with this reason


COMMENTS: dict[str, tuple[DemoComment, ...]] = {
    "Burger en Bestuur": (
        DemoComment(
            "Het probleem",
            0,
            "Horen de kosten van raad en college echt bij de taakstelling? Ik vind het een goed "
            "signaal als het bestuur zelf ook inlevert, maar ik lees nog nergens hoeveel daar "
            "te halen valt.",
            1,
            (
                (1, "Volgens de begroting is dat samen ongeveer € 1,2 miljoen. De vergoedingen "
                 "liggen wettelijk vast, de ondersteuning en de vergaderkosten niet. Ik zet het "
                 "erbij."),
                ("chef", "Ik vraag de griffie om een overzicht van wat de raad zelf kan "
                 "beïnvloeden; dat ligt er voor de derde avond."),
            ),
        ),
        DemoComment(
            "Richtingen om te verkennen",
            2,
            "Samenwerken met buurgemeenten bij de ICT klinkt goed, maar zulke trajecten kosten "
            "eerst geld en lopen vaak uit. Kunnen we dat eerlijk opschrijven?",
            2,
            ((0, "Eens. Het staat nu bij de richting: eerst kosten, pas daarna opbrengst."),),
        ),
        DemoComment(
            "Wat inwoners ons vertelden",
            3,
            "Aan de balie word ik steeds van het kastje naar de muur gestuurd, altijd door "
            "dezelfde medewerker bij loket 3. Iedereen weet wel wie ik bedoel. Wat mij betreft "
            "gaat daar als eerste het mes in.",
            1,
            hidden_reason=(
                "Deze reactie wijst een medewerker aan. Kritiek op de dienstverlening is "
                "welkom, maar niet op personen. Wilt u uw ervaring opnieuw delen, zonder "
                "iemand aan te wijzen?"
            ),
        ),
        DemoComment(
            "Wat inwoners ons vertelden",
            3,
            "Dan opnieuw, zonder iemand aan te wijzen: wie met een ingewikkelde vraag aan de "
            "balie komt, moet in één keer goed geholpen worden. Nu moet je vaak terugkomen.",
            3,
            (
                (4, "Herkenbaar. Dat pleit voor één klantcontactcentrum waar een vraag één keer "
                 "wordt beantwoord."),
                ("chef", "Dank jullie. Ik zet het op de agenda van de volgende avond."),
            ),
        ),
        DemoComment(
            "Kaders",
            5,
            "Bij het eerste kader: kun je een afspraak straks ook telefonisch maken, en niet "
            "alleen via de website?",
            2,
            ((2, "Dat is de bedoeling. Het staat bij de ervaringen van inwoners, en we nemen "
              "het mee in het witboek."),),
        ),
    ),
    "Zorg en Welzijn": (
        DemoComment(
            "Kaders",
            0,
            "Valt de huishoudelijke hulp onder 'kwetsbare inwoners ontzien'? Voor veel ouderen "
            "is dat precies de hulp waardoor ze thuis kunnen blijven wonen.",
            1,
            (
                (1, "Zo lezen wij het ook. Het gaat ons om hoe de hulp georganiseerd is, niet "
                 "om wie hem krijgt."),
                ("chef", "Ik zet de vraag op de agenda; dan kan de beleidsmedewerker Wmo "
                 "toelichten wat de wet precies vraagt."),
            ),
        ),
        DemoComment(
            "Wat inwoners ons vertelden",
            2,
            "Mooi dat deze ervaringen erin staan. Misschien ook iets over jonge mantelzorgers? "
            "Die vallen vaak buiten beeld.",
            2,
            ((0, "Goede aanvulling, ik vraag het na bij het Centrum voor Jeugd en Gezin."),),
        ),
    ),
    "Onderwijs": (
        DemoComment(
            "Het probleem",
            "annelies",
            "Het verschil tussen kinderen die wel en niet naar de peuterspeelzaal gingen, zie "
            "je in groep 3 meteen. Laten we dat in het witboek ook met cijfers onderbouwen.",
            1,
            (
                (0, "Eens. De beleidsmedewerker onderwijs heeft cijfers over het bereik van de "
                 "VVE; ik vraag ze op."),
                ("chef", "Ik zet het op de agenda van de derde avond."),
            ),
        ),
    ),
    "Sport": (
        DemoComment(
            "Richtingen om te verkennen",
            0,
            "Bij 'tarieven herzien': graag een voorbeeld voor een gemiddelde "
            "jeugdvoetbalclub, zodat we zien wat het per lid betekent.",
            1,
            ((1, "Ik heb de tarieven van vorig seizoen; ik reken het voor de volgende avond "
              "uit."),),
        ),
    ),
    "Veiligheid": (
        DemoComment(
            "Het probleem",
            0,
            "Klopt het dat er over het cameratoezicht nog geen evaluatie is? Dan is dat onze "
            "eerste vraag aan de ambtenaren.",
            2,
        ),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class DemoInput:
    body: str
    given_at: tuple[int, int, int, int, int]  # Zeist wall-clock time
    answer: str
    answered_at: tuple[int, int, int, int, int]


# The council workshop of April 2011: a councillor's input, answered by the group's chef.
WORKSHOP: dict[str, tuple[DemoInput, ...]] = {
    "Burger en Bestuur": (
        DemoInput(
            "Goed dat het bestuur niet is uitgezonderd. Neem in het witboek ook het aantal "
            "commissies en de vergaderfrequentie van de raad mee; daar zit meer dan alleen de "
            "vergoedingen.",
            (2011, 4, 21, 20, 15),
            "Dank u. De groep neemt dit mee. De griffie levert voor de eerste witboekavond een "
            "overzicht van de vergaderkosten per commissie.",
            (2011, 4, 26, 10, 30),
        ),
        DemoInput(
            "Bij 'alleen op afspraak' aan de balie: hoe blijft de gemeente bereikbaar voor "
            "inwoners die geen computer hebben of slecht ter been zijn?",
            (2011, 4, 21, 20, 40),
            "Voor de groep is dat een harde voorwaarde (zie de kaders). In het witboek werken we "
            "uit dat een afspraak ook telefonisch kan en dat er een inloopmoment blijft voor wie "
            "dat nodig heeft.",
            (2011, 4, 26, 10, 45),
        ),
    ),
    "Onderwijs": (
        DemoInput(
            "Vaste opstapplaatsen in het leerlingenvervoer kunnen voor veel kinderen werken, "
            "maar let op kinderen met een zware beperking. Betrek hun ouders bij de uitwerking.",
            (2011, 4, 21, 21, 5),
            "Dank u, dat is ook de lijn van de groep: wie vervoer van deur tot deur echt nodig "
            "heeft, houdt het. We nodigen ouders uit voor de eerste witboekavond.",
            (2011, 4, 27, 14, 0),
        ),
    ),
}
