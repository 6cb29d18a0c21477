"""What Zeist's officials wrote on the product sheets in the summer of 2011: short, plain
paragraphs for each field, chosen per proposal and filled in with its own numbers. The
staff effect is in fte, as the municipality's formation counts it."""

from __future__ import annotations

STAFF_NONE = (
    "Geen gevolgen voor de formatie. Het werk verandert van vorm, niet van omvang.",
    "De maatregel raakt geen formatieplaatsen van de gemeente. De uitvoering blijft bij het "
    "huidige team.",
    "Geen effect op het aantal fte. De taak verschuift binnen de afdeling.",
)

STAFF_LESS = (
    "De formatie neemt af met {fte} fte. Dat gaat via natuurlijk verloop: in 2012 en 2013 "
    "lopen er contracten af en gaan medewerkers met pensioen. Gedwongen ontslagen zijn niet "
    "nodig.",
    "Er vervallen {fte} fte. De betrokken medewerkers komen met voorrang in aanmerking voor "
    "vacatures elders in de organisatie (van-werk-naar-werk).",
    "Minder werk bij de gemeente: {fte} fte. De afdeling vangt dit op door vacatures niet "
    "opnieuw te vullen.",
)

STAFF_TEMPORARY = (
    "Voor de invoering is in 2012 tijdelijk {fte} fte extra nodig (projectleiding). Dat is "
    "verwerkt in de eenmalige kosten. Daarna verandert de formatie niet.",
    "In het eerste jaar kost de overgang {fte} fte aan begeleiding. Die uren komen uit het "
    "bestaande budget voor inhuur.",
)

LEGAL = (
    "Er is geen wettelijke belemmering. De gemeente is vrij om het niveau van deze taak zelf "
    "te bepalen.",
    "De verordening moet worden aangepast. De raad stelt de wijziging vast; daarna geldt een "
    "overgangstermijn van drie maanden.",
    "Lopende contracten hebben een opzegtermijn van zes maanden. Bij tijdige opzegging zijn er "
    "geen boetes.",
    "Het subsidieplafond wordt verlaagd. Ontvangers moeten dit een jaar vooraf weten; de "
    "besparing gaat daarom in per 1 januari 2013.",
    "Dit is een wettelijke taak. Het voorstel blijft binnen het wettelijk minimum; de jurist "
    "heeft dat getoetst.",
    "Voor de overdracht aan een andere partij is een aanbesteding nodig. De regels daarvoor "
    "zijn gevolgd in de planning.",
    "De huurovereenkomst kan per 1 juli 2012 worden beëindigd. Er is geen juridisch risico.",
)

RISKS = (
    "Als minder inwoners meedoen dan verwacht, valt de besparing lager uit. De afdeling "
    "volgt dit elk kwartaal.",
    "Het risico is klein. De besparing hangt niet af van anderen.",
    "De samenwerking met de buurgemeenten moet nog worden uitgewerkt. Lukt dat niet voor "
    "2013, dan schuift een deel van de besparing een jaar op.",
    "Er kan weerstand komen van gebruikers. Goede uitleg vooraf en een overgangstermijn "
    "beperken dat.",
    "Partners kunnen taken niet overnemen zonder eigen geld. Dan komt de vraag bij de "
    "gemeente terug.",
    "De eenmalige kosten kunnen hoger uitvallen als de verhuizing van het team uitloopt.",
)

IMPLEMENTATION = (
    "Het college besluit in december 2011. De afdeling informeert de betrokkenen in januari "
    "2012; de maatregel gaat in op 1 april 2012.",
    "Invoering in twee stappen: de helft in 2012, de rest per 1 januari 2013.",
    "Eerst een proef van een half jaar in één wijk. Na de evaluatie in het najaar van 2012 "
    "volgt de hele gemeente.",
    "De opzegging gaat per direct na het raadsbesluit. De besparing telt vanaf de begroting 2012.",
    "Een projectleider begeleidt de overgang. Het team krijgt een opleiding in de nieuwe "
    "werkwijze.",
)

ADVICE = (
    "Het college adviseert de raad de maatregel over te nemen zoals voorgesteld.",
    "Het college adviseert de raad de maatregel over te nemen, met een evaluatie na een jaar.",
    "Overnemen, met een lagere besparing in 2012 dan de groep voorstelde: de invoering kost tijd.",
    "Overnemen. Het college vraagt de raad wel om de gevolgen voor kwetsbare inwoners apart "
    "te volgen.",
)

SENT_BACK = (
    "De besparing in 2012 is te hoog: de maatregel gaat pas in april in. Wilt u het bedrag "
    "voor 2012 aanpassen?",
    "Bij de gevolgen voor de formatie ontbreekt hoe het natuurlijk verloop eruitziet. Wilt u "
    "dat aanvullen?",
    "De juridische paragraaf noemt de opzegtermijn niet. Graag aanvullen voordat ik teken.",
)

# Between the two editions: what the group sharpened after the financial adviser's remarks.
SHARPENED = (
    " Na overleg met de financieel adviseur gaat de maatregel een jaar later volledig in: "
    "de eerste besparing is lager."
)
EDITION_NOTES = (
    "Eerste bundeling van de acht witboeken, voor het overleg met het college.",
    "Tweede editie: één voorstel aangescherpt na de financiële toets en één voorstel "
    "toegevoegd. Deze editie gaat naar de raad.",
)

# In September: what the official added to a sheet sent back for the reason at the same
# place in SENT_BACK (the first is answered by a lower amount for 2012, not a text).
PUT_RIGHT = (
    "",
    " Natuurlijk verloop: in 2012 en 2013 gaan in de betrokken teams drie medewerkers met "
    "pensioen. Wat aan werk verschuift, vangen de teams daarmee op, zonder gedwongen ontslagen.",
    " De lopende contracten hebben een opzegtermijn van zes maanden. De gemeente zegt op direct "
    "na het raadsbesluit van november 2011.",
)
