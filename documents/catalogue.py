"""The publications catalogue: one filter vocabulary for the library page and the API.

A filter is a :class:`PublicationFilter` (topic by slug, type, year, language). The API takes
these names as query parameters; the library page takes the German names of ``HTML_NAMES``
(``?thema=…&art=…&jahr=…&sprache=…``), mapped here and nowhere else. Both then list the same
publications in the same order, and the page adds the count of each filter option (facets:
how many publications that option would show, given the other filters already chosen). Every
count is one aggregate query, so the number of queries does not grow with the publications.
"""

from dataclasses import dataclass
from typing import Literal

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from ninja import Schema
from pydantic import Field
from pydantic import ValidationError as SchemaError

from content.visibility import ANONYMOUS, visible

from .models import (
    NEWEST_FIRST,
    Publication,
    PublicationLanguage,
    PublicationType,
    publications_only,
)
from .topics import topic_pages

PublicationTypeKey = Literal[tuple(PublicationType.values)]  # type: ignore[valid-type]
LanguageCode = Literal[tuple(PublicationLanguage.values)]  # type: ignore[valid-type]

# Query parameter names of the library page (German, as the site's URLs) -> filter fields.
HTML_NAMES = {"thema": "topic", "art": "type", "jahr": "year", "sprache": "language"}

FACET_LABELS = {
    "topic": (_("Thema"), _("Alle Themen")),
    "type": (_("Art"), _("Alle Arten")),
    "year": (_("Jahr"), _("Alle Jahre")),
    "language": (_("Sprache"), _("Alle Sprachen")),
}
ERRORS = {
    "topic": _("Dieses Thema gibt es nicht."),
    "type": _("Diese Art von Publikation gibt es nicht."),
    "year": _("Bitte ein Jahr zwischen 1900 und 2100 angeben."),
    "language": _("Diese Sprache gibt es nicht."),
}


class PublicationFilter(Schema):
    topic: str | None = Field(
        None, max_length=255, description="Slug of a topic page, e.g. `fluechtlingsarbeit`."
    )
    type: PublicationTypeKey | None = Field(None, description="Publication type key.")
    year: int | None = Field(None, ge=1900, le=2100, description="Year of publication.")
    language: LanguageCode | None = Field(None, description="Language code.")


def html_query(**filters):
    """The library page's query string for ``filters`` (API names), e.g. the "more" link."""
    names = {field: name for name, field in HTML_NAMES.items()}
    return urlencode({names[field]: value for field, value in filters.items() if value})


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str  # the query parameter of the page
    label: str
    all_label: str  # the option that does not filter
    options: list


class Catalogue:
    """The visible publications matching a filter, and the options of every filter."""

    def __init__(self, filters, reader=ANONYMOUS, errors=None):
        self.filters = filters
        self.errors = dict(errors or {})
        self.base = publications_only(visible(Publication.objects.all(), reader))
        self.topics = {
            slug: (pk, title)
            for pk, slug, title in visible(topic_pages(), reader).values_list("pk", "slug", "title")
        }
        if filters.topic and filters.topic not in self.topics:
            self.errors["topic"] = ERRORS["topic"]

    @classmethod
    def from_html_query(cls, query, reader=ANONYMOUS):
        """The library page's filter from its German query parameters; wrong values become
        messages (German) instead of being ignored."""
        data = {field: query.get(name) for name, field in HTML_NAMES.items() if query.get(name)}
        errors = {}
        try:
            filters = PublicationFilter(**data)
        except SchemaError as error:
            errors = {e["loc"][0]: ERRORS[e["loc"][0]] for e in error.errors() if e["loc"]}
            filters = PublicationFilter(**{k: v for k, v in data.items() if k not in errors})
        return cls(filters, reader, errors)

    @property
    def is_valid(self):
        return not self.errors

    @property
    def is_filtered(self):
        return any(self.filters.model_dump().values())

    def error_messages(self):
        """(label, message) of every wrong filter value, for the page."""
        return [(FACET_LABELS[field][0], message) for field, message in self.errors.items()]

    def filtered(self, skip=None):
        queryset = self.base
        f = self.filters
        if f.topic and skip != "topic" and f.topic in self.topics:
            queryset = queryset.filter(topics=self.topics[f.topic][0])
        if f.type and skip != "type":
            queryset = queryset.filter(publication_type=f.type)
        if f.year and skip != "year":
            queryset = queryset.filter(publication_date__year=f.year)
        if f.language and skip != "language":
            queryset = queryset.filter(language=f.language)
        return queryset

    def publications(self, order=NEWEST_FIRST):
        """The matching publications (none for a wrong filter), with their covers."""
        if not self.is_valid:
            return Publication.objects.none()
        return self.filtered().select_related(*Publication.value_select_related).order_by(*order)

    def facets(self):
        """The four filters, each with every option that would show something and its count."""
        names = {field: name for name, field in HTML_NAMES.items()}
        topic_labels = {slug: title for slug, (_pk, title) in self.topics.items()}
        return [
            Facet(
                names[field],
                FACET_LABELS[field][0],
                FACET_LABELS[field][1],
                self._options(field, counts, labels),
            )
            for field, counts, labels in (
                ("topic", self._topic_counts(), topic_labels),
                ("type", self._counts("type", "publication_type"), PublicationType),
                ("year", self._year_counts(), None),
                ("language", self._counts("language", "language"), PublicationLanguage),
            )
        ]

    def _counts(self, field, column):
        rows = self.filtered(skip=field).order_by().values(column).annotate(n=Count("pk"))
        return {row[column]: row["n"] for row in rows}

    def _year_counts(self):
        rows = (
            self.filtered(skip="year")
            .exclude(publication_date=None)
            .order_by()
            .annotate(year=ExtractYear("publication_date"))
            .values("year")
            .annotate(n=Count("pk"))
        )
        return {str(row["year"]): row["n"] for row in rows}

    def _topic_counts(self):
        slugs = {pk: slug for slug, (pk, _title) in self.topics.items()}
        rows = (
            self.filtered(skip="topic")
            .filter(topics__in=slugs)
            .order_by()
            .values("topics")
            .annotate(n=Count("pk", distinct=True))
        )
        return {slugs[row["topics"]]: row["n"] for row in rows}

    def _options(self, field, counts, labels):
        selected = str(getattr(self.filters, field) or "")
        if labels is None:  # years: newest first
            values = sorted(counts, reverse=True)
            label_of = {value: value for value in values}
        elif isinstance(labels, dict):  # topics: alphabetical
            label_of = labels
            values = sorted(labels, key=lambda value: labels[value].lower())
        else:  # choices: in the order the model declares them
            label_of = dict(labels.choices)
            values = list(labels.values)
        return [
            Option(value, str(label_of.get(value, value)), counts.get(value, 0), value == selected)
            for value in values
            if counts.get(value) or value == selected
        ]
