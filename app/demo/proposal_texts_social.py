"""The proposals of the social themes and of the town's own organization; see
proposal_texts.py for the format."""

from __future__ import annotations

from app.demo.proposal_texts import ProposalSpec, parse

_SOCIAL = {
    "Zorg en Welzijn": """
Huishoudelijke hulp als algemene voorziening | 420 | 60 | 01
    Bied schoonmaakhulp aan als algemene voorziening met een eigen bijdrage, in plaats van als
    maatwerk per indicatie.
Eigen bijdrage Wmo naar het landelijk maximum | 180 | 0 | 01 02
    Vraag voor Wmo-voorzieningen de eigen bijdrage tot het landelijke maximum, met uitzondering
    van minima.
Keukentafelgesprek voor elke aanvraag | 150 | 40 | 01 02
    Voer bij elke Wmo-aanvraag eerst een gesprek over wat iemand zelf en met zijn omgeving kan.
Hulpmiddelen hergebruiken | 110 | 50 | 02
    Richt een depot in voor rolstoelen, scootmobielen en tilliften, zodat ze vaker opnieuw
    worden gebruikt.
Woningaanpassingen eerst via de corporatie | 90 | 0 | 02
    Zoek bij een woningaanpassing eerst een al aangepaste woning bij de corporatie.
Scootmobielpool per wooncomplex | 45 | 30 | 02
    Zet in seniorencomplexen gedeelde scootmobielen neer in plaats van één per persoon.
Maatschappelijk werk en jeugdwerk samen | 130 | 70 | 03 05
    Voeg maatschappelijk werk en het jeugd- en jongerenwerk samen in één welzijnsorganisatie.
Subsidie maatschappelijk werk 10 procent lager | 140 | 0 | 03
    Verlaag de subsidie aan het maatschappelijk werk met 10 procent en vraag meer groepsaanbod.
Ouderenwerk met vrijwilligers | 95 | 0 | 04
    Laat activiteiten voor ouderen meer door vrijwilligers dragen, met een kleine vaste kern
    beroepskrachten.
Eén welzijnsgebouw per wijk | 80 | 60 | 04
    Breng welzijnsactiviteiten per wijk samen in één gebouw en sluit de overige ruimtes.
Centrum voor Jeugd en Gezin in de scholen | 70 | 20 | 05
    Bied de spreekuren van het CJG aan in de scholen en sluit de aparte vestiging.
Consultatiebureau minder vaak bij gezonde kinderen | 50 | 0 | 06
    Zie gezonde kinderen minder vaak op het consultatiebureau, volgens het landelijke minimum.
GGD-taken boven de wet afbouwen | 60 | 0 | 06
    Koop bij de GGD alleen nog het wettelijke basispakket in.
Minimabeleid gerichter | 160 | 0 | 07
    Richt de bijzondere bijstand op wie het echt nodig heeft en schaf de categoriale regelingen
    voor hogere inkomens af.
Collectieve zorgverzekering minima | 90 | 15 | 07
    Bied minima een collectieve zorgverzekering aan in plaats van losse vergoedingen.
Schuldhulp vroeg erbij | 70 | 40 | 07
    Investeer in vroegsignalering van schulden, zodat minder dure schuldsanering nodig is.
Maatschappelijke opvang regionaal inkopen | 50 | 0 | 08
    Koop maatschappelijke opvang samen met de centrumgemeente in.
Verslavingszorg: preventie via scholen | 30 | 0 | 08
    Verschuif geld van individuele begeleiding naar preventie via scholen en sportclubs.
Mantelzorgers beter ondersteunen | 60 | 25 | 01 04
    Ondersteun mantelzorgers met respijtzorg, zodat minder dure zorg nodig is.
Welzijn op recept | 40 | 10 | 04
    Laat huisartsen mensen met eenzaamheid doorverwijzen naar welzijnsactiviteiten in plaats van
    zorg.
Indicaties voor langere tijd | 35 | 0 | 01 02
    Geef bij blijvende beperkingen indicaties voor vijf jaar, zodat minder herbeoordelingen
    nodig zijn.
Vervoer Wmo samen met leerlingenvervoer | 120 | 20 | 02 Z-843-03
    Besteed het Wmo-vervoer en het leerlingenvervoer samen aan.
Subsidies welzijn op resultaat | 75 | 15 | 03 04
    Betaal welzijnsorganisaties op resultaat in plaats van op uren.
Eén loket voor zorg en werk | 85 | 50 | 01 07
    Voeg het Wmo-loket en het loket werk en inkomen samen.
Maaltijdservice zonder subsidie | 40 | 0 | 04
    Laat de maaltijdservice voor ouderen zonder gemeentelijke subsidie draaien.
Huisbezoeken 75-plussers gericht | 30 | 0 | 04 06
    Bezoek alleen 75-plussers met signalen, niet meer alle 75-plussers.
Opvoedondersteuning in groepen | 35 | 0 | 05
    Bied opvoedondersteuning vaker in groepen aan dan individueel.
Algemene voorzieningen in de wijk | 100 | 45 | 01 03
    Zet in op open inloop in de wijk, zodat minder mensen een maatwerkvoorziening nodig hebben.
""",
    "Cultuur en Sociale economie": """
Kleine bibliotheekvestiging sluiten | 140 | 60 | 01
    Sluit de vestiging in Den Dolder; de andere bibliotheken blijven, het dorp krijgt een bibliobus.
Bibliotheek in het cultuurcentrum | 180 | 250 | 01 02
    Breng de centrale bibliotheek onder in het cultuurcentrum en verkoop het pand.
Subsidie bibliotheek 10 procent lager | 175 | 0 | 01
    Verlaag de subsidie aan de bibliotheek met 10 procent; de bibliotheek kiest zelf waar.
Bibliotheekpas duurder voor volwassenen | 45 | 0 | 01
    Verhoog de contributie voor volwassenen; kinderen blijven gratis lid.
Theater met minder subsidie | 120 | 0 | 02
    Verlaag de exploitatiesubsidie van het theater en laat het meer zalen verhuren.
Theater en muziekschool één organisatie | 110 | 80 | 02 03
    Voeg het theater en de muziekschool samen tot één cultuurorganisatie met één directie.
Muziekles op school in plaats van in de muziekschool | 90 | 0 | 03
    Verschuif de subsidie van individuele lessen naar muziekonderwijs in de klas.
Lesgeld muziekschool omhoog | 55 | 0 | 03
    Verhoog het lesgeld voor volwassenen en houd het voor kinderen gelijk.
Slot Zeist door een stichting | 150 | 60 | 04
    Laat een stichting Slot Zeist beheren en programmeren met een vaste, lagere bijdrage.
Meer verhuur van Slot Zeist | 70 | 20 | 04
    Verhuur de zalen van het slot vaker voor bruiloften en congressen.
Monumentensubsidie alleen voor rijksmonumenten | 40 | 0 | 05
    Stop de subsidie voor gemeentelijke monumenten en houd die voor rijksmonumenten.
Monumentenzorg met de regio | 25 | 0 | 05
    Deel de monumentendeskundige met de buurgemeenten.
Sociale werkvoorziening regionaal | 160 | 120 | 06
    Breng het sociale werkbedrijf onder in een regionale organisatie met minder overhead.
Meer detachering vanuit de sociale werkvoorziening | 120 | 30 | 06
    Plaats meer medewerkers bij gewone werkgevers, wat meer opbrengt dan werk in de eigen
    werkplaats.
Groenonderhoud door het werkbedrijf | 70 | 0 | 06 Z-257-03
    Laat het sociaal werkbedrijf meer groenonderhoud doen voor de gemeente.
Re-integratie alleen met uitzicht op werk | 180 | 0 | 07
    Zet re-integratiegeld alleen in voor mensen met een reële kans op werk.
Werkgeversservicepunt met de regio | 60 | 25 | 07
    Benader werkgevers samen met de buurgemeenten via één servicepunt.
Tegenprestatie naar vermogen | 50 | 20 | 07
    Vraag mensen in de bijstand om een maatschappelijke tegenprestatie.
Subsidie lokale omroep halveren | 40 | 0 | 08
    Halveer de bijdrage aan de lokale omroep en help die adverteerders te vinden.
Cultuurprijs en kunstaankopen stoppen | 30 | 0 | 02 05
    Stop met de jaarlijkse cultuurprijs en met de aankoop van kunst.
Eén cultuurloket | 35 | 20 | 02 04
    Laat cultuurorganisaties één gezamenlijke kaartverkoop en website delen.
Amateurkunst: subsidie per activiteit | 30 | 0 | 03
    Geef amateurverenigingen subsidie per openbare activiteit, niet meer een vaste bijdrage.
Gemeentelijke kunstcollectie verkopen | 15 | 0 | 05
    Verkoop een deel van de kunstcollectie en stop de opslagkosten.
Openingstijden bibliotheek aanpassen | 60 | 40 | 01
    Sluit de bibliotheek op maandagochtend en breid de selfservice uit.
Festivals zonder subsidie | 45 | 0 | 02
    Stop met structurele subsidie voor festivals; alleen nog een startbijdrage voor nieuwe.
Participatiebanen bij verenigingen | 40 | 10 | 07
    Plaats mensen met afstand tot werk bij verenigingen, met behoud van uitkering.
Erfgoededucatie via de scholen | 20 | 0 | 05
    Laat scholen het erfgoedprogramma uitvoeren en stop het eigen programma.
""",
    "Burger en Bestuur": """
Backoffice delen met Bunnik | 260 | 150 | 07 08
    Deel personeelszaken, inkoop en de financiële administratie met een buurgemeente.
Minder wethouders | 120 | 0 | 02
    Verklein het college van vijf naar vier wethouders.
Raadscommissies samenvoegen | 40 | 0 | 01
    Breng de vier raadscommissies terug tot twee en vergader minder vaak.
Eén gemeentehuis | 220 | 300 | 06
    Breng alle afdelingen in het hoofdgebouw onder en verkoop de dependance.
Flexibele werkplekken | 90 | 80 | 06
    Werk met acht werkplekken voor tien medewerkers, zodat een verdieping verhuurd kan worden.
Burgerzaken op afspraak | 80 | 20 | 03
    Werk aan de balie van burgerzaken alleen op afspraak; dat vraagt minder mensen aan de balie.
Paspoort thuisbezorgd tegen betaling | 15 | 10 | 03
    Bezorg reisdocumenten thuis tegen een vergoeding.
Leges burgerzaken kostendekkend | 60 | 0 | 03
    Breng de leges voor uittreksels en rijbewijzen op het niveau van de kosten.
Minder stembureaus | 15 | 0 | 04
    Werk met minder, grotere stembureaus op goed bereikbare plekken.
Klantcontactcentrum voor alle vragen | 110 | 60 | 05
    Beantwoord alle vragen via één klantcontactcentrum; de afdelingen worden minder gestoord.
Gemeentekrant alleen digitaal | 45 | 0 | 05
    Stop met de gedrukte gemeentepagina en publiceer digitaal.
Minder communicatieadviseurs | 70 | 0 | 05
    Bundel de communicatieadviseurs in één team met minder formatie.
ICT samen inkopen | 150 | 90 | 07
    Koop software en hardware in met de regio en gebruik minder eigen pakketten.
Minder printers, meer digitaal | 40 | 25 | 07 06
    Werk papierloos en halveer het aantal printers.
Belastingen met de regio heffen | 120 | 60 | 08
    Laat een regionaal belastingkantoor de gemeentelijke belastingen heffen en innen.
Kwijtschelding digitaal toetsen | 35 | 15 | 08
    Toets kwijtschelding automatisch met gegevens van het inlichtingenbureau.
Inhuur externen beperken | 200 | 0 | 07 05
    Huur alleen nog externen in voor tijdelijke, specialistische klussen.
Vacatures niet automatisch vullen | 180 | 0 | 05 07
    Kijk bij elke vacature eerst of het werk anders kan of kan vervallen.
Representatiekosten omlaag | 25 | 0 | 02
    Halveer het budget voor recepties, geschenken en representatie.
Raadsinformatie digitaal | 20 | 30 | 01
    Verstrek raadsstukken alleen nog digitaal, met een tablet voor raadsleden.
Minder onderzoek door externe bureaus | 30 | 0 | 01
    Laat de rekenkamer en de raad minder externe onderzoeken uitvoeren.
Energie besparen in het gemeentehuis | 45 | 120 | 06
    Isoleer het gemeentehuis en vervang de verlichting door led.
Wagenpark verkleinen | 35 | 0 | 06
    Verkoop dienstauto's en gebruik deelauto's en dienstfietsen.
Burgerjaarverslag afschaffen | 10 | 0 | 02 05
    Stop met het aparte burgerjaarverslag; neem het op in het jaarverslag.
Hogere OZB voor niet-woningen | 150 | 0 | 08
    Verhoog de onroerendezaakbelasting voor bedrijven met een paar procent.
Archief digitaliseren en delen | 50 | 80 | 06 07
    Digitaliseer het archief en beheer het samen met het regionaal archief.
Opleidingsbudget gerichter | 40 | 0 | 05
    Besteed het opleidingsbudget alleen nog aan opleidingen die bij de functie horen.
""",
    "Onderwijs": """
Leerlingenvervoer op opstapplaatsen | 140 | 0 | 03
    Haal leerlingen op bij opstapplaatsen in plaats van aan de deur, waar dat kan.
Fietstraining in plaats van taxi | 80 | 30 | 03
    Leer oudere leerlingen zelfstandig reizen met een fietstraining of een ov-training.
Eigen bijdrage leerlingenvervoer | 60 | 0 | 03
    Vraag ouders met een hoger inkomen een eigen bijdrage in het leerlingenvervoer.
Peuterspeelzalen en kinderopvang samen | 160 | 80 | 06
    Voeg peuterspeelzalen samen met de kinderopvang, zodat lokalen en leiding beter worden
    benut.
Ouderbijdrage peuterspeelzaal naar inkomen | 90 | 0 | 06
    Laat ouders een bijdrage betalen naar inkomen, zoals bij de kinderopvang.
VVE alleen voor kinderen met een indicatie | 120 | 0 | 05
    Bied voor- en vroegschoolse educatie gericht aan kinderen die het nodig hebben.
Minder peuterspeelzaallocaties | 70 | 40 | 06 02
    Sluit de kleinste locaties en breng de groepen onder in schoolgebouwen.
Scholen samen in één gebouw | 130 | 200 | 01 02
    Breng twee kleine basisscholen onder in één brede school en verkoop het vrijgekomen gebouw.
Onderhoud schoolgebouwen op conditie | 70 | 0 | 02
    Plan onderhoud op de staat van het gebouw in plaats van op een vaste cyclus.
Leegstand in scholen verhuren | 45 | 0 | 01 02
    Verhuur lege lokalen aan kinderopvang, welzijn of verenigingen.
Leerplicht met de regio | 55 | 15 | 04
    Voer de leerplicht uit in een regionaal bureau met de buurgemeenten.
Minder eigen schoolbegeleiding | 40 | 0 | 07
    Stop de gemeentelijke bijdrage aan schoolbegeleiding boven de wet.
Volwasseneneducatie regionaal inkopen | 45 | 0 | 08
    Koop taal- en rekenlessen voor volwassenen in met de regio.
Taallessen door vrijwilligers | 30 | 10 | 08
    Laat vrijwilligers taalcoaching geven naast de formele lessen.
Schoolzwemmen niet meer vergoeden | 35 | 0 | 03
    Stop met de vergoeding van vervoer naar het schoolzwemmen.
Energie besparen in schoolgebouwen | 40 | 90 | 02
    Help scholen met isolatie en zonnepanelen, terugverdiend uit lagere lasten.
Gemeentelijke bijdrage openbaar onderwijs omlaag | 50 | 0 | 07
    Verlaag de extra bijdrage aan het openbaar basisonderwijs tot wat de wet vraagt.
Huisvestingsplan voor tien jaar | 60 | 20 | 01
    Maak een plan voor alle schoolgebouwen voor tien jaar, zodat geen noodlokalen meer nodig
    zijn.
Vervoer per busje in plaats van per taxi | 70 | 0 | 03
    Rijd vaste routes met busjes in plaats van losse taxiritten.
Schooltuinen door vrijwilligers | 15 | 0 | 07
    Laat de schooltuinen draaien met vrijwilligers en ouders.
Minder subsidie voor extra activiteiten | 25 | 0 | 07
    Stop subsidies voor activiteiten buiten het lesprogramma, zoals excursies.
VVE-locaties bij de basisscholen | 50 | 25 | 05 06
    Breng VVE-groepen onder in de scholen waar de kinderen later naartoe gaan.
RMC-trajecten gerichter | 30 | 0 | 04
    Richt de begeleiding van voortijdig schoolverlaters op wie geen startkwalificatie heeft.
Gymlokalen bij de school | 25 | 0 | 02 03 Z-352-01
    Gebruik gymlokalen in of naast de school, zodat geen vervoer naar de sporthal nodig is.
Kapitaallasten lager door langer gebruik | 80 | 0 | 01
    Schrijf schoolgebouwen af over een langere periode, passend bij hun levensduur.
Brede school samen met de bibliotheek | 20 | 10 | 01 Z-453-01
    Laat de bibliotheek een uitleenpunt in de brede school runnen.
Ouders betalen lunch toezicht | 20 | 0 | 07
    Laat ouders het overblijven zelf betalen zonder gemeentelijke bijdrage.
""",
}

SOCIAL: dict[str, tuple[ProposalSpec, ...]] = {
    theme: parse(block) for theme, block in _SOCIAL.items()
}
