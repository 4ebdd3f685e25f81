"""Builds the demo site from the seed page. Idempotent: a second run changes nothing."""

import io
import os
import secrets
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from content.locales import sync_locales
from demo import content, easyread, translations
from demo.accounts import editorial_accounts
from demo.media import hero_png, initials_png, pattern_png, publication_pdf
from documents.models import Publication, PublicationIndexPage, PublicationType
from documents.tasks import extract_publication_metadata
from home.models import HomePage, HomePageFeaturedTopic, SiteSettings, StandardPage
from home.site import sync_default_site
from organisation.models import Fachbereich
from people.models import ContactPerson, Fachgruppe
from topics.models import TopicIndexPage, TopicPage, TopicPageContactPerson, TopicPageFachgruppe

Image = get_image_model()


class Command(BaseCommand):
    help = (
        "Lädt die Demo-Inhalte: Startseite, Themen, die Seite „Flüchtlingsarbeit“, "
        "Ansprechpersonen, Publikationen und die rechtlichen Seiten. Mehrfach ausführbar."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.created = 0
        # The Site's address follows SITE_BASE_URL (as after `migrate`), so every link works.
        sync_default_site()
        # The configured languages' locales (as after `migrate`): the translations need them.
        self.created += len(sync_locales())
        home = self.home_page()
        themen = self.child_page(
            home,
            TopicIndexPage,
            slug="themen",
            title="Themen",
            intro="Die Themen, für die sich der Paritätische NRW einsetzt.",
            show_in_menus=True,
        )
        publikationen = self.child_page(
            home,
            PublicationIndexPage,
            slug="publikationen",
            title="Publikationen",
            intro="Broschüren, Arbeitshilfen und Positionspapiere zum Herunterladen.",
            show_in_menus=True,
        )
        fachbereich = self.get_or_create(Fachbereich, name=content.FACHBEREICH)
        persons = [
            self.person(first, last, role, fachbereich, with_portrait=True)
            for first, last, role in content.CONTACT_PERSONS
        ]
        lead = self.person(*content.FACHGRUPPE_LEAD, fachbereich, with_portrait=False)
        fachgruppe = self.get_or_create(
            Fachgruppe,
            name=content.FACHGRUPPE,
            defaults={"fachbereich": fachbereich, "lead": lead},
        )
        topic = self.topic_page(themen, publikationen, fachbereich, fachgruppe, persons)
        samples = {slug: self.sample_topic(themen, slug) for slug in content.SAMPLE_TOPICS}
        self.featured_topics(home, [topic, samples["pflege"], samples["kinder-und-jugendhilfe"]])
        self.publications(topic, samples["pflege"])
        legal = {
            slug: self.child_page(
                home,
                StandardPage,
                slug=slug,
                title=title,
                intro=intro,
                body=[("section", {"heading": h, "text": RichText(t)}) for h, t in sections],
            )
            for slug, title, intro, sections in content.STANDARD_PAGES
        }
        self.site_settings(home, legal)
        self.translations(home, themen, topic, publikationen)
        self.snippet_translations(fachbereich, fachgruppe, persons)
        # Leichte Sprache: glossary, the BITV parts of its home, a picture row on the seed page.
        easyread.load(self, home, legal)
        self.admin_user()
        self.created += editorial_accounts(fachbereich, self.stdout.write)
        if self.created:
            self.stdout.write(
                self.style.SUCCESS(f"Demo-Inhalte geladen: {self.created} neu angelegt.")
            )
        else:
            self.stdout.write("Demo-Inhalte sind bereits vollständig vorhanden; nichts geändert.")

    # Pages ---------------------------------------------------------------------------------

    def home_page(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise SystemExit("Die Wurzelseite der Standard-Site ist keine Startseite (HomePage).")
        if home.intro in ("", content.OLD_HOME_INTRO):
            home.intro = content.HOME_INTRO
            home.save_revision().publish()
            self.created += 1
        return home

    def child_page(self, parent, model, *, slug, **fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def topic_page(self, themen, publikationen, fachbereich, fachgruppe, persons):
        existing = themen.get_children().filter(slug="fluechtlingsarbeit").first()
        if existing:
            return existing.specific
        hero = self.image(
            "Drei junge Männer (Illustration)",
            "hero-fluechtlingsarbeit.png",
            hero_png,
            # The three men (x 30–70 %, heads at 36 % of the height): art-directed crops keep them.
            focal_point=(800, 420, 1000, 760),
        )
        page = TopicPage(
            title=content.TOPIC_TITLE,
            slug="fluechtlingsarbeit",
            hero_image=hero,
            hero_image_alt=content.HERO_ALT,
            intro=content.TOPIC_INTRO,
            body=[
                ("section", {"heading": heading, "text": RichText(f"<p>{text}</p>")})
                for heading, text in content.TOPIC_SECTIONS
            ],
            fachbereich=fachbereich,
            further_information=[
                (
                    "call_to_action",
                    {
                        "heading": content.MORE_INFO_HEADING,
                        "text": content.MORE_INFO_TEXT,
                        "link": {"label": content.MORE_INFO_LINK_LABEL, "page": publikationen},
                    },
                )
            ],
            show_in_menus=True,
        )
        page.fachgruppe_links = [TopicPageFachgruppe(fachgruppe=fachgruppe)]
        page.contact_person_links = [
            TopicPageContactPerson(person=person, sort_order=index)
            for index, person in enumerate(persons)
        ]
        themen.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def featured_topics(self, home, topics):
        """The editors' choice of topic cards on the home page (when there is none yet)."""
        if home.featured_topics.exists():
            return
        for order, topic in enumerate(topics):
            HomePageFeaturedTopic.objects.create(page=home, topic=topic, sort_order=order)
        home.save_revision().publish()
        self.created += 1

    def sample_topic(self, themen, slug):
        """An invented topic page, labelled as sample text, in its Fachbereich and Fachgruppe,
        with contacts named only by their function."""
        title, fachbereich_name, fachgruppe_name, hue, intro, sections = content.SAMPLE_TOPICS[slug]
        existing = themen.get_children().filter(slug=slug).first()
        if existing:
            page = existing.specific
            if not page.contact_person_links.exists():  # loaded before the demo had them
                page.contact_person_links = self.contact_links(slug, page.fachbereich)
                page.save_revision().publish()
                self.created += 1
            return page
        fachbereich = self.get_or_create(Fachbereich, name=fachbereich_name)
        fachgruppe = self.get_or_create(
            Fachgruppe, name=fachgruppe_name, defaults={"fachbereich": fachbereich}
        )
        hero = self.image(
            f"Themenbild {title} (Muster)", f"pattern-{slug}.png", lambda: pattern_png(hue)
        )
        page = TopicPage(
            title=title,
            slug=slug,
            hero_image=hero,
            hero_image_decorative=True,
            intro=intro,
            body=[("text", RichText(content.SAMPLE_TEXT_NOTICE))]
            + [
                ("section", {"heading": heading, "text": RichText(f"<p>{text}</p>")})
                for heading, text in sections
            ],
            fachbereich=fachbereich,
        )
        page.fachgruppe_links = [TopicPageFachgruppe(fachgruppe=fachgruppe)]
        page.contact_person_links = self.contact_links(slug, fachbereich)
        themen.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def contact_links(self, slug, fachbereich):
        return [
            TopicPageContactPerson(person=self.role_contact(role, email, fachbereich), sort_order=n)
            for n, (role, email) in enumerate(content.SAMPLE_CONTACTS[slug])
        ]

    # Translations --------------------------------------------------------------------------

    def translations(self, home, themen, topic, publikationen):
        """The home page, the topics overview and the seed page in English, Arabic and
        Leichte Sprache (demo/translations.py), each copied from the German page as Wagtail's
        "Übersetzen" does, rewritten and published; for each configured language only."""
        for code, pages in translations.PAGES.items():
            if code not in settings.SITE_LANGUAGES:
                continue
            locale = Locale.objects.get(language_code=code)
            self.translation(home, locale, pages["home"], featured_topics=[])
            self.translation(themen, locale, pages["themen"])
            topic_texts = dict(pages["topic"])
            sections = topic_texts.pop("sections")
            more_heading, more_text, more_label = topic_texts.pop("more")
            self.translation(
                topic,
                locale,
                topic_texts,
                body=[("text", RichText(f"<p>{translations.SAMPLE_NOTICE[code]}</p>"))]
                + [
                    ("section", {"heading": heading, "text": RichText(f"<p>{text}</p>")})
                    for heading, text in sections
                ],
                further_information=[
                    (
                        "call_to_action",
                        {
                            "heading": more_heading,
                            "text": more_text,
                            "link": {"label": more_label, "page": publikationen},
                        },
                    )
                ],
            )

    def translation(self, page, locale, fields, **more):
        """The page's translation into ``locale``: left as it is when there is one."""
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        copy = page.copy_for_translation(locale).specific
        for name, value in {**fields, **more}.items():
            setattr(copy, name, value)
        copy.save_revision().publish()
        self.created += 1
        return copy

    # Snippets, media ------------------------------------------------------------------------

    def snippet_translations(self, fachbereich, fachgruppe, persons):
        """The seed page's Fachbereich, Fachgruppe and contact persons' function in English and
        Arabic (demo/translations.py), where they have no translations yet (an editor's are
        kept); the persons' through a published revision, as an editor's would be."""
        for obj, texts in (
            (fachbereich, translations.FACHBEREICH),
            (fachgruppe, translations.FACHGRUPPE),
            *((person, translations.ROLE) for person in persons),
        ):
            if obj.translations.raw_data:
                continue
            obj.translations = [
                ("translation", {"language": code, **fields, "note": translations.SNIPPET_NOTE})
                for code, fields in texts.items()
            ]
            if isinstance(obj, ContactPerson):
                obj.save_revision().publish()
            else:
                obj.save()
            self.created += 1

    def get_or_create(self, model, defaults=None, **lookup):
        instance, created = model.objects.get_or_create(defaults=defaults or {}, **lookup)
        self.created += created
        return instance

    def person(self, first_name, last_name, role, fachbereich, *, with_portrait):
        existing = ContactPerson.objects.filter(first_name=first_name, last_name=last_name).first()
        if existing:
            return existing
        person = ContactPerson(
            first_name=first_name, last_name=last_name, role=role, fachbereich=fachbereich
        )
        if with_portrait:
            person.photo = self.image(
                f"Porträt-Platzhalter {first_name} {last_name}",
                f"portrait-{last_name.lower()}.png",
                lambda: initials_png(person.initials),
            )
        person.save()
        person.save_revision().publish()
        self.created += 1
        return person

    def role_contact(self, role, email, fachbereich):
        """A contact named only by its function (no invented names)."""
        existing = ContactPerson.objects.filter(first_name="", last_name="", role=role).first()
        if existing:
            return existing
        person = ContactPerson(role=role, email=email, fachbereich=fachbereich)
        person.save()
        person.save_revision().publish()
        self.created += 1
        return person

    def image(self, title, filename, render, focal_point=None):
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        data = render()
        image = Image(
            title=title,
            file=ImageFile(ContentFile(data, name=filename)),
            # What Wagtail's upload forms record of a new file.
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
        )
        if focal_point:
            x, y, width, height = focal_point
            image.focal_point_x, image.focal_point_y = x, y
            image.focal_point_width, image.focal_point_height = width, height
        image.save()
        self.created += 1
        return image

    def publications(self, topic, demo_topic):
        rows = [(*row[:3], "de", *row[3:], topic) for row in content.PUBLICATIONS]
        rows += [(*row, demo_topic) for row in content.DEMO_TOPIC_PUBLICATIONS]
        for title, kind, day, language, description, paragraphs, tagged in rows:
            if Publication.objects.filter(title=title).exists():
                continue
            data = publication_pdf(title, paragraphs, PublicationType(kind).label, kind)
            publication = Publication(
                title=title,
                file=ContentFile(data, name=f"{kind}-{day}.pdf"),
                file_size=len(data),
                file_hash=hash_filelike(io.BytesIO(data)),
                description=description,
                publication_type=kind,
                publication_date=date.fromisoformat(day),
                language=language,
            )
            publication.save()
            publication.topics.set([tagged])
            # Read right away (not only when the transaction commits), so that the demo's
            # page counts, full text and covers are there whatever task backend is configured.
            extract_publication_metadata(publication)
            self.created += 1

    # Settings, users --------------------------------------------------------------------------

    def site_settings(self, home, legal):
        site = Site.objects.get(is_default_site=True)
        settings = SiteSettings.for_site(site)
        if settings.imprint_page_id:
            return
        settings.organisation_name = "Der Paritätische NRW"
        settings.address = "Platzhalter-Anschrift (Demo-Inhalt)"
        settings.email = "kontakt@example.org"
        settings.imprint_page = legal["impressum"]
        settings.privacy_page = legal["datenschutz"]
        settings.accessibility_page = legal["barrierefreiheit"]
        settings.save()
        self.created += 1

    def admin_user(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        self.created += 1
        if os.environ.get("DEMO_ADMIN_PASSWORD"):
            self.stdout.write("Admin-Konto „admin“ angelegt (Passwort aus DEMO_ADMIN_PASSWORD).")
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin-Konto angelegt: Benutzername „admin“, Passwort „{password}“ "
                    "(wird nur dieses eine Mal angezeigt)."
                )
            )
