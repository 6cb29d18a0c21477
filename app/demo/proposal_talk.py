"""What people wrote around the Zeist proposals in May and June 2011: how a measure is
carried out, what it means for people, comments and replies, questions to the officials
and their answers, review notes, and the chefs' introductions to their white papers.
Illustrative texts; nobody is quoted."""

from __future__ import annotations

# How a measure would be carried out; one is added to the summary as "the measure".
HOW = (
    "We stellen voor dit in 2012 voor te bereiden en per 1 januari 2013 volledig in te "
    "voeren. Het eerste jaar levert daardoor de helft op.",
    "De gemeente bespreekt dit eerst met de betrokken organisaties. Waar contracten lopen, "
    "gaat de maatregel in zodra ze aflopen.",
    "Een kleine projectgroep van de gemeente en de betrokken partners werkt dit uit. De "
    "eenmalige kosten zitten vooral in de overgang.",
    "Dit kan stap voor stap: eerst een proef in één wijk, daarna overal als de proef slaagt.",
    "De raad moet hiervoor een verordening of tarieventabel aanpassen. Dat kan bij de "
    "begroting 2012.",
    "Medewerkers die hierdoor ander werk krijgen, gaan mee naar de nieuwe organisatie of "
    "krijgen een plek via het mobiliteitsbureau.",
)

# What it means for people, per theme (two are chosen).
CONSEQUENCES: dict[str, tuple[str, ...]] = {
    "Zorg en Welzijn": (
        "Ouderen en mensen met een beperking merken dit het eerst; voor minima blijft een vangnet.",
        "Mantelzorgers krijgen het misschien drukker. Goede ondersteuning is daarom nodig.",
        "Welzijnsorganisaties moeten anders gaan werken; dat kost tijd en overleg.",
        "Mensen moeten vaker zelf of met hun omgeving iets regelen voordat de gemeente helpt.",
    ),
    "Burger en Buitenruimte": (
        "De openbare ruimte ziet er op sommige plekken minder verzorgd uit.",
        "Inwoners kunnen meer klachten krijgen over onkruid en zwerfvuil.",
        "Buurten die zelf meedoen, houden hun straat zoals ze die willen.",
        "De kosten komen meer te liggen bij wie de voorziening gebruikt.",
    ),
    "Sport": (
        "Verenigingen moeten meer zelf doen of hun contributie verhogen.",
        "Voor gezinnen met een laag inkomen moet sport betaalbaar blijven.",
        "Sommige sporters moeten verder reizen naar hun training.",
        "Vrijwilligers bij de clubs krijgen meer werk.",
    ),
    "Cultuur en Sociale economie": (
        "Het aanbod in de kernen wordt kleiner; het centrum houdt een volledig aanbod.",
        "Culturele organisaties moeten meer eigen inkomsten vinden.",
        "Mensen in de sociale werkvoorziening houden werk, maar soms op een andere plek.",
        "Kinderen blijven in aanraking komen met cultuur via de school.",
    ),
    "Ruimtelijke ontwikkeling": (
        "Ondernemers en bezoekers van het centrum betalen meer.",
        "Aanvragers betalen meer leges, maar krijgen sneller antwoord.",
        "De gemeente heeft minder eigen kennis en leunt meer op de regio.",
        "Bewoners merken er weinig van, behalve bij parkeren.",
    ),
    "Veiligheid": (
        "De veiligheid mag er niet onder lijden; de brandweer blijft binnen de normtijden.",
        "Op rustige plekken is minder toezicht te zien.",
        "Buurten krijgen een grotere rol in hun eigen veiligheid.",
        "Organisatoren van evenementen betalen meer.",
    ),
    "Burger en Bestuur": (
        "Inwoners regelen meer digitaal; voor wie dat niet kan, blijft de balie.",
        "Medewerkers krijgen een andere werkplek of ander werk.",
        "De dienstverlening blijft op hetzelfde niveau, met minder mensen.",
        "Het bestuur wordt kleiner, maar blijft even bereikbaar.",
    ),
    "Onderwijs": (
        "Ouders en kinderen merken dit direct; de wettelijke zorgplicht blijft.",
        "Scholen moeten meer samenwerken en soms gebouwen delen.",
        "Kinderen met een achterstand blijven de hulp krijgen die ze nodig hebben.",
        "Ouders met een hoger inkomen betalen meer mee.",
    ),
}

# How a proposal touches a council framework, by the framework's number.
FRAMEWORK_NOTES = {
    1: "De besparing is structureel; alleen het eerste jaar is een overgangsjaar.",
    2: "Voor inwoners met een laag inkomen komt een uitzondering, zodat zij niet harder "
    "worden getroffen.",
    3: "Het gaat om taken boven het wettelijke niveau; de wettelijke taak blijft.",
    4: "Dit verhoogt een tarief. Het blijft een vergoeding voor een dienst, niet een "
    "algemene lastenverhoging.",
}

COMMENTS = (
    "Goed idee. Ik vraag me alleen af of de opbrengst in het eerste jaar niet te hoog is "
    "ingeschat.",
    "Ik steun dit. In mijn vorige gemeente werkte het ook, al duurde de invoering langer.",
    "Wie betaalt de overgangskosten als de partners niet meewerken?",
    "Is hierover al met de betrokken organisaties gesproken? Zonder hen gaat het niet.",
    "Ik mis de gevolgen voor mensen met een laag inkomen. Kunt u die toevoegen?",
    "Dit raakt ook aan een voorstel van een andere groep. Laten we voorkomen dat we "
    "hetzelfde geld twee keer tellen.",
    "Prima voorstel, maar begin met een proef. Dan weten we wat het echt oplevert.",
    "Ik ben het er niet mee eens. De besparing is klein en het effect voor inwoners groot.",
    "Kunnen vrijwilligers dit echt dragen? Veel verenigingen hebben nu al te weinig mensen.",
    "Helder uitgewerkt. De tabel met bedragen maakt het goed te volgen.",
    "Misschien kan het nog verder: samen met meer gemeenten is de schaal groter.",
    "Zou de raad hiermee instemmen? Het ligt politiek gevoelig.",
    "Ik heb hier beroepsmatig mee te maken. De eenmalige kosten zijn eerder hoger dan lager.",
    "Een goed begin. Wel graag een termijn waarop we evalueren.",
    "De gevolgen voor medewerkers zijn nog onduidelijk. Kan de groep dat uitzoeken?",
)

REPLIES = (
    "Terecht punt. We hebben de bedragen voor 2012 naar beneden bijgesteld.",
    "Daar hebben we met de ambtenaar over gesproken; het antwoord staat bij de vragen.",
    "Eens, een proef in één wijk lijkt ons verstandig.",
    "Dat klopt niet helemaal: de wettelijke taak blijft gewoon bestaan.",
    "We nemen dit mee in de volgende versie.",
    "Goede aanvulling, dank u.",
    "Ik deel die zorg. Laten we het op de volgende avond bespreken.",
    "De overgangskosten zitten in het eenmalige bedrag voor 2012.",
)

RUDE = "Wat een onzin weer. Jullie hebben er duidelijk geen verstand van."
HIDDEN_REASON = (
    "Deze reactie valt mensen persoonlijk aan. Kritiek op het voorstel is welkom, graag zakelijk."
)
FLAG_REASON = "Dit lijkt me niet over het voorstel te gaan."

QUESTIONS = (
    "Wat kost {line} nu precies per jaar, en welk deel daarvan ligt vast in contracten?",
    "Hoeveel inwoners maken op dit moment gebruik van {line}?",
    "Lopen er contracten voor {line} die een besparing voor 2013 in de weg zitten?",
    "Is er al eerder onderzoek gedaan naar besparingen op {line}?",
)

ANSWERS = (
    "De begroting 2011 raamt {line} op {budget}. Daarvan kan de gemeente {controllable} "
    "zelf beïnvloeden; de rest ligt vast in contracten en wettelijke taken.",
    "Het contract loopt tot 31 december 2012. Daarna kan de gemeente opnieuw inkopen of "
    "de opdracht verkleinen.",
    "In 2009 is een verkenning gedaan. Die is niet uitgevoerd, omdat de partners toen "
    "niet wilden meewerken. De stukken stuur ik de groep toe.",
    "Het gaat om ruim 1.200 huishoudens. Het aantal stijgt licht, vooral door vergrijzing.",
)

LEGAL_NOTES = (
    "Juridisch mogelijk. Let op de opzegtermijn van de lopende overeenkomst.",
    "Mogelijk, mits de raad de verordening aanpast voordat de maatregel ingaat.",
    "Haalbaar op voorwaarde dat er een hardheidsclausule komt voor bijzondere gevallen.",
    "Er is een inspraakprocedure nodig; houd rekening met bezwaar en beroep.",
)

FINANCIAL_NOTES = (
    "De besparing is iets lager dan opgegeven: de overgangskosten lopen door in 2013.",
    "Bedragen gecontroleerd. Een deel van de opbrengst is afhankelijk van de partners.",
    "Realistisch, al is de opbrengst in het eerste jaar onzeker.",
    "Gerekend met de begroting 2011; de inflatie is niet meegenomen.",
)

REJECTIONS = (
    "Dit gaat in tegen het kader dat kwetsbare inwoners worden ontzien.",
    "De opbrengst is te onzeker en de gevolgen voor inwoners te groot.",
    "Dit is een wettelijke taak; de gemeente kan hier niet op besparen.",
)

MERGES = (
    "Samengevoegd: dit voorstel gaat over hetzelfde als een ander voorstel, dat verder is "
    "uitgewerkt.",
    "Samengevoegd met een voorstel dat dezelfde begrotingspost raakt, zodat we het geld "
    "niet dubbel tellen.",
)

INTRODUCTIONS: dict[str, str] = {
    "Zorg en Welzijn": (
        "Zorg en welzijn is het grootste thema van de begroting. Onze groep heeft gezocht "
        "naar besparingen die **mensen niet in de steek laten**: meer samen, dichter bij huis "
        "en met een vangnet voor wie het zwaar heeft."
    ),
    "Burger en Buitenruimte": (
        "Een schone en veilige openbare ruimte blijft de basis. Wij stellen voor **slimmer** "
        "te onderhouden: minder vaak waar het kan, en samen met bewoners waar zij dat willen."
    ),
    "Sport": (
        "Sport houdt Zeist gezond en verbindt mensen. Onze voorstellen vragen meer van de "
        "clubs, maar laten **de jeugd en de minima** zo veel mogelijk buiten schot."
    ),
    "Cultuur en Sociale economie": (
        "Cultuur maakt Zeist tot wat het is. Wij kiezen voor **minder gebouwen en meer "
        "samenwerking**, en voor werk voor iedereen die kan werken."
    ),
    "Ruimtelijke ontwikkeling": (
        "Wie gebruikmaakt van een dienst, betaalt daar meer aan mee. Dat is de rode draad "
        "van onze voorstellen: **leges en tarieven die de kosten dekken**, en samenwerking in "
        "de regio."
    ),
    "Veiligheid": (
        "Veiligheid staat voorop. Onze voorstellen besparen op de organisatie, **niet op de "
        "hulp** als het erop aankomt."
    ),
    "Burger en Bestuur": (
        "De gemeente begint bij zichzelf. Wij stellen voor het gemeentehuis, de "
        "ondersteuning en het bestuur **kleiner en slimmer** te organiseren."
    ),
    "Onderwijs": (
        "Elk kind verdient goed onderwijs. Wij besparen op **gebouwen en vervoer**, en houden "
        "de hulp aan kinderen met een achterstand overeind."
    ),
}

INTRODUCTION_CLOSING = (
    "\n\nDe voorstellen staan in de volgorde die de groep het belangrijkst vindt. Bij elk "
    "voorstel staan de besparing per jaar, de gevolgen voor inwoners en de toetsing door "
    "de jurist en de financieel adviseur. Wij danken alle experts voor hun inzet op de "
    "avonden en daartussen."
)
