"""The green papers of the four Zeist themes about the town and its government, as their
final Markdown per section (Dutch); see green_paper_texts_social.py for the format.
Burger en Bestuur (Ruud's group) is the fullest. Illustrative, not the real 2011 texts."""

from __future__ import annotations

BUITENRUIMTE = (
    (
        "Context",
        """\
Burger en Buitenruimte gaat over alles wat je ziet als je de deur uitstapt: straten en
pleinen, het groen, de verlichting, de speeltuinen, de afvalinzameling, de riolering en de
begraafplaatsen. Zeist is een groene gemeente met veel bos en lanen, en daar zijn
inwoners trots op.

De gemeente kan hier ongeveer **€ 13,8 miljoen** beïnvloeden. De taakstelling is ruim
**€ 1,37 miljoen per jaar**, na Zorg en Welzijn het grootste bedrag van de dialoog.""",
    ),
    (
        "Het probleem",
        """\
Twee grote posten, afval en riolering, worden betaald uit heffingen. Een besparing daar
verlaagt de afvalstoffen- of rioolheffing, maar helpt de algemene begroting nauwelijks.
Het bedrag moet dus vooral komen uit het groen, de wegen, de verlichting, de
straatreiniging en de speelvoorzieningen.

Daar zit een spanning: inwoners vinden een nette en groene buitenruimte belangrijk, en
achterstallig onderhoud wordt later duurder. Tegelijk doet de gemeente nu bijna alles zelf
of via aannemers, terwijl veel bewoners aangeven dat ze best een stukje willen meedoen.

Wat ontbreekt, is een duidelijk onderscheid tussen wat echt moet (veiligheid, wettelijke
taken) en wat we doen omdat we het altijd zo deden.""",
    ),
    (
        "Kaders",
        """\
Naast de kaders van de raad spraken we af:

- **Veiligheid gaat voor**: bruggen, verlichting op fietsroutes en speeltoestellen blijven
  veilig.
- De heffingen voor afval en riolering stijgen niet meer dan de inflatie.
- Bomen en lanen die het karakter van Zeist bepalen, blijven behouden.
- Bewoners die zelf iets onderhouden, doen dat vrijwillig; de gemeente blijft
  eindverantwoordelijk.""",
    ),
    (
        "Richtingen om te verkennen",
        """\
Richtingen om te verkennen:

1. **Beheer door bewoners**: buurten die zelf hun plantsoen of speelplek onderhouden,
   krijgen een klein budget, materiaal en een vast aanspreekpunt.
2. **Ander maaibeheer**: minder vaak maaien in bermen en parken, met bloemrijke randen als
   bijvangst.
3. **Verlichting**: zuinigere lampen, en 's nachts dimmen waar dat veilig kan.
4. **Minder maar betere speelplekken**, samengevoegd in overleg met de buurt.

Per richting willen we weten wat het oplevert én wat het eerst kost, zoals de aanschaf van
nieuwe lampen.""",
    ),
)

RUIMTE = (
    (
        "Context",
        """\
Ruimtelijke ontwikkeling gaat over hoe Zeist bouwt, woont en zich verplaatst:
bestemmingsplannen, omgevingsvergunningen, bouwtoezicht, woonbeleid, grondexploitatie,
verkeer en parkeren, milieu en economische zaken.

De gemeente kan hier ongeveer **€ 7,0 miljoen** beïnvloeden; de taakstelling is ruim
**€ 700.000 per jaar**. De groep bestaat uit architecten, makelaars, ondernemers,
bewoners van wijken in ontwikkeling en mensen uit bewonersorganisaties.""",
    ),
    (
        "Het probleem",
        """\
Door de crisis op de woningmarkt worden er minder vergunningen aangevraagd en lopen
bouwprojecten vertraging op. De leges dekken daardoor minder van de kosten, terwijl de
organisatie voor vergunningen en toezicht nog is ingericht op drukkere jaren. Ook de
plankosten van de grondexploitatie lopen door terwijl de opbrengsten uitblijven.

Daarnaast merken ondernemers en bewoners dat procedures lang duren en dat ze voor één plan
soms met meerdere afdelingen te maken hebben. Dat kost hen tijd en de gemeente geld.""",
    ),
    (
        "Kaders",
        """\
We werken binnen deze kaders:

- wettelijke termijnen voor vergunningen en toezicht worden gehaald;
- leges mogen de kosten dekken, maar niet meer dan dat;
- het groene karakter van Zeist staat niet ter discussie;
- voorstellen over parkeren houden rekening met de bereikbaarheid van het centrum voor
  ondernemers en bezoekers.""",
    ),
    (
        "Richtingen om te verkennen",
        """\
Wat we willen verkennen:

- **Eén loket** voor bouwplannen, met digitale aanvragen en vaste termijnen voor kleine
  verbouwingen.
- **Kostendekkende leges**, en een organisatie die meebeweegt met het aantal aanvragen.
- **Parkeertarieven** die meebewegen met de drukte in het centrum.
- **Minder plankosten** door projecten die stilliggen tijdelijk echt stil te leggen.

Energiebesparing in gemeentelijke gebouwen zien we als kans: die verdient zich terug. We
vragen de afdelingsmanager Ruimte om de terugverdientijd.""",
    ),
)

VEILIGHEID = (
    (
        "Context",
        """\
Het thema Veiligheid omvat de bijdrage aan de veiligheidsregio voor brandweer en
rampenbestrijding, de handhaving door boa's, het cameratoezicht, de buurtpreventie en de
handhaving van de Drank- en Horecawet en de APV.

De gemeente kan hier ongeveer **€ 3,1 miljoen** beïnvloeden. De taakstelling is ruim
**€ 311.000 per jaar**. Het is een klein thema, maar wel een waar inwoners sterk op
reageren: veiligheid levert niemand graag in.""",
    ),
    (
        "Het probleem",
        """\
Bijna de helft van het beïnvloedbare bedrag is de bijdrage aan de veiligheidsregio. Die is
maar beperkt te beïnvloeden: de regio stelt zijn eigen begroting vast, en Zeist is een van
de deelnemers.

De rest zit in toezicht en handhaving. Daar is de vraag vooral of het geld wordt ingezet
waar het het meeste effect heeft. Van het cameratoezicht weten we bijvoorbeeld nog weinig
over wat het oplevert, en de buurtpreventie draait op vrijwilligers die weinig steun
krijgen.""",
    ),
    (
        "Kaders",
        """\
We stellen onszelf deze kaders:

1. De **aanrijtijden** van de brandweer blijven binnen de normen.
2. Handhaving blijft zichtbaar in de wijken met de meeste overlast.
3. Vrijwilligers in de buurtpreventie vervangen geen professionals, maar vullen hen aan.""",
    ),
    (
        "Richtingen om te verkennen",
        """\
Richtingen:

- **Cameratoezicht op basis van cijfers**: camera's alleen nog waar ze aantoonbaar helpen.
- **Buurtpreventie versterken** met een vast aanspreekpunt bij de gemeente, zodat boa's
  gerichter kunnen werken.
- **Meedenken in de regio**: de begroting van de veiligheidsregio samen met andere
  gemeenten kritisch volgen, in plaats van alleen te betalen.
- **Handhaving combineren**: boa's die parkeren, afval en horeca alle drie kunnen
  handhaven.""",
    ),
)

BESTUUR = (
    (
        "Context",
        """\
Burger en Bestuur is het thema van de gemeente zelf: de gemeenteraad en de griffie, het
college, burgerzaken en reisdocumenten, verkiezingen, het klantcontactcentrum en de
communicatie, de huisvesting van het gemeentehuis, de automatisering en het heffen en
innen van belastingen.

Van deze posten kan de gemeente ongeveer **€ 7,3 miljoen** beïnvloeden. De taakstelling is
**€ 730.000 per jaar** vanaf 2012.

Het is een bijzonder thema, omdat de gemeente hier vooral op zichzelf bezuinigt. In de
groep zitten inwoners die vaak aan de balie komen, ondernemers, een paar (oud-)ambtenaren
van andere gemeenten en mensen met verstand van ICT en facilitair beheer.

Van de hele opgave van **€ 6,2 miljoen** is dit een klein deel. Maar juist hier kan de
gemeente laten zien dat ze bij zichzelf begint.""",
    ),
    (
        "Het probleem",
        """\
Een groot deel van de kosten zit in mensen en systemen die inwoners zelden zien: ICT,
huisvesting en de organisatie achter de balie. Die kosten zijn de laatste jaren gestegen,
onder meer doordat de gemeente steeds meer digitaal is gaan doen zonder dat het werk aan
de balie afnam.

Inwoners merken vooral de dienstverlening:

- wie een paspoort of rijbewijs aanvraagt, staat soms lang te wachten;
- telefoon, e-mail en balie behandelen dezelfde vraag elk apart;
- de informatie op de website is niet altijd actueel, dus mensen bellen toch.

Het probleem is daarmee tweeledig: de gemeente betaalt voor twee manieren van werken
tegelijk (digitaal én aan de balie), en inwoners ervaren dat niet als betere service.

Ook de kosten van het bestuur zelf horen bij dit thema. Voor raad en griffie en het college
samen is ongeveer € 1,2 miljoen beïnvloedbaar. De vergoedingen liggen wettelijk vast, maar
de ondersteuning, de vergaderkosten en de representatie niet.""",
    ),
    (
        "Kaders",
        """\
We houden ons aan de kaders van de raad. Daarnaast spraken we in de groep af:

1. De gemeente blijft **bereikbaar voor iedereen**, ook voor inwoners zonder computer of
   met weinig digitale vaardigheden.
2. **Wettelijke taken** zoals reisdocumenten, verkiezingen en de basisadministratie blijven
   op het wettelijk vereiste niveau.
3. Ontslagen zijn geen doel; we kijken wel naar natuurlijk verloop en naar een andere inzet
   van mensen.
4. Het bestuur is **niet uitgezonderd**: ook raad en college leveren naar verhouding in.

Voorstellen die de belastingen raken, toetsen we aan het kader dat de lokale lasten niet
meer stijgen dan de inflatie.""",
    ),
    (
        "Richtingen om te verkennen",
        """\
Uit de drie avonden komen vijf richtingen:

- **Dienstverlening op afspraak**: reisdocumenten en rijbewijzen alleen nog op afspraak,
  met kortere wachttijden en minder bezetting aan de balie.
- **Eén klantcontactcentrum**: telefoon, e-mail, website en balie als één kanaal, zodat
  een vraag één keer wordt beantwoord.
- **Samenwerken met buurgemeenten**, te beginnen bij de ICT en de belastingheffing. Zo'n
  samenwerking kost de eerste jaren geld voordat ze iets oplevert; dat schrijven we er
  eerlijk bij.
- **Het gemeentehuis beter benutten**: vrijgekomen ruimte verhuren aan maatschappelijke
  organisaties of andere overheden.
- **Bestuur en raad**: minder en kortere vergaderingen, stukken digitaal in plaats van op
  papier, en een kritische blik op representatie.

De concerncontroller rekent elke richting door voordat we er in de witboekfase concrete
voorstellen van maken.""",
    ),
    (
        "Wat inwoners ons vertelden",
        """\
Tussen de avonden door haalden experts ervaringen op bij buren, collega's en verenigingen.
We vatten ze samen, zonder namen.

- Een afspraak maken vinden de meeste mensen prima, als ze niet lang hoeven te wachten en
  de afspraak ook telefonisch kunnen maken.
- Ouderen zeiden vaker dan jongeren dat ze liever een mens spreken dan een website
  gebruiken.
- Ondernemers vragen om één vaste contactpersoon in plaats van steeds een ander.
- Wie met een ingewikkelde vraag aan de balie komt, moet nu vaak terugkomen.
- Meerdere inwoners waarderen het dat het bestuur zelf ook op de lijst staat.

Deze ervaringen staan in onze kaders (bereikbaar voor iedereen) en in de richting van één
klantcontactcentrum.""",
    ),
)
