"""Leichte Sprache on the demo content: its locale, the translations of the home and seed page
(from the demo where it has them), glossary terms and the glossary page."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from easyread.models import EASY_READ_LANGUAGE, GlossaryPage, GlossaryTerm
from governance.roles import REDAKTION_GROUP


@pytest.fixture
def ls_locale(db):
    return Locale.objects.get_or_create(language_code=EASY_READ_LANGUAGE)[0]


def translation(page, locale):
    """The page's live translation in ``locale`` (the demo's, else a published copy)."""
    existing = page.get_translation_or_none(locale)
    if existing is None:
        existing = page.copy_for_translation(locale, copy_parents=True)
    existing = existing.specific
    if not existing.live or existing.has_unpublished_changes:
        existing.save_revision().publish()
    return Page.objects.get(pk=existing.pk).specific


def german(slug):
    """The German demo page with this slug (its translations may share the slug)."""
    return Page.objects.get(slug=slug, locale__language_code="de").specific


@pytest.fixture
def ls_home(demo, ls_locale):
    return translation(demo.home, ls_locale)


@pytest.fixture
def ls_seed(demo, ls_locale, ls_home):
    return translation(german("fluechtlingsarbeit"), ls_locale)


@pytest.fixture
def glossary(ls_home, ls_locale):
    """Three terms (one with a picture) and the glossary page of the Leichte Sprache tree
    (in place of the demo's terms)."""
    GlossaryTerm.objects.filter(locale=ls_locale).delete()
    terms = {
        word: GlossaryTerm.objects.get_or_create(
            locale=ls_locale, term=word, defaults={"explanation": explanation}
        )[0]
        for word, explanation in [
            ("Ärztin", "Eine Ärztin hilft, wenn Sie krank sind."),
            ("Asyl", "Asyl bedeutet: Schutz in einem anderen Land."),
            ("Beratung", "Bei einer Beratung hilft Ihnen jemand."),
        ]
    }
    terms["Beratung"].image = ImageFactory(title="Piktogramm", description="Eine Sprechblase")
    terms["Beratung"].image_credit = "Bild: Beispiel"
    terms["Beratung"].save()
    page = GlossaryPage.objects.filter(locale=ls_locale).first()
    if page is None:
        page = GlossaryPage(title="Wörter·buch", slug="woerterbuch", intro="Schwere Wörter.")
        ls_home.add_child(instance=page)
        page.save_revision().publish()
    return terms, page


@pytest.fixture
def ls_page_with_term(ls_seed, glossary):
    """The Leichte Sprache seed page with a word linked to its glossary entry."""
    terms, _page = glossary
    text = f'<p>Wir beraten zum <a linktype="glossary" id="{terms["Asyl"].pk}">Asyl</a>.</p>'
    ls_seed.body = [("text", RichText(text)), *[(c.block_type, c.value) for c in ls_seed.body]]
    ls_seed.save_revision().publish()
    return ls_seed


@pytest.fixture
def redaktion(demo, ls_home):
    """The central Redaktion's demo account, logged in. Its page permissions are on the
    German home (governance.roles); for the Leichte Sprache tree they are given here on its
    home if the governance does not already give them."""
    user = get_user_model().objects.get(username="zentralredaktion")
    group = user.groups.get(name=REDAKTION_GROUP)
    if not GroupPagePermission.objects.filter(group=group, page=ls_home).exists():
        for permission in GroupPagePermission.objects.filter(group=group, page=demo.home):
            GroupPagePermission.objects.get_or_create(
                group=group, page=ls_home, permission=permission.permission
            )
    client = Client()
    client.force_login(user)
    return client
