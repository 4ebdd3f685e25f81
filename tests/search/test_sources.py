"""The search learns its types of result from the content apps' registrations, not by name."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from content import searchables
from search.sources import SOURCES
from topics.search import ASSIGNMENT_ANCHOR, CONTACTS_ANCHOR

ROOT = Path(__file__).resolve().parents[2]
SEARCH = ROOT / "search"


def test_types_come_from_the_apps_registrations_pages_first():
    assert [(source.key, source.model._meta.label) for source in SOURCES] == [
        ("topic", "topics.TopicPage"),
        ("page", "wagtailcore.Page"),
        ("person", "people.ContactPerson"),
        ("fachgruppe", "people.Fachgruppe"),
        ("publication", "documents.Publication"),
    ]
    links = {source.key: source.links for source in SOURCES}
    # Persons and Fachgruppen link where the topics app shows them; pages and files to themselves.
    assert links["person"] is not None and links["fachgruppe"] is not None
    assert links["topic"] is links["page"] is links["publication"] is None


def test_registering_after_the_search_read_its_types_is_refused():
    model = apps.get_model("organisation", "Fachbereich")
    with pytest.raises(ImproperlyConfigured, match="before 'search' in INSTALLED_APPS"):
        searchables.register(model, key="fachbereich", label="Fachbereich", label_plural="…")


def test_the_search_app_names_no_other_apps_model():
    """No model label (``topics.TopicPage``) and no template anchor of another app in search/."""
    labels = {
        model._meta.label.lower()
        for model in apps.get_models()
        if Path(model._meta.app_config.path).parent == ROOT and model._meta.app_label != "search"
    }
    assert "topics.topicpage" in labels
    for path in SEARCH.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        text = path.read_text().lower()
        named = sorted(label for label in labels if re.search(rf"\b{re.escape(label)}\b", text))
        assert not named, f"{path.relative_to(ROOT)} names {named}"
        for anchor in (CONTACTS_ANCHOR, ASSIGNMENT_ANCHOR):
            assert anchor not in text, f"{path.relative_to(ROOT)} names the anchor {anchor}"
