"""What the demo experts of Zeist write when they apply, per theme: short Dutch fragments
that app/demo/people.py combines, so that three hundred applications read like people
and not like one sentence copied. Illustrative, not the real 2011 applications."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeTexts:
    # "Ik werk ... als <profession>": filled into the expertise sentence.
    professions: tuple[str, ...]
    experiences: tuple[str, ...]
    stakes: tuple[str, ...]
    # "... omdat <reason>": the theme-specific half of the motivation.
    reasons: tuple[str, ...]
    organizations: tuple[str, ...]


FIRST_NAMES = (
    # Not the names of the demo accounts (Annelies, Ruud, Sanne, Pieter, Joost): a second
    # "Annelies" would make the real one harder to find in lists.
    "Marieke", "Jan", "Kees", "Ingrid", "Henk", "Sandra", "Gert", "Monique", "Willem",
    "Ellen", "Bart", "Petra", "Gerard", "Anouk", "Joris", "Yvonne", "Mark", "Ilona", "Thijs",
    "Karin", "Erik", "Femke", "Bas", "Mirjam", "Rob", "Lotte", "Hans", "Esther", "Frank",
    "Saskia", "Wim", "Nicole", "Martijn", "Jolanda", "Sjoerd", "Carla", "Dirk", "Linda",
    "Maarten", "Hanneke", "Arjan", "Wendy", "Jeroen", "Marloes", "Koen", "Brigitte", "Niels",
    "Truus", "Gijs", "Annemiek", "Teun", "Fleur", "Rik", "Mieke", "Stefan", "Renske", "Ahmed",
    "Fatima", "Mohamed", "Samira", "Youssef", "Nadia", "Sevda", "Murat", "Priya", "Rajesh",
    "Chantal", "Winston", "Jacqueline", "Lucas", "Noor", "Daan", "Tamara", "Tom", "Eva",
    "Bram", "Iris", "Luuk", "Roos", "Sem", "Julia", "Gerrit", "Aleida", "Cor", "Riet",
)  # fmt: skip

INITIALS = "ABCDEFGHJKLMNOPRSTVWZ"

# The general half of a motivation; a second sentence says why this theme.
MOTIVATION_OPENERS = (
    "Ik wil meedenken in plaats van achteraf mopperen.",
    "Bezuinigen gebeurt toch; dan praat ik liever mee.",
    "Sinds mijn pensioen heb ik tijd, en die besteed ik graag nuttig.",
    "Als inwoner van Zeist vind ik dat we dit samen moeten doen.",
    "Ik ken dit veld van binnenuit en wil die kennis inbrengen.",
    "De gemeente vraagt om hulp, en ik help graag.",
    "Ik wil laten zien dat bezuinigen ook slim kan.",
    "Mijn buren vroegen of ik me wilde aanmelden.",
    "Ik las erover in het Zeister Nieuws en dacht: dit is mijn kans.",
    "Ik wil dat de stem van jongere inwoners gehoord wordt.",
)

MOTIVATION_LINKS = (
    "Ik kies dit thema omdat",
    "Dit thema trekt me omdat",
    "Ik meld me hier aan omdat",
)

WELCOME_MESSAGES = (
    "Welkom in de groep! Tot op de kick-off op 28 februari.",
    "Fijn dat u meedoet. Uw ervaring komt goed van pas.",
    "Welkom! De uitnodiging voor de kick-off volgt per mail.",
)

THEMES: dict[str, ThemeTexts] = {
    "Zorg en Welzijn": ThemeTexts(
        professions=("wijkverpleegkundige", "maatschappelijk werker", "huisarts",
                     "ouderenadviseur", "coördinator thuiszorg", "fysiotherapeut",
                     "Wmo-consulent in een buurgemeente", "schuldhulpverlener"),
        experiences=(
            "Ik ben mantelzorger voor mijn moeder, die huishoudelijke hulp krijgt.",
            "Ik doe al jaren vrijwilligerswerk bij de ouderensoos in Kerckebosch.",
            "Ik zat in de Wmo-raad van Zeist en ken de indicatieprocedure.",
            "Ik begeleid als vrijwilliger mensen met schulden bij hun administratie.",
            "Ik heb drie jaar bij de voedselbank de uitgifte geregeld.",
            "Als buurtcoach zie ik hoe eenzaam sommige ouderen zijn.",
        ),
        stakes=(
            "Mijn vader woont zelfstandig dankzij een scootmobiel en een traplift.",
            "Ik krijg zelf huishoudelijke hulp en wil weten wat er verandert.",
            "Onze zoon maakt gebruik van het jongerenwerk in Vollenhove.",
            "Onze stichting draait voor de helft op gemeentesubsidie.",
            "Ik ben chronisch ziek en afhankelijk van voorzieningen.",
        ),
        reasons=("de zorg voor kwetsbare inwoners overeind moet blijven.",
                 "ik denk dat er in de Wmo-uitvoering slimmer kan worden gewerkt.",
                 "ik vrees dat mantelzorgers de klappen opvangen.",
                 "welzijnswerk en zorg beter op elkaar kunnen aansluiten."),
        organizations=("Stichting Welzijn Zeist", "Careyn thuiszorg", "Voedselbank Zeist",
                       "Wmo-raad Zeist", "Huisartsenpraktijk Couwenhoven",
                       "Ouderenbond Zeist"),
    ),
    "Burger en Buitenruimte": ThemeTexts(
        professions=("hovenier", "stratenmaker", "landschapsarchitect",
                     "medewerker bij een afvalbedrijf", "civiel ingenieur",
                     "boswachter bij Utrechts Landschap", "projectleider openbare ruimte"),
        experiences=(
            "Ik onderhoud met de buurt het plantsoen bij ons in de straat.",
            "Ik organiseer elk voorjaar de opschoondag in Crosestein.",
            "Ik meld via het meldpunt elke losliggende stoeptegel in mijn wijk.",
            "Ik heb een speeltuinvereniging opgericht in Den Dolder.",
            "Ik zat in het wijkplatform Zeist-West.",
        ),
        stakes=(
            "Ik loop slecht en ben afhankelijk van goede stoepen.",
            "Onze kinderen spelen dagelijks in de speeltuin om de hoek.",
            "Ik woon aan de Slotlaan en zie wat bomen en groen betekenen.",
            "Mijn hovenierbedrijf werkt deels voor de gemeente.",
            "Ik betaal afvalstoffenheffing en wil weten waar die heen gaat.",
        ),
        reasons=("het groen het gezicht van Zeist is.",
                 "bewoners zelf meer onderhoud kunnen doen dan men denkt.",
                 "ik vind dat afval scheiden geld kan opleveren.",
                 "een nette buitenruimte veiligheid en trots geeft."),
        organizations=("Wijkplatform Zeist-West", "Speeltuinvereniging Den Dolder",
                       "Stichting Groen Zeist", "Hoveniersbedrijf De Linde",
                       "Bewonersvereniging Crosestein"),
    ),
    "Sport": ThemeTexts(
        professions=("gymleraar", "buurtsportcoach", "sportfysiotherapeut",
                     "accountmanager bij een zwembadexploitant", "trainer-coach",
                     "beheerder van een sporthal"),
        experiences=(
            "Ik ben al vijftien jaar penningmeester van een hockeyclub.",
            "Ik train elke zaterdag de jeugd bij de voetbalvereniging.",
            "Ik organiseer de Zeister Avondvierdaagse mee.",
            "Ik zwem drie keer per week in het Dijnselburgbad.",
            "Ik zat in het bestuur van de Sportraad Zeist.",
        ),
        stakes=(
            "Onze club huurt de velden van de gemeente.",
            "Mijn dochter zit op zwemles; dat moet betaalbaar blijven.",
            "Ik ben ouder van drie sportende kinderen.",
            "Onze vereniging draait op vrijwilligers en een kleine subsidie.",
        ),
        reasons=("sport mensen gezond en verbonden houdt.",
                 "verenigingen meer zelf kunnen beheren als de gemeente dat toestaat.",
                 "ik bang ben dat de huur van velden en zalen onbetaalbaar wordt.",
                 "buurtsport jongeren van de straat houdt."),
        organizations=("Hockeyclub Zeist", "Voetbalvereniging Zeist-West", "Sportraad Zeist",
                       "Zwem- en Poloclub Zeist", "Tennisvereniging Den Dolder",
                       "Korfbalvereniging Crosestein"),
    ),
    "Cultuur en Sociale economie": ThemeTexts(
        professions=("bibliothecaris", "muziekdocent", "cultureel ondernemer",
                     "jobcoach", "programmeur bij een theater", "re-integratieconsulent"),
        experiences=(
            "Ik ben vrijwilliger bij de rondleidingen in Slot Zeist.",
            "Ik speel in de harmonie en ken de muziekschool goed.",
            "Ik begeleid mensen met een afstand tot de arbeidsmarkt.",
            "Ik heb een expositie georganiseerd in het Kunsthuis.",
            "Ik werk als vrijwilliger bij de lokale omroep.",
        ),
        stakes=(
            "Mijn kinderen gaan elke week naar de bibliotheek.",
            "Ik werk zelf bij de sociale werkvoorziening.",
            "Onze stichting krijgt subsidie voor de zomerconcerten.",
            "Ik ben zzp'er in de culturele sector in Zeist.",
        ),
        reasons=("cultuur meer is dan een kostenpost.",
                 "de bibliotheek een ontmoetingsplek voor iedereen is.",
                 "mensen aan het werk helpen uiteindelijk geld oplevert.",
                 "ik denk dat culturele instellingen meer kunnen samenwerken."),
        organizations=("Bibliotheek Zeist", "Zeister Muziekschool", "Stichting Slot Zeist",
                       "Theater Figi", "Lokale Omroep Zeist", "Stichting Kunsthuis Zeist"),
    ),
    "Ruimtelijke ontwikkeling": ThemeTexts(
        professions=("architect", "stedenbouwkundige", "makelaar", "projectontwikkelaar",
                     "verkeerskundige", "adviseur duurzaamheid", "bouwkundig inspecteur"),
        experiences=(
            "Ik heb meegedacht over het bestemmingsplan voor Kerckebosch.",
            "Ik zit in de commissie die de welstand adviseert.",
            "Ik heb zelf een verbouwing door de vergunningprocedure geloodst.",
            "Ik ben actief in de Fietsersbond, afdeling Zeist.",
            "Ik help ondernemers in het centrum met hun vestigingsplannen.",
        ),
        stakes=(
            "Ik woon in een wijk waar de komende jaren gebouwd wordt.",
            "Mijn bedrijf vraagt regelmatig omgevingsvergunningen aan.",
            "Ik zoek al jaren een betaalbare woning in Zeist.",
            "Ik ondervind dagelijks de parkeerdruk in het centrum.",
        ),
        reasons=("vergunningen sneller en goedkoper kunnen.",
                 "ik denk dat de grondexploitatie een risico is voor de begroting.",
                 "Zeist bereikbaar en leefbaar moet blijven.",
                 "duurzaam bouwen op termijn geld bespaart."),
        organizations=("Fietsersbond afdeling Zeist", "Ondernemersvereniging Zeist Centrum",
                       "Architectenbureau Het Rond", "Woongoed Zeist",
                       "Vereniging Dorpsbelang Den Dolder"),
    ),
    "Veiligheid": ThemeTexts(
        professions=("brandweervrijwilliger", "wijkagent", "beveiliger",
                     "adviseur crisisbeheersing", "handhaver in een buurgemeente",
                     "horeca-ondernemer"),
        experiences=(
            "Ik loop mee met de buurtpreventie in Vollenhove.",
            "Ik ben al twaalf jaar vrijwilliger bij de brandweerpost Zeist.",
            "Ik ben coördinator van een WhatsApp-buurtpreventiegroep.",
            "Ik heb meegewerkt aan de evaluatie van het cameratoezicht.",
        ),
        stakes=(
            "Ik woon boven een café in het centrum.",
            "Mijn winkel is twee keer ingebroken.",
            "Ik wil dat mijn kinderen 's avonds veilig naar huis kunnen fietsen.",
            "Als horecaondernemer heb ik met de vergunningen te maken.",
        ),
        reasons=("veiligheid een kerntaak van de gemeente is.",
                 "buurtbewoners zelf veel kunnen betekenen.",
                 "ik twijfel of de camera's hun geld waard zijn.",
                 "handhaving zichtbaar moet blijven in de wijken."),
        organizations=("Buurtpreventie Vollenhove", "Brandweerpost Zeist",
                       "Koninklijke Horeca afdeling Zeist", "Winkeliersvereniging Slotlaan"),
    ),
    "Burger en Bestuur": ThemeTexts(
        professions=("ICT-architect", "inkoper", "communicatieadviseur", "accountant",
                     "bestuurskundige", "servicemanager bij een klantcontactcentrum"),
        experiences=(
            "Ik ben stembureauvoorzitter geweest bij vier verkiezingen.",
            "Ik heb bij een andere gemeente een klantcontactcentrum ingericht.",
            "Ik heb twee ICT-aanbestedingen voor een overheid begeleid.",
            "Ik volg als burger de raadsvergaderingen, ook de commissies.",
        ),
        stakes=(
            "Ik betaal, net als iedereen, de gemeentelijke belastingen.",
            "Ik vraag elk jaar een parkeervergunning aan en ergerde me aan de wachttijd.",
            "Als ondernemer heb ik veel contact met het gemeentehuis.",
            "Ik wil een gemeente die dichtbij haar inwoners staat.",
        ),
        reasons=("de gemeente eerst in eigen huis moet bezuinigen.",
                 "digitale dienstverlening veel kan besparen.",
                 "ik vind dat inwoners moeten zien waar het geld heen gaat.",
                 "slim inkopen snel geld oplevert."),
        organizations=("Ondernemersvereniging Zeist", "Stichting Zeist Digitaal",
                       "Accountantskantoor Van Reenen", "Politieke jongeren Zeist"),
    ),
    "Onderwijs": ThemeTexts(
        professions=("leerkracht in het basisonderwijs", "intern begeleider", "schooldirecteur",
                     "pedagogisch medewerker", "leerplichtambtenaar in een buurgemeente",
                     "docent volwasseneneducatie", "medewerker van een taxibedrijf"),
        experiences=(
            "Ik zit in de medezeggenschapsraad van de school van onze kinderen.",
            "Ik geef als vrijwilliger taalles aan nieuwkomers.",
            "Ik heb de verbouwing van onze school van dichtbij meegemaakt.",
            "Ik ben voorleesvrijwilliger op een basisschool in Kerckebosch.",
            "Ik begeleid als vrijwilliger kinderen met huiswerk.",
        ),
        stakes=(
            "Mijn zoon gaat met het leerlingenvervoer naar speciaal onderwijs.",
            "Onze dochter gaat naar de peuterspeelzaal in Nijenheim.",
            "Ik werk op een school waarvan het gebouw dringend onderhoud nodig heeft.",
            "Ik ben ouder van twee kinderen op de basisschool.",
        ),
        reasons=("goed onderwijs de beste investering is.",
                 "ik denk dat schoolgebouwen slimmer gedeeld kunnen worden.",
                 "het leerlingenvervoer goedkoper kan zonder dat kinderen lijden.",
                 "vroeg beginnen met taal later veel kosten bespaart."),
        organizations=("Openbare Basisschool De Wegwijzer", "Stichting Peuterspeelzalen Zeist",
                       "Montessorischool Zeist", "Christelijk Lyceum Zeist",
                       "Stichting Taalhuis Zeist", "Ouderraad Basisschool De Griffel"),
    ),
}  # fmt: skip

DECLINE_MESSAGES = (
    "Dank voor uw aanmelding en uw betrokkenheid. De groep is inmiddels erg groot; we "
    "nodigen u graag uit voor de inloopavond in mei, waar iedereen voorstellen kan inbrengen.",
    "Hartelijk dank. Uw kennis past beter bij een ander thema; meldt u zich daar gerust aan, "
    "ik heb mijn collega-chef al gevraagd op uw aanmelding te letten.",
    "Dank u wel voor uw aanbod. Omdat u als leverancier van de gemeente betrokken bent, "
    "kiezen we ervoor u niet als expert op te nemen. U kunt wel reageren op de voorstellen.",
)

CHEF_MOTIVATION = (
    "Ik wil dit proces laten slagen voor {theme}. Ik ken het werkveld niet van binnenuit, "
    "en dat is goed: een chef gaat over het proces, niet over de inhoud."
)

CHEF_COMPETENCIES = (
    "Vergaderingen leiden en tijd bewaken",
    "Luisteren, samenvatten, mensen aan het woord laten",
    "Rustig blijven bij boze bewoners",
    "Projectplanning en afspraken nakomen",
    "Ervaring met inspraakavonden",
    "Schrijven in gewone taal",
)

# The two staff members who answered the call and were not chosen, with the admin's
# message: (email, name, preferred theme, motivation, competencies, message).
NOT_CHOSEN_STAFF = (
    (
        "wouter@zeist.example",
        "Wouter (beleidsadviseur sport)",
        "Sport",
        "Ik werk al tien jaar aan sportbeleid en ken alle verenigingen.",
        "Inhoudelijke kennis van sport, een groot netwerk, presenteren",
        "Dank voor je enthousiasme. We kiezen chefs die niet uit het eigen vakgebied komen, "
        "zodat ze het proces leiden en niet de inhoud. Je kennis is hard nodig als adviseur "
        "van de themagroep Sport.",
    ),
    (
        "ilse@zeist.example",
        "Ilse (afdeling Publiekszaken)",
        None,
        "Ik wil graag ervaring opdoen met burgerparticipatie.",
        "Klantgericht, geduldig, goed in plannen",
        "Dank voor je aanmelding. Er waren meer geschikte kandidaten dan thema's. We "
        "vragen je graag als reserve-chef en voor de organisatie van de kick-off.",
    ),
)
