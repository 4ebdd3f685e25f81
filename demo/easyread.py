"""The demo's Leichte Sprache: the glossary, the BITV parts of the Leichte Sprache home page
(what the site contains, how to find one's way, the essentials of the accessibility statement,
BITV 2.0 § 4), and a picture-with-text row on the Leichte Sprache seed page.

Written for the demo in Leichte Sprache, not checked by a Prüfgruppe. Needs the Leichte
Sprache home page (the translations of demo/translations.py); without it, nothing is added.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from documents.models import Publication
from easyread.models import EASY_READ_LANGUAGE, GlossaryPage, GlossaryTerm
from home.models import HomePage

from .media import pictogram_png, sign_language_poster_png

# (term, explanation, with the pictogram)
GLOSSARY = [
    (
        "Asyl",
        "Asyl bedeutet: Schutz in einem anderen Land.\nMenschen bekommen Asyl, wenn sie in "
        "ihrem Land in Gefahr sind.\nZum Beispiel wegen Krieg.",
        False,
    ),
    (
        "Beratung",
        "Bei einer Beratung hilft Ihnen jemand.\nSie können Fragen stellen.\nDie Person "
        "erklärt Ihnen, was Sie tun können.",
        True,
    ),
    (
        "Flüchtling",
        "Ein Flüchtling ist ein Mensch.\nDer Mensch musste aus seinem Land fliehen.\nZum "
        "Beispiel wegen Krieg.",
        False,
    ),
    (
        "Verband",
        "Ein Verband ist eine Gruppe von Vereinen.\nDie Vereine arbeiten zusammen.\nSo können "
        "sie mehr erreichen.",
        False,
    ),
    (
        "Prüf·gruppe",
        "Eine Prüf·gruppe liest Texte in Leichter Sprache.\nIn der Prüf·gruppe sind Menschen "
        "mit Lern·schwierigkeiten.\nSie sagen: Diesen Text verstehen wir.\nOder: Das müssen "
        "Sie einfacher schreiben.",
        False,
    ),
    (
        "Barriere·frei",
        "Barriere·frei bedeutet: Alle Menschen können etwas gut benutzen.\nAuch Menschen mit "
        "Behinderung.",
        False,
    ),
]
PICTOGRAM_TITLE = "Piktogramm Sprech·blase mit Frage·zeichen (Demo-Grafik)"
PICTOGRAM_ALT = "Eine Sprech·blase mit einem Frage·zeichen"
PICTOGRAM_CREDIT = "Bild: Demo-Grafik, für die Demo erzeugt"

# The sign-language video of the Leichte Sprache home (BITV 2.0 § 4 asks for DGS too): a
# placeholder of two seconds, committed (1.4 kB, VP8 in WebM) so the demo needs no ffmpeg.
# It signs nothing; the association replaces it with its own video in the admin.
VIDEO_FILE = Path(__file__).resolve().parent / "files" / "dgs-beispiel.webm"
VIDEO_TITLE = "Platzhalter: Video in Deutscher Gebärdensprache (Demo)"
VIDEO_BLOCK = {
    "title": "Der Paritätische NRW in Deutscher Gebärden·sprache",
    "duration": "0:02",
    "caption": (
        "Beispiel für die Demo: Das Video zeigt noch keine Gebärden·sprache. Hier kommt ein "
        "Video mit einer Gebärden·sprach·dolmetscherin hin."
    ),
}
POSTER_TITLE = "Vorschaubild Gebärdensprach-Video (Demo-Grafik)"
POSTER_ALT = "Vorschau·bild: Zwei Vierecke auf blauem Grund und die Buchstaben DGS"

GLOSSARY_PAGE = {
    "slug": "woerterbuch",
    "title": "Wörter·buch",
    "intro": "Hier erklären wir schwere Wörter. Die Wörter sind nach dem ABC sortiert.",
}


def glossary_link(terms, word, text=None):
    return f'<a linktype="glossary" id="{terms[word].pk}">{text or word}</a>'


def home_sections(terms, accessibility_page):
    """The BITV § 4 parts of the Leichte Sprache home: (heading, HTML)."""
    statement = (
        f'<p>Hier steht die Erklärung in Alltags·sprache: <a linktype="page" '
        f'id="{accessibility_page.pk}">Erklärung zur Barriere·freiheit</a>.</p>'
        if accessibility_page is not None
        else ""
    )
    return [
        (
            "Was finden Sie auf dieser Internet·seite?",
            f"<p>Das ist die Internet·seite vom Paritätischen NRW.</p>"
            f"<p>Der Paritätische NRW ist ein {glossary_link(terms, 'Verband')}.</p>"
            "<p>In dem Verband sind viele Vereine. Die Vereine helfen Menschen.</p>"
            "<p>Auf der Internet·seite finden Sie:</p>"
            "<ul><li>Infos über unsere Themen.</li><li>Hefte zum Herunter·laden.</li>"
            "<li>Menschen, die Sie fragen können.</li></ul>",
        ),
        (
            "So finden Sie sich zurecht",
            "<p>Oben auf jeder Seite ist das Menü. Im Menü sind die Themen.</p>"
            "<p>Oben auf jeder Seite ist auch ein Such·feld. Dort schreiben Sie ein Wort. "
            "Dann finden Sie Seiten mit diesem Wort.</p>"
            "<p>Mit dem Link „Leichte Sprache“ kommen Sie immer zu dieser Seite.</p>"
            "<p>Manche Wörter sind schwer. Diese Wörter sind unter·strichen. Klicken Sie auf "
            "das Wort. Dann kommen Sie zum Wörter·buch. Dort steht, was das Wort bedeutet.</p>",
        ),
        (
            "Barriere·freiheit",
            f"<p>Wir möchten: Alle Menschen können unsere Internet·seite benutzen. Das nennt "
            f"man: {glossary_link(terms, 'Barriere·frei', 'barriere·frei')}.</p>"
            "<p>Wir prüfen die Internet·seite. Manche Teile sind noch nicht barriere·frei.</p>"
            "<p>Haben Sie ein Problem auf der Internet·seite? Dann schreiben Sie uns. Die "
            "Adresse steht unten auf jeder Seite.</p>"
            "<p>Wir helfen Ihnen nicht? Dann können Sie sich an die Schlichtungs·stelle "
            "wenden. Die Schlichtungs·stelle hilft bei Streit über Barriere·freiheit.</p>"
            + statement,
        ),
    ]


def seed_row(terms, pictogram):
    return (
        "picture_text",
        {
            "image": {"image": pictogram, "alt_text": PICTOGRAM_ALT, "decorative": False},
            "text": RichText(
                f"<p>Haben Sie Fragen zum {glossary_link(terms, 'Asyl')}?</p>"
                f"<p>Dann gehen Sie zu einer {glossary_link(terms, 'Beratung')}. "
                "Dort hilft man Ihnen.</p>"
            ),
            "credit": PICTOGRAM_CREDIT,
        },
    )


def sign_language_video(command):
    """The demo's video document (public, not a publication of the library: documents'
    ``publications_only``) and its poster, created once."""
    video = Publication.objects.filter(title=VIDEO_TITLE).first()
    if video is None:
        data = VIDEO_FILE.read_bytes()
        video = Publication(
            title=VIDEO_TITLE,
            file=ContentFile(data, name="dgs-beispiel.webm"),
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
            description="Platzhalter für ein Video in Deutscher Gebärdensprache (Demo).",
        )
        video.save()
        command.created += 1
    poster = command.image(POSTER_TITLE, "dgs-vorschau.png", sign_language_poster_png)
    return (
        "sign_language_video",
        {
            **VIDEO_BLOCK,
            "video": video,
            "poster": {"image": poster, "alt_text": POSTER_ALT, "decorative": False},
        },
    )


def _stream(page, field="body"):
    return [(child.block_type, child.value) for child in getattr(page, field)]


def load(command, german_home, legal):
    """Adds what is missing; returns nothing (counts on ``command.created``)."""
    locale = Locale.objects.filter(language_code=EASY_READ_LANGUAGE).first()
    if locale is None:  # Leichte Sprache is not among the configured languages
        return
    pictogram = command.image(
        PICTOGRAM_TITLE, "piktogramm-beratung.png", lambda: pictogram_png("?")
    )
    terms = {}
    for word, explanation, with_picture in GLOSSARY:
        term = GlossaryTerm.objects.filter(locale=locale, term=word).first()
        if term is None:
            term = GlossaryTerm.objects.create(
                locale=locale,
                term=word,
                explanation=explanation,
                image=pictogram if with_picture else None,
                image_alt=PICTOGRAM_ALT if with_picture else "",
                image_credit=PICTOGRAM_CREDIT if with_picture else "",
            )
            command.created += 1
        terms[word] = term
    home = HomePage.objects.filter(
        locale=locale, depth=german_home.depth, translation_key=german_home.translation_key
    ).first()
    if home is None:
        return
    command.child_page(home, GlossaryPage, **GLOSSARY_PAGE)

    home = home.specific
    headings = {value["heading"] for kind, value in _stream(home) if kind == "section"}
    sections = home_sections(terms, legal.get("barrierefreiheit"))
    if not headings & {heading for heading, _text in sections}:
        home.body = _stream(home) + [
            ("section", {"heading": heading, "text": RichText(text)}) for heading, text in sections
        ]
        home.save_revision().publish()
        command.created += 1
    # The video first: who reads sign language finds it at the top of the start page.
    if not any(kind == "sign_language_video" for kind, _value in _stream(home)):
        home.body = [sign_language_video(command), *_stream(home)]
        home.save_revision().publish()
        command.created += 1

    german_seeds = Page.objects.filter(slug="fluechtlingsarbeit").values("translation_key")
    seed = Page.objects.filter(locale=locale, translation_key__in=german_seeds).first()
    if seed is not None:
        seed = seed.specific
        if not any(kind == "picture_text" for kind, _value in _stream(seed)):
            seed.body = [seed_row(terms, pictogram), *_stream(seed)]
            seed.save_revision().publish()
            command.created += 1
