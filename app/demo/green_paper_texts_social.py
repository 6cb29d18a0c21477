"""The green papers of the four "social" Zeist themes, as their final Markdown per section
(Dutch). Blocks are separated by a blank line; earlier revisions are the first blocks of
the final text (see green_papers.py). Amounts follow the demo budget (zeist-begroting.csv);
illustrative, not the real 2011 green papers."""

from __future__ import annotations

ZORG = (
    (
        "Context",
        """\
Zorg en Welzijn is het grootste thema van de dialoog. Van de begroting van dit thema kan de
gemeente ongeveer **€ 14,4 miljoen** zelf beïnvloeden; de rest ligt vast in wetten en
landelijke afspraken. Tien procent daarvan is onze taakstelling: ruim **€ 1,4 miljoen per
jaar** vanaf 2012.

Het meeste geld gaat naar de Wet maatschappelijke ondersteuning (Wmo): huishoudelijke hulp,
hulpmiddelen en woonvoorzieningen. Daarnaast subsidieert Zeist het algemeen maatschappelijk
werk, het ouderenwerk, het Centrum voor Jeugd en Gezin en de maatschappelijke opvang, en
voert de gemeente het minimabeleid uit.

In de groep zitten mantelzorgers, vrijwilligers, medewerkers van zorg- en
welzijnsorganisaties en inwoners die zelf hulp krijgen. Dat maakt de gesprekken soms
pittig, maar ook eerlijk: wie hier meepraat, weet waar het over gaat.""",
    ),
    (
        "Het probleem",
        """\
Het geld voor de Wmo groeit al jaren harder dan de begroting. Er komen meer ouderen bij,
mensen wonen langer thuis en de vraag naar huishoudelijke hulp stijgt mee. Doen we niets,
dan moet er elk jaar méér bij in plaats van minder.

Tegelijk zien we in de groep dat het aanbod versnipperd is:

- een inwoner met meerdere vragen heeft vaak met drie of vier organisaties te maken;
- subsidies lopen per organisatie, niet per wijk of per resultaat;
- vrijwilligers en mantelzorgers doen veel, maar worden zelden ondersteund of betrokken.

Het probleem is dus niet alleen dat er minder geld is, maar ook dat het geld dat er is niet
altijd terechtkomt waar het het meeste oplevert.""",
    ),
    (
        "Kaders",
        """\
We houden ons aan de kaders die de raad op 25 januari 2011 meegaf. Voor ons thema weegt er
één het zwaarst: **kwetsbare inwoners worden niet als eerste getroffen**. Elk voorstel
toetsen we daarom aan de vraag wie het merkt en of die persoon een alternatief heeft.

Verder spraken we af:

1. Wat de Wmo de gemeente opdraagt (de compensatieplicht), blijft op wettelijk niveau.
2. We verschuiven geen kosten naar inwoners via hogere eigen bijdragen dan de wet toestaat.
3. Een besparing is structureel; een eenmalige greep uit een reserve telt niet mee.""",
    ),
    (
        "Richtingen om te verkennen",
        """\
Uit de eerste twee avonden komen vier richtingen die we in het witboek willen uitwerken:

- **Eén wijkteam** waar zorg en welzijn samen aan tafel zitten, zodat een inwoner één
  aanspreekpunt heeft.
- **Hergebruik van hulpmiddelen** zoals scootmobielen, trapliften en rolstoelen.
- **Algemene voorzieningen**, zoals een was- of boodschappendienst, waar dat kan, in plaats
  van een individuele indicatie.
- **Subsidies op resultaat** in plaats van op activiteiten.

Elke richting moet nog worden doorgerekend. Bij de wijkteams verwachten we de eerste jaren
ook extra kosten; dat schrijven we eerlijk op.""",
    ),
    (
        "Wat inwoners ons vertelden",
        """\
Na de eerste avond stuurden experts ons ervaringen uit hun eigen omgeving. We vatten ze
hier samen, zonder namen.

Een mantelzorger vulde voor haar moeder drie keer hetzelfde formulier in, voor drie
verschillende loketten. Een vrijwilliger van het ouderenwerk zag dat eenzame ouderen vaak
pas in beeld komen als er al zware zorg nodig is. En meerdere mensen willen best iets
bijdragen, maar weten niet waar ze zich kunnen melden.

Voor ons onderstrepen deze ervaringen twee dingen: er vroeg bij zijn loont, en eenvoud
bespaart zowel de inwoner als de gemeente tijd en geld.""",
    ),
)

SPORT = (
    (
        "Context",
        """\
Zeist is een sportieve gemeente met veel verenigingen, van hockey en voetbal tot zwemmen en
atletiek. De gemeente bezit de meeste sporthallen, gymzalen en sportparken en draagt bij
aan de exploitatie van het zwembad.

Van de sportbegroting kan de gemeente ongeveer **€ 4,2 miljoen** beïnvloeden. De
taakstelling van 10 procent komt daarmee op zo'n **€ 419.000 per jaar**.

Onze groep bestaat uit bestuurders en vrijwilligers van verenigingen, trainers, een paar
docenten lichamelijke opvoeding en inwoners die gewoon graag sporten.""",
    ),
    (
        "Het probleem",
        """\
De kosten zitten vooral in stenen en gras: de exploitatie van sporthallen en gymzalen, het
onderhoud van de sportparken en de bijdrage aan het zwembad. Samen is dat bijna 80 procent
van wat we kunnen beïnvloeden. Subsidies aan verenigingen en sportstimulering zijn in
verhouding klein.

Wie alleen op subsidies bezuinigt, haalt het bedrag dus niet en raakt wel de verenigingen
het hardst. Tegelijk staan sporthallen overdag grotendeels leeg, en betalen verenigingen
voor hun velden een tarief dat al jaren niet is aangepast.

De vraag is hoe we de accommodaties goedkoper beheren zonder dat sporten voor jeugd en
minima onbetaalbaar wordt.""",
    ),
    (
        "Kaders",
        """\
Naast de kaders van de raad hanteren we drie eigen uitgangspunten:

- Sport voor **kinderen en jongeren** blijft betaalbaar; een tariefstijging treft eerst de
  volwassen sporters.
- Bij het **zwembad** kijken we naar de manier van exploiteren, niet naar sluiting.
- Verenigingen kunnen meer zelf doen, maar alleen als de gemeente hen daarbij helpt en het
  risico niet eenzijdig bij vrijwilligers komt te liggen.""",
    ),
    (
        "Richtingen om te verkennen",
        """\
We willen de volgende richtingen uitwerken:

1. **Beheer door verenigingen**: clubs nemen het dagelijks onderhoud van hun velden en
   kantines over, tegen een lagere huur.
2. **Betere bezetting**: sporthallen overdag verhuren aan scholen, bedrijven en
   zorginstellingen.
3. **Tarieven herzien**: de tarieven voor velden en zalen in stappen laten meegroeien met
   de kosten.
4. **Sportevenementen** alleen nog steunen als een sponsor of organisator meebetaalt.

Voor het zwembad vragen we de ambtenaren om een vergelijking met zwembaden in gemeenten van
dezelfde grootte.""",
    ),
)

CULTUUR = (
    (
        "Context",
        """\
Dit thema combineert twee werelden die op het eerste gezicht weinig met elkaar te maken
hebben: cultuur (de bibliotheek, het theater, de muziekschool, Slot Zeist en de
monumenten) en de sociale economie (de sociale werkvoorziening en re-integratie).

Samen kan de gemeente hier ongeveer **€ 7,0 miljoen** beïnvloeden. De taakstelling is
**€ 697.000 per jaar**.

Wat de twee verbindt, bleek op de eerste avond: veel culturele instellingen draaien mede
op vrijwilligers en op mensen met een afstand tot de arbeidsmarkt, en die vinden er op hun
beurt vaak hun plek.""",
    ),
    (
        "Het probleem",
        """\
Bij cultuur gaat het meeste geld naar subsidies aan instellingen met elk een eigen gebouw,
een eigen bestuur en een eigen balie. Elke instelling doet het goed, maar samen betalen we
veel dubbel: huisvesting, administratie, marketing.

Bij de sociale economie ligt het anders. De gemeentelijke bijdrage aan de sociale
werkvoorziening is groot, maar het grootste deel ervan ligt vast. Wat we wel kunnen
beïnvloeden, zit vooral in hoe en waar we mensen aan het werk helpen.

Een gesloten bibliotheek of muziekschool krijg je niet zomaar terug; dat besef klonk op
beide avonden door.""",
    ),
    (
        "Kaders",
        """\
Bij onze voorstellen houden we vast aan:

- geen sluiting van de bibliotheek als voorziening, al kan de vorm veranderen;
- monumenten blijven beschermd zoals de wet dat vraagt;
- mensen in de sociale werkvoorziening houden passend werk; we zoeken geen besparing op
  hun loon.

Instellingen krijgen een overgangstermijn: een lagere subsidie wordt ten minste een jaar
van tevoren aangekondigd.""",
    ),
    (
        "Richtingen om te verkennen",
        """\
Richtingen die we in het witboek willen uitwerken:

- **Eén cultuurhuis**: bibliotheek, muziekschool en theater delen een gebouw, een balie en
  een programmering.
- **Slot Zeist** meer laten verdienen met verhuur voor trouwerijen, congressen en
  evenementen.
- **Werken in de wijk**: mensen uit de sociale werkvoorziening aan de slag in het
  groenonderhoud en de schoonmaak van gemeentelijke gebouwen, samen met het thema Burger
  en Buitenruimte.
- **Kunsteducatie** via de scholen in plaats van via losse cursussen.

Voor het cultuurhuis willen we eerst weten welke huurcontracten wanneer aflopen.""",
    ),
)

ONDERWIJS = (
    (
        "Context",
        """\
Onderwijs is grotendeels de zaak van de schoolbesturen. De gemeente zorgt vooral voor de
schoolgebouwen, het leerlingenvervoer, de leerplicht en de voorzieningen voor de jongste
kinderen: de peuterspeelzalen en de voor- en vroegschoolse educatie (VVE).

Van de onderwijsbegroting is ongeveer **€ 5,3 miljoen** beïnvloedbaar. Tien procent
daarvan, ruim **€ 528.000 per jaar**, is onze taakstelling.

De groep bestaat uit ouders, leerkrachten (ook gepensioneerde), medewerkers van
peuterspeelzalen en kinderopvang en een paar schoolbestuurders.""",
    ),
    (
        "Het probleem",
        """\
De grootste posten zijn de kapitaallasten en het onderhoud van de schoolgebouwen, het
leerlingenvervoer en het peuterspeelzaalwerk. Aan de kapitaallasten valt op korte termijn
weinig te veranderen: die liggen vast tot de gebouwen zijn afgeschreven.

Het peuterspeelzaalwerk en de VVE zijn in de groep het gevoeligste onderwerp. Wie voor de
klas heeft gestaan, ziet het verschil tussen kinderen die wel en niet naar de
peuterspeelzaal gingen, vooral bij taal. Bezuinigen op de jongste kinderen kan later
duurder uitvallen.

Het leerlingenvervoer is een wettelijke taak, maar de manier waarop het wordt uitgevoerd
niet. Daar zit ruimte, zolang kinderen die het echt nodig hebben vervoer van deur tot deur
houden.""",
    ),
    (
        "Kaders",
        """\
Onze uitgangspunten:

1. **Taalachterstand voorkomen** blijft voorop staan: het bereik van de VVE onder kinderen
   die het nodig hebben, mag niet dalen.
2. Het leerlingenvervoer blijft voor kinderen met een beperking **passend en veilig**.
3. Schoolgebouwen blijven veilig en gezond; uitgesteld onderhoud mag later niet meer gaan
   kosten.
4. Voorstellen die de schoolbesturen raken, bespreken we met hen voordat ze in het witboek
   komen.""",
    ),
    (
        "Richtingen om te verkennen",
        """\
We verkennen in het witboek:

- **Peuterspeelzaal en kinderopvang onder één dak**, met één subsidieregeling en één
  toegang voor ouders.
- **Vaste opstapplaatsen** in het leerlingenvervoer voor kinderen die dat aankunnen, en
  een busje per route in plaats van losse taxi's.
- **Schoolgebouwen na schooltijd** verhuren, zodat de verhuur een deel van de kosten dekt.
- **Leerplicht en RMC** samen met de buurgemeenten uitvoeren.

Bij elk voorstel laten we ook zien wat het voor één kind of één gezin betekent.""",
    ),
)
