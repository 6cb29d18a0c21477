"""The Zeist savings proposals of 2011, as data: illustrative measures for a town of some
60,000 people (nobody is quoted). Each starts with a line "title | structural saving a
full year, in thousands of euros | one-off cost in 2012, in thousands | budget lines",
and the indented lines below it are its summary. A budget line is the last two digits of
its code in the theme, or a whole code for a line of a neighbouring theme (those few
proposals overlap with another theme, as the double-counting check should find).
The social themes are in proposal_texts_social.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProposalSpec:
    title: str
    summary: str
    saves: int  # euros a full year, structural
    costs: int  # euros once, in the first year
    lines: tuple[str, ...]  # "02" in the theme, or a whole code of another theme


def parse(block: str) -> tuple[ProposalSpec, ...]:
    specs: list[ProposalSpec] = []
    head: list[str] = []
    summary: list[str] = []

    def close() -> None:
        if head:
            title, saves, costs, lines = (part.strip() for part in head)
            specs.append(
                ProposalSpec(
                    title,
                    " ".join(summary),
                    int(saves) * 1000,
                    int(costs) * 1000,
                    tuple(lines.split()),
                )
            )

    for line in block.strip("\n").splitlines():
        if line.startswith(" "):
            summary.append(line.strip())
        else:
            close()
            head, summary = line.split("|"), []
    close()
    return tuple(specs)


_TOWN = {
    "Burger en Buitenruimte": """
Ledverlichting in alle straten | 140 | 380 | 02
    Vervang de oude lampen van de straatverlichting door led. Dat kost eenmalig geld, maar de
    stroomrekening daalt fors.
Verlichting 's nachts dimmen | 45 | 20 | 02
    Dim de lantaarnpalen tussen 0.00 en 6.00 uur tot de helft, behalve bij kruisingen en
    fietspaden.
Minder maairondes in de bermen | 95 | 0 | 03
    Maai de bermen buiten de kernen twee keer per jaar in plaats van vijf. Dat is ook beter voor
    bloemen en insecten.
Gras in plaats van heesters | 60 | 70 | 03
    Vervang bewerkelijke heesterperken in woonwijken door gras of bodembedekkers.
Bewoners adopteren het groen | 35 | 15 | 03
    Laat buurten een stuk groen zelf onderhouden, met gereedschap en advies van de gemeente.
Onkruid branden in plaats van wieden | 40 | 30 | 06
    Bestrijd onkruid op verharding met hete lucht en minder vaak, alleen waar het nodig is.
Veegrondes op maat | 55 | 0 | 06
    Veeg winkelstraten vaak en rustige woonstraten minder vaak, op basis van metingen.
Groot onderhoud wegen uitstellen | 180 | 0 | 01
    Stel het groot onderhoud aan wegen die nog veilig zijn twee jaar uit.
Wegen samen met riolering aanpakken | 120 | 0 | 01 05
    Combineer werk aan wegen en riool, zodat de straat maar één keer open gaat.
Diftar: betalen per container | 210 | 250 | 04
    Laat huishoudens betalen naar hoe vaak zij de restafvalcontainer aan de straat zetten.
Restafval eens per twee weken | 150 | 0 | 04
    Haal restafval eens per twee weken op en gft elke week in de zomer.
Afval samen met Bunnik inzamelen | 110 | 60 | 04
    Deel wagens, routes en personeel voor afvalinzameling met een buurgemeente.
Kostendekkende rioolheffing | 130 | 0 | 05
    Reken alle kosten van de riolering door in de rioolheffing, zoals de wet toestaat.
Minder speelplekken, betere speelplekken | 40 | 90 | 07
    Bundel kleine, weinig gebruikte speelplekken tot minder, maar aantrekkelijkere plekken.
Kostendekkende tarieven begraven | 45 | 0 | 08
    Breng de leges voor begraven en grafrechten op het niveau van de kosten.
Begraafplaatsen natuurlijker beheren | 20 | 0 | 08 03
    Laat delen van de begraafplaatsen verruigen en maai daar minder.
Geen bloembakken meer in het centrum | 25 | 0 | 03
    Stop met de zomerse bloembakken in het centrum, of laat ondernemers ze betalen.
Sneeuwruimen alleen op hoofdroutes | 30 | 0 | 01
    Strooi en ruim sneeuw alleen op hoofdwegen, busroutes en fietsroutes naar scholen.
Meldingen openbare ruimte via de app | 25 | 40 | 01 06
    Laat inwoners meldingen doen met een app met foto en plaats, zodat minder inspectierondes
    nodig zijn.
Bomen pas kappen na inspectie | 20 | 0 | 03
    Vervang het vaste kapschema door inspectie per boom.
Zwerfvuil met vrijwilligers | 20 | 5 | 06
    Ondersteun buurtgroepen die zwerfvuil opruimen, en veeg minder vaak langs singels.
Onderhoud groen aanbesteden | 85 | 30 | 03
    Besteed het onderhoud van het groen in één keer aan voor vier jaar.
Kleinere gemeentewerf | 35 | 50 | 01 03
    Verkoop een deel van het terrein van de gemeentewerf en werk vanuit één werf.
Hondenbelasting voor schoon groen | 30 | 0 | 03
    Verhoog de hondenbelasting en gebruik die voor hondenuitlaatplaatsen.
Oud papier door verenigingen | 25 | 0 | 04
    Laat verenigingen oud papier inzamelen voor een vaste vergoeding per ton.
Speeltoestellen langer gebruiken | 25 | 0 | 07
    Vervang speeltoestellen pas als de keuring dat vraagt, niet na een vast aantal jaren.
Grondstoffen uit afval verkopen | 40 | 20 | 04
    Haal meer plastic en textiel apart op en verkoop de grondstoffen.
""",
    "Sport": """
Twee zwembaden samenvoegen | 240 | 300 | 03
    Sluit het oude binnenbad en breng alle uren onder in het andere bad, met ruimere
    openingstijden.
Zwembad uitbesteden aan een exploitant | 120 | 40 | 03
    Laat een zwembadexploitant het bad runnen voor een vaste, lagere bijdrage.
Tarieven zwembad omhoog | 45 | 0 | 03
    Verhoog de tarieven van het zwembad met 10 procent, met korting voor minima.
Sportvelden door clubs onderhouden | 90 | 20 | 02
    Laat voetbal- en hockeyclubs zelf hun velden onderhouden, met een vaste vergoeding.
Kunstgras in plaats van natuurgras | 40 | 150 | 02
    Vervang twee natuurgrasvelden door één kunstgrasveld dat veel meer uren kan worden gebruikt.
Sportparken samenvoegen | 110 | 120 | 02
    Breng de clubs van het kleinste sportpark onder op de andere parken en verkoop de grond.
Subsidie sportverenigingen 10 procent lager | 32 | 0 | 05
    Verlaag de subsidie aan alle sportverenigingen met 10 procent, met ontzien van jeugdleden.
Subsidie alleen nog voor jeugdleden | 55 | 0 | 05
    Geef verenigingen alleen nog subsidie per jeugdlid, niet meer voor volwassen leden.
Huur sporthallen kostendekkend | 85 | 0 | 01
    Verhoog de huur van sporthallen en gymzalen stap voor stap tot de kosten.
Gymzalen beter bezetten | 35 | 0 | 01
    Verhuur gymzalen 's avonds en in het weekend aan meer gebruikers.
Eén gymzaal sluiten | 60 | 25 | 01
    Sluit de oudste gymzaal; de scholen gaan naar een sporthal vlakbij.
Buurtsportwerk samen met de scholen | 45 | 0 | 04
    Laat buurtsportcoaches deels door scholen en clubs betalen.
Minder sportevenementen | 50 | 0 | 06
    Steun nog twee grote sportevenementen per jaar in plaats van zes.
Evenementen door sponsors | 30 | 0 | 06
    Laat sportevenementen meer betalen uit sponsoring en inschrijfgeld.
Zonnepanelen op sporthallen | 25 | 120 | 01
    Leg zonnepanelen op de daken van de sporthallen.
Energie besparen in het zwembad | 45 | 160 | 03
    Isoleer het bad, gebruik een afdekzeil en een warmtepomp.
Sportstimulering via de clubs | 40 | 0 | 04
    Stop de eigen sportstimulering en geef clubs een kleine vergoeding voor open lessen.
Kantines mee laten betalen | 30 | 0 | 02 05
    Laat clubs met een goedlopende kantine meer bijdragen aan het onderhoud.
Geen gratis gebruik meer voor scholen buiten schooltijd | 15 | 0 | 01
    Scholen die hallen gebruiken voor naschoolse activiteiten betalen het gewone tarief.
Beheer sporthallen in één stichting | 70 | 50 | 01
    Breng het beheer van alle hallen onder in één stichting met minder overhead.
Kleedkamers delen | 20 | 30 | 02
    Laat clubs op hetzelfde park kleedkamers delen, zodat een gebouw weg kan.
Tennisbanen aan de club verkopen | 25 | 0 | 02
    Verkoop de tennisbanen voor een symbolisch bedrag aan de tennisclub.
Schoolzwemmen afschaffen | 60 | 0 | 03
    Stop de bijdrage aan het schoolzwemmen; ouders regelen zwemles zelf.
Onderhoud velden minder vaak | 25 | 0 | 02
    Sleep en bemest de velden minder vaak, volgens een nieuw onderhoudsplan.
Sport in de openbare ruimte | 15 | 45 | 04
    Leg eenvoudige sporttoestellen in parken aan in plaats van nieuwe zalen.
Vrijwilligers in het zwembad | 20 | 0 | 03
    Laat vrijwilligers kassa en kantine van het zwembad doen.
""",
    "Ruimtelijke ontwikkeling": """
Parkeertarieven centrum omhoog | 180 | 0 | 06
    Verhoog het uurtarief in het centrum met 20 cent en breid betaald parkeren uit naar de
    zaterdag.
Parkeervergunningen kostendekkend | 70 | 0 | 06
    Breng de prijs van bewonersvergunningen op het niveau van de kosten van handhaving.
Parkeerautomaten vervangen door bellen | 40 | 60 | 06
    Laat parkeerders via de telefoon betalen en haal de helft van de automaten weg.
Bestemmingsplannen digitaal en samen | 90 | 40 | 01
    Maak bestemmingsplannen voor grotere gebieden tegelijk en volledig digitaal.
Leges omgevingsvergunning kostendekkend | 150 | 0 | 02
    Verhoog de leges voor bouwvergunningen tot de werkelijke kosten.
Vergunningen samen met de buurgemeenten | 120 | 80 | 02 03
    Breng de behandeling van vergunningen onder in een gezamenlijke dienst met buurgemeenten.
Toezicht op bouw op basis van risico | 80 | 0 | 03
    Controleer alleen nog bouwwerken met een hoog risico vaak; eenvoudige verbouwingen
    steekproefsgewijs.
Plankosten doorrekenen aan ontwikkelaars | 160 | 0 | 05
    Reken alle plankosten door aan projectontwikkelaars via anterieure overeenkomsten.
Minder externe adviseurs | 110 | 0 | 01 05
    Huur minder externe adviseurs in voor ruimtelijke projecten en bouw eigen kennis op.
Woonbeleid terug naar de kern | 65 | 0 | 04
    Stop met eigen woonprogramma's boven de wettelijke taak; werk via de woningcorporaties.
Milieubeleid samenvoegen met de regio | 70 | 0 | 07
    Laat de regionale milieudienst meer taken uitvoeren, met minder eigen beleidsmedewerkers.
Duurzaamheidsprojecten alleen met subsidie | 55 | 0 | 07
    Begin alleen nog duurzaamheidsprojecten waar de provincie of het Rijk meebetaalt.
Bedrijvenloket digitaal | 35 | 25 | 08
    Laat ondernemers hun zaken online regelen en maak het loket kleiner.
Citymarketing overlaten aan ondernemers | 60 | 0 | 08
    Laat de ondernemersvereniging citymarketing betalen via een reclamebelasting.
Minder verkeerstellingen en onderzoeken | 25 | 0 | 06
    Doe alleen verkeersonderzoek als er een concreet plan ligt.
Fietsenstalling centrum door vrijwilligers | 30 | 0 | 06
    Laat de bewaakte fietsenstalling door vrijwilligers en re-integratiekandidaten runnen.
Welstand alleen in het centrum | 45 | 0 | 02 03
    Schaf welstandstoetsing af buiten het centrum en beschermde gezichten.
Grond verkopen in plaats van verhuren | 35 | 0 | 05
    Verkoop snippergroen en verhuurde gemeentegrond aan de gebruikers.
Handhaving parkeren uitbesteden | 50 | 0 | 06
    Besteed de parkeercontrole uit aan een bedrijf dat per controle betaald wordt.
Minder inspraakavonden, meer online | 20 | 10 | 01
    Houd inspraak op plannen vaker online en organiseer minder avonden.
Eén projectbureau voor alle gebieden | 75 | 0 | 05
    Voeg de projectteams per gebied samen in één bureau.
Leges voor principeverzoeken | 25 | 0 | 02
    Vraag leges voor een principeverzoek, te verrekenen met de vergunning.
Geen eigen energieloket meer | 30 | 0 | 07
    Sluit het eigen energieloket en verwijs naar het regionale loket.
Monitoring woningbouw met de provincie | 15 | 0 | 04
    Gebruik de cijfers van de provincie in plaats van eigen monitoring.
Vergunningvrij bouwen verruimen | 40 | 0 | 02
    Maak meer kleine bouwwerken vergunningvrij, zodat minder aanvragen binnenkomen.
Economische visie met de regio | 25 | 0 | 08
    Schrijf de economische visie samen met de regio en stop het eigen programma.
Parkeergarage 's nachts open voor bewoners | 30 | 15 | 06
    Verhuur plaatsen in de parkeergarage 's nachts aan bewoners.
""",
    "Veiligheid": """
Bijdrage veiligheidsregio omlaag | 90 | 0 | 01
    Vraag de veiligheidsregio om een lagere bijdrage, in overleg met de andere gemeenten.
Kazernes samenvoegen | 110 | 200 | 01
    Voeg de twee brandweerkazernes samen in één nieuwe kazerne op een centrale plek.
Minder vaste boa's, meer flexibel | 60 | 0 | 03
    Zet boa's in op de momenten en plekken waar het nodig is, met minder vaste diensten.
Boa's samen met Bunnik | 55 | 20 | 03
    Deel een team boa's met een buurgemeente.
Cameratoezicht alleen in het uitgaansgebied | 45 | 10 | 05
    Haal camera's weg op plekken waar weinig gebeurt.
Cameratoezicht op afroep | 40 | 0 | 05
    Bekijk de beelden alleen na een melding in plaats van live.
Buurtpreventie met WhatsApp-groepen | 30 | 5 | 04
    Ondersteun buurtpreventie met WhatsApp-groepen in plaats van eigen projecten.
Integraal veiligheidsplan met de regio | 35 | 0 | 04
    Schrijf het veiligheidsplan samen met de regio en verminder eigen beleid.
Horecavergunning kostendekkend | 40 | 0 | 06
    Breng de leges voor drank- en horecavergunningen op het niveau van de kosten.
Minder APV-regels | 25 | 0 | 06
    Schrap regels in de APV waarop niet wordt gehandhaafd.
Oefeningen rampenbestrijding regionaal | 20 | 0 | 02
    Oefen rampenbestrijding samen met buurgemeenten.
Crisisteam met de buurgemeenten | 25 | 0 | 02
    Deel de piketdiensten voor crisisbeheersing met buurgemeenten.
Vrijwillige brandweer versterken | 50 | 30 | 01
    Werf meer vrijwilligers zodat minder beroepskrachten nodig zijn.
Preventie door de brandweer in scholen | 15 | 0 | 01 04
    Laat de brandweer voorlichting geven via het onderwijs, zonder eigen campagnes.
Evenementen betalen hun eigen toezicht | 30 | 0 | 03 06
    Organisatoren van grote evenementen betalen de inzet van boa's.
Handhaving horeca samen met de politie | 20 | 0 | 06
    Controleer horeca samen met de politie in vaste acties.
Minder hondenpoep-controles | 15 | 0 | 03
    Stop de speciale controles op hondenpoep; neem het mee in de gewone rondes.
Veiligheidshuis regionaal | 30 | 0 | 04
    Breng de zorg- en veiligheidsoverleggen onder in het regionale veiligheidshuis.
Boetes innen via het CJIB | 15 | 10 | 03
    Laat het CJIB alle boetes innen in plaats van de eigen administratie.
Camera's door ondernemers betaald | 25 | 0 | 05
    Laat winkeliers meebetalen aan camera's in het winkelgebied.
Geen eigen rampenplan-drukwerk | 10 | 0 | 02
    Verspreid informatie over rampen alleen nog digitaal.
Jongerenwerk en handhaving samen | 25 | 0 | 03 04
    Laat jongerenwerk en boa's samen rondes lopen, zodat minder extra inzet nodig is.
Blusvoertuigen langer gebruiken | 40 | 0 | 01
    Gebruik blusvoertuigen twee jaar langer dan gepland.
Alcoholcontroles bij sportkantines steekproefsgewijs | 10 | 0 | 06
    Controleer kantines steekproefsgewijs in plaats van allemaal elk jaar.
Keurmerk veilig ondernemen door ondernemers | 15 | 0 | 04
    Laat de ondernemersvereniging het keurmerk veilig ondernemen trekken.
""",
}

TOWN: dict[str, tuple[ProposalSpec, ...]] = {theme: parse(block) for theme, block in _TOWN.items()}
