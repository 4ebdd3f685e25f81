"""The demo content, verbatim from the seed page (demo/topic-page-fluechtlingsarbeit.txt).

The seed gives names and roles only. Every other personal field stays empty: no invented
e-mail addresses, phone numbers or photos of real people.
"""

HERO_ALT = "Drei junge Männer, einer lacht in die Kamera"

TOPIC_TITLE = "Flüchtlingsarbeit"

TOPIC_INTRO = (
    "Für den Paritätischen NRW stehen immer die Menschen im Mittelpunkt. Bei der Arbeit mit "
    "geflüchteten Menschen unterscheidet er deshalb auch nicht zwischen Geflüchteten mit einer "
    "guten und schlechten Bleibeperspektive. Er tritt außerdem für die Öffnung aller "
    "Regelangebote sozialer Dienste, des Bildungssystems und des Arbeitsmarktes, ungeachtet des "
    "Aufenthaltsstatus, für alle Neuzugewanderten ein. Der Verband setzt sich ein für die Wahrung "
    "der Menschenrechte, faire Asylverfahren, eine menschenwürdige Unterbringung, die "
    "Unterstützung von Menschen mit besonderen Schutzbedarfen, den Ausbau von "
    "Integrationsangeboten und die Stärkung des bürgerschaftlichen Engagements für Geflüchtete."
)

TOPIC_SECTIONS = [
    (
        "Soziale Beratung für Geflüchtete",
        "Viele Mitgliedsorganisationen des Paritätischen NRW haben Verantwortung im Rahmen des "
        "Landesförderprogrammes „Soziale Beratung für Geflüchtete“ übernommen. Sie beraten "
        "Menschen mit Fluchterfahrung vor Ort zu ihren Anliegen im Asyl-, Aufenthalts- und "
        "Sozialrecht und helfen bei sozialen, schulischen, beruflichen und gesundheitlichen "
        "Fragen. Einen Schwerpunkt bilden neben der regionalen Beratung die "
        "Asylverfahrensberatung, die vor und nach der Anhörung durch das Bundesamt für Migration "
        "und Flüchtlinge im Rahmen der Asylantragstellung durchgeführt wird. Weitere Angebote "
        "bieten die landesgeförderten Psychosozialen Zentren (PSZ) für traumatisierte "
        "geflüchtete Menschen.",
    ),
    (
        "Angebote weiterentwickeln und neue schaffen",
        "Die Anzahl der Beratungsstellen ist seit 2015 stark gewachsen. Darüber hinaus sind "
        "Angebote für eine nachhaltige Arbeitsmarktintegration und reale gesellschaftliche "
        "Teilhabe von geflüchteten Menschen erforderlich. Der Paritätische NRW berät seine "
        "Mitgliedsorganisationen bei der Weiterentwicklung ihrer Leistungen und der Aufnahme in "
        "Förderprogramme. Er treibt außerdem die Vernetzung der Beratungsstellen und ihre "
        "Schulung, Begleitung und fachliche Anleitung voran. Dabei arbeitet er eng mit seiner "
        "Mitgliedsorganisation GGUA aus Münster zusammen. Mit ihrem „Projekt Q“ bietet sie ein "
        "bundesweit einzigartiges Angebot an Qualifizierung der Flüchtlingsberatung.",
    ),
    (
        "Sämtliche Felder der sozialen Arbeit involviert",
        "Nicht nur Mitgliedsorganisationen aus der Migrationsarbeit, die seit jeher in der Arbeit "
        "mit Geflüchteten aktiv sind, bauen ihre Angebote stetig aus. Auch viele andere "
        "Mitgliedsorganisationen aus allen Bereichen der sozialen Arbeit haben ihre Angebote "
        "ausgeweitet oder qualifizieren sich, um geflüchtete Menschen innerhalb ihrer regulären "
        "Angebote besser unterstützen zu können. Besonders involviert sind beispielsweise "
        "Migrantenselbstorganisationen und Mitgliedsorganisationen aus den Bereichen der Hilfen "
        "zur Erziehung, der Kindertageseinrichtungen, der Frauen- und Mädchenorganisationen und "
        "der Arbeit.",
    ),
]

FACHBEREICH = "Migration und Flüchtlingsarbeit"
FACHGRUPPE = "Migration, Frauen, Psychosoziale Beratung und LSBT*"

# (first name, last name, role); the Fachgruppe lead's role is not in the seed.
CONTACT_PERSONS = [
    ("Janine", "Metelmann", "Fachreferentin Migration und Flüchtlingsarbeit"),
    ("Sarah", "Steffen", "Fachreferentin Migration und Flüchtlingsarbeit"),
]
FACHGRUPPE_LEAD = ("David Alexander", "Konrad", "")

MORE_INFO_HEADING = "Mehr Informationen"
MORE_INFO_TEXT = "Zu vielen unserer Themen gibt es fachliche Broschüren zum Herunterladen."
MORE_INFO_LINK_LABEL = "Publikationen"

PLACEHOLDER_NOTICE = (
    "Platzhalter: Dieser Text ist Demo-Inhalt und muss vor der Veröffentlichung durch den "
    "geprüften Text des Verbands ersetzt werden."
)

STANDARD_PAGES = [
    (
        "impressum",
        "Impressum",
        "Angaben gemäß § 5 DDG. " + PLACEHOLDER_NOTICE,
        [
            (
                "Anbieter",
                "<p>Der Paritätische NRW (Platzhalter: Anschrift, Vertretung und "
                "Registereintrag werden hier vom Verband eingetragen.)</p>",
            ),
            ("Kontakt", "<p>E-Mail: kontakt@example.org (Platzhalter)</p>"),
        ],
    ),
    (
        "datenschutz",
        "Datenschutz",
        "Informationen zur Verarbeitung personenbezogener Daten. " + PLACEHOLDER_NOTICE,
        [
            (
                "Keine externen Dienste",
                "<p>Diese Website lädt keine Schriften, Skripte oder "
                "Videos von fremden Servern, solange Sie dem nicht ausdrücklich zustimmen.</p>",
            ),
            (
                "Verantwortliche Stelle",
                "<p>Platzhalter: Name und Anschrift der verantwortlichen "
                "Stelle und der oder des Datenschutzbeauftragten.</p>",
            ),
        ],
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Der Paritätische NRW möchte seine Website für alle Menschen zugänglich machen. "
        + PLACEHOLDER_NOTICE,
        [
            (
                "Stand der Vereinbarkeit",
                "<p>Platzhalter: Die Website soll die Anforderungen der "
                "BITV 2.0 und der WCAG 2.1 auf Stufe AA erfüllen. Das Ergebnis der Prüfung "
                "wird hier eingetragen.</p>",
            ),
            (
                "Barriere melden",
                "<p>Platzhalter: Kontakt für Rückmeldungen, z. B. "
                "barrierefreiheit@example.org.</p>",
            ),
            (
                "Schlichtungsverfahren",
                "<p>Platzhalter: Hinweis auf die Schlichtungsstelle nach "
                "dem Behindertengleichstellungsgesetz.</p>",
            ),
        ],
    ),
]

# The association in one sentence: the home page's introduction.
HOME_INTRO = (
    "Der Paritätische NRW ist der Dachverband von mehr als 3.200 eigenständigen "
    "Organisationen der Freien Wohlfahrtspflege in Nordrhein-Westfalen: Er berät sie, vertritt "
    "ihre Anliegen gegenüber Politik und Verwaltung und setzt sich für soziale Gerechtigkeit ein."
)
# The introduction of the demo's first versions, replaced once by HOME_INTRO.
OLD_HOME_INTRO = (
    "Der Paritätische NRW ist ein Dachverband der Freien Wohlfahrtspflege. "
    "Diese Installation zeigt Demo-Inhalte."
)

# Invented topic pages are labelled once, at the top of their content; the seed page is not.
SAMPLE_TEXT_NOTICE = (
    "<p><strong>Beispieltext:</strong> Diese Themenseite wurde für die Demo-Installation "
    "geschrieben. Sie gibt keine Position des Verbands wieder und wird vor dem Start durch "
    "geprüfte Texte ersetzt.</p>"
)

# Further topics (invented sample text), each in its Fachbereich and Fachgruppe. Their contact
# persons are named only by a function (SAMPLE_CONTACTS): the seed names only the people of the
# Flüchtlingsarbeit page, and the demo invents no names.
# slug: (title, Fachbereich, Fachgruppe, hue of the generated hero pattern, intro, sections)
SAMPLE_TOPICS = {
    "pflege": (
        "Pflege",
        "Altenhilfe und Pflege",
        "Ambulante und stationäre Pflege",
        (0, 110, 120),
        "Gute Pflege braucht Zeit, Fachkräfte und eine verlässliche Finanzierung. Der "
        "Paritätische NRW vertritt ambulante Dienste, Tagespflegen und Pflegeeinrichtungen "
        "gegenüber Land und Pflegekassen.",
        [
            (
                "Pflege zu Hause stärken",
                "Die meisten pflegebedürftigen Menschen werden zu Hause versorgt. Ambulante "
                "Dienste, Tagespflege und Kurzzeitpflege entlasten Angehörige und ermöglichen ein "
                "selbstbestimmtes Leben in der eigenen Wohnung.",
            ),
            (
                "Fachkräfte gewinnen und halten",
                "Gute Arbeitsbedingungen, eine tarifgerechte Bezahlung und eine starke "
                "Ausbildung sind die Voraussetzung dafür, dass Pflege auch morgen gelingt.",
            ),
            (
                "Finanzierung, die trägt",
                "Steigende Eigenanteile belasten Pflegebedürftige und ihre Familien. Der "
                "Verband setzt sich für eine solidarische Finanzierung der Pflege ein.",
            ),
        ],
    ),
    "kinder-und-jugendhilfe": (
        "Kinder- und Jugendhilfe",
        "Kinder, Jugend und Familie",
        "Hilfen zur Erziehung",
        (175, 70, 20),
        "Jedes Kind hat ein Recht auf gutes Aufwachsen. Mitgliedsorganisationen des "
        "Paritätischen NRW betreiben Kindertageseinrichtungen, offene Jugendarbeit und Hilfen "
        "zur Erziehung in ganz Nordrhein-Westfalen.",
        [
            (
                "Kindertagesbetreuung",
                "Elterninitiativen und freie Träger bieten eine vielfältige Betreuung. Sie "
                "brauchen eine auskömmliche Finanzierung und genug Fachkräfte.",
            ),
            (
                "Hilfen zur Erziehung",
                "Familien in schwierigen Lebenslagen erhalten Unterstützung und Begleitung – im "
                "Alltag, in Wohngruppen oder in der Tagesgruppe.",
            ),
            (
                "Beteiligung junger Menschen",
                "Kinder und Jugendliche sollen bei allen Entscheidungen mitreden können, die "
                "sie betreffen. Der Verband unterstützt Beteiligungsprojekte seiner Mitglieder.",
            ),
        ],
    ),
    "teilhabe": (
        "Teilhabe von Menschen mit Behinderung",
        "Teilhabe und Inklusion",
        "Eingliederungshilfe",
        (110, 60, 150),
        "Inklusion heißt, dass alle Menschen selbstbestimmt am Leben in der Gesellschaft "
        "teilhaben. Der Paritätische NRW begleitet seine Mitglieder bei der Umsetzung des "
        "Bundesteilhabegesetzes.",
        [
            (
                "Selbstbestimmt wohnen",
                "Menschen mit Behinderung entscheiden selbst, wo und mit wem sie leben. "
                "Ambulant unterstützte Wohnformen machen das möglich.",
            ),
            (
                "Arbeit und Beschäftigung",
                "Werkstätten, Inklusionsbetriebe und das Budget für Arbeit eröffnen Wege in "
                "Beschäftigung, die zu den Menschen passen.",
            ),
        ],
    ),
}

# The invented topics' contacts: functions without names, labelled as examples, with a
# functional mailbox at example.org. slug: [(role, e-mail)]
SAMPLE_CONTACTS = {
    "pflege": [
        ("Referentin Altenhilfe und Pflege (Beispiel)", "pflege@example.org"),
    ],
    "kinder-und-jugendhilfe": [
        ("Referentin Kinder- und Jugendhilfe (Beispiel)", "jugendhilfe@example.org"),
        ("Referent Kindertagesbetreuung (Beispiel)", "kita@example.org"),
    ],
    "teilhabe": [
        ("Referentin Teilhabe und Inklusion (Beispiel)", "teilhabe@example.org"),
    ],
}

# Demo publications: invented examples with generated text, no real documents; the
# description says so. (title, type, date, description, paragraphs)
PUBLICATIONS = [
    (
        "Soziale Beratung für Geflüchtete – Leitfaden",
        "broschuere",
        "2025-03-01",
        "Beispielpublikation: ein Leitfaden für Beratungsstellen im Landesförderprogramm.",
        [
            "Dieser Leitfaden ist eine Beispielpublikation für die Demo-Inhalte.",
            "Er beschreibt, wie Beratungsstellen Menschen mit Fluchterfahrung im Asyl-, "
            "Aufenthalts- und Sozialrecht begleiten.",
            "Stichwort für die Volltextsuche: Beratungsleitfadenbeispiel.",
        ],
    ),
    (
        "Arbeitshilfe Asylverfahrensberatung",
        "arbeitshilfe",
        "2024-09-15",
        "Beispielpublikation: Checklisten für die Beratung vor und nach der Anhörung.",
        [
            "Diese Arbeitshilfe ist eine Beispielpublikation für die Demo-Inhalte.",
            "Sie enthält Checklisten für die Vorbereitung der Anhörung beim Bundesamt.",
            "Stichwort für die Volltextsuche: Anhörungscheckliste.",
        ],
    ),
    (
        "Positionspapier Menschenwürdige Unterbringung",
        "positionspapier",
        "2024-05-20",
        "Beispielpublikation: Anforderungen an die Unterbringung geflüchteter Menschen.",
        [
            "Dieses Positionspapier ist eine Beispielpublikation für die Demo-Inhalte.",
            "Es formuliert Anforderungen an eine menschenwürdige Unterbringung.",
            "Stichwort für die Volltextsuche: Unterbringungsstandards.",
        ],
    ),
    (
        "Psychosoziale Zentren in NRW",
        "broschuere",
        "2024-11-04",
        "Beispielpublikation: Angebote der Psychosozialen Zentren für traumatisierte Geflüchtete.",
        [
            "Diese Broschüre ist eine Beispielpublikation für die Demo-Inhalte.",
            "Sie stellt die Angebote der landesgeförderten Psychosozialen Zentren vor.",
            "Stichwort für die Volltextsuche: Traumaberatungsnetz.",
        ],
    ),
    (
        "Arbeitshilfe Arbeitsmarktintegration",
        "arbeitshilfe",
        "2025-06-30",
        "Beispielpublikation: Wege in Ausbildung und Arbeit für geflüchtete Menschen.",
        [
            "Diese Arbeitshilfe ist eine Beispielpublikation für die Demo-Inhalte.",
            "Sie beschreibt Förderprogramme für eine nachhaltige Arbeitsmarktintegration.",
            "Stichwort für die Volltextsuche: Ausbildungslotsen.",
        ],
    ),
    (
        "Positionspapier Bürgerschaftliches Engagement",
        "positionspapier",
        "2025-01-22",
        "Beispielpublikation: Ehrenamtliches Engagement für Geflüchtete stärken.",
        [
            "Dieses Positionspapier ist eine Beispielpublikation für die Demo-Inhalte.",
            "Es beschreibt, wie Ehrenamtliche in der Arbeit mit Geflüchteten unterstützt werden.",
            "Stichwort für die Volltextsuche: Engagementwerkstatt.",
        ],
    ),
]

# Publications of the Pflege topic: (title, type, date, language, description, paragraphs).
DEMO_TOPIC_PUBLICATIONS = [
    (
        "Stellungnahme zur Pflegereform",
        "stellungnahme",
        "2023-10-12",
        "de",
        "Beispielpublikation: eine Stellungnahme zu einem Gesetzentwurf.",
        [
            "Diese Stellungnahme ist eine Beispielpublikation für die Demo-Inhalte.",
            "Sie zeigt, wie eine Stellungnahme im Publikationsverzeichnis erscheint.",
            "Stichwort für die Volltextsuche: Pflegestellungnahmebeispiel.",
        ],
    ),
    (
        "Jahresbericht Pflege 2023",
        "jahresbericht",
        "2024-04-15",
        "de",
        "Beispielpublikation: ein Jahresbericht mit erfundenen Zahlen.",
        [
            "Dieser Jahresbericht ist eine Beispielpublikation für die Demo-Inhalte.",
            "Alle Zahlen darin sind erfunden und dienen nur der Vorführung.",
            "Stichwort für die Volltextsuche: Jahresberichtsbeispiel.",
        ],
    ),
    (
        "Pflege zu Hause – in Leichter Sprache",
        "broschuere",
        "2025-02-03",
        "de-x-ls",
        "Beispielpublikation in Leichter Sprache.",
        [
            "Das ist ein Beispiel-Heft in Leichter Sprache.",
            "Es ist nur für die Vorführung gedacht.",
            "Stichwort für die Volltextsuche: Leichtesprachebeispiel.",
        ],
    ),
]
