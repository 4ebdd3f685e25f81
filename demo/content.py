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

# Demo publications: clearly marked examples with generated text, no real documents.
# (title, type, date, description, paragraphs)
PUBLICATIONS = [
    (
        "Beispiel: Soziale Beratung für Geflüchtete – Leitfaden",
        "broschuere",
        "2025-03-01",
        "Demo-Publikation: ein Leitfaden für Beratungsstellen im Landesförderprogramm.",
        [
            "Dieser Leitfaden ist eine Beispielpublikation für die Demo-Inhalte.",
            "Er beschreibt, wie Beratungsstellen Menschen mit Fluchterfahrung im Asyl-, "
            "Aufenthalts- und Sozialrecht begleiten.",
            "Stichwort für die Volltextsuche: Beratungsleitfadenbeispiel.",
        ],
    ),
    (
        "Beispiel: Arbeitshilfe Asylverfahrensberatung",
        "arbeitshilfe",
        "2024-09-15",
        "Demo-Publikation: Checklisten für die Beratung vor und nach der Anhörung.",
        [
            "Diese Arbeitshilfe ist eine Beispielpublikation für die Demo-Inhalte.",
            "Sie enthält Checklisten für die Vorbereitung der Anhörung beim Bundesamt.",
            "Stichwort für die Volltextsuche: Anhörungscheckliste.",
        ],
    ),
    (
        "Beispiel: Positionspapier Menschenwürdige Unterbringung",
        "positionspapier",
        "2024-05-20",
        "Demo-Publikation: Anforderungen an die Unterbringung geflüchteter Menschen.",
        [
            "Dieses Positionspapier ist eine Beispielpublikation für die Demo-Inhalte.",
            "Es formuliert Anforderungen an eine menschenwürdige Unterbringung.",
            "Stichwort für die Volltextsuche: Unterbringungsstandards.",
        ],
    ),
    (
        "Beispiel: Broschüre Psychosoziale Zentren",
        "broschuere",
        "2024-11-04",
        "Demo-Publikation: Angebote der Psychosozialen Zentren für traumatisierte Geflüchtete.",
        [
            "Diese Broschüre ist eine Beispielpublikation für die Demo-Inhalte.",
            "Sie stellt die Angebote der landesgeförderten Psychosozialen Zentren vor.",
            "Stichwort für die Volltextsuche: Traumaberatungsnetz.",
        ],
    ),
    (
        "Beispiel: Arbeitshilfe Arbeitsmarktintegration",
        "arbeitshilfe",
        "2025-06-30",
        "Demo-Publikation: Wege in Ausbildung und Arbeit für geflüchtete Menschen.",
        [
            "Diese Arbeitshilfe ist eine Beispielpublikation für die Demo-Inhalte.",
            "Sie beschreibt Förderprogramme für eine nachhaltige Arbeitsmarktintegration.",
            "Stichwort für die Volltextsuche: Ausbildungslotsen.",
        ],
    ),
    (
        "Beispiel: Positionspapier Bürgerschaftliches Engagement",
        "positionspapier",
        "2025-01-22",
        "Demo-Publikation: Ehrenamtliches Engagement für Geflüchtete stärken.",
        [
            "Dieses Positionspapier ist eine Beispielpublikation für die Demo-Inhalte.",
            "Es beschreibt, wie Ehrenamtliche in der Arbeit mit Geflüchteten unterstützt werden.",
            "Stichwort für die Volltextsuche: Engagementwerkstatt.",
        ],
    ),
]

# A second, clearly marked demo topic, so that the publications page has two topics to filter.
DEMO_TOPIC = {
    "slug": "pflege",
    "title": "Pflege (Demo-Thema)",
    "intro": (
        "Demo-Inhalt: Dieses Beispielthema zeigt, wie Publikationen verschiedenen Themen "
        "zugeordnet und auf der Publikationsseite nach Thema gefiltert werden."
    ),
    "sections": [
        (
            "Beispielabschnitt",
            "Platzhalter: Dieser Abschnitt ist Demo-Inhalt und kein Text des Verbands.",
        ),
    ],
}

# Publications of the demo topic: (title, type, date, language, description, paragraphs).
DEMO_TOPIC_PUBLICATIONS = [
    (
        "Beispiel: Stellungnahme zur Pflegereform",
        "stellungnahme",
        "2023-10-12",
        "de",
        "Demo-Publikation: eine Stellungnahme zu einem Gesetzentwurf.",
        [
            "Diese Stellungnahme ist eine Beispielpublikation für die Demo-Inhalte.",
            "Sie zeigt, wie eine Stellungnahme im Publikationsverzeichnis erscheint.",
            "Stichwort für die Volltextsuche: Pflegestellungnahmebeispiel.",
        ],
    ),
    (
        "Beispiel: Jahresbericht Pflege 2023",
        "jahresbericht",
        "2024-04-15",
        "de",
        "Demo-Publikation: ein Jahresbericht mit Beispielzahlen.",
        [
            "Dieser Jahresbericht ist eine Beispielpublikation für die Demo-Inhalte.",
            "Alle Zahlen darin sind erfunden und dienen nur der Vorführung.",
            "Stichwort für die Volltextsuche: Jahresberichtsbeispiel.",
        ],
    ),
    (
        "Beispiel: Pflege zu Hause – in Leichter Sprache",
        "broschuere",
        "2025-02-03",
        "de-x-ls",
        "Demo-Publikation in Leichter Sprache.",
        [
            "Das ist ein Beispiel-Heft in Leichter Sprache.",
            "Es ist nur für die Vorführung gedacht.",
            "Stichwort für die Volltextsuche: Leichtesprachebeispiel.",
        ],
    ),
]
