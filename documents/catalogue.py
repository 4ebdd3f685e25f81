"""The publications page's filters: topic, type, year and language, with counts.

A plain GET form, so every filtered view has a shareable URL and works without JavaScript.
The counts next to each option are facet counts: how many publications that option would
show, given the other filters already chosen. Every count is one aggregate query, so the
number of queries does not grow with the number of publications.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from .models import Publication, PublicationLanguage, PublicationType


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str  # the query parameter
    label: str
    all_label: str  # the option that does not filter
    options: list


class PublicationFilterForm(forms.Form):
    """The query parameters of /publikationen/ (German, as the rest of the site's URLs)."""

    thema = forms.SlugField(label=_("Thema"), required=False)
    art = forms.ChoiceField(
        label=_("Art"), choices=[("", "")] + PublicationType.choices, required=False
    )
    jahr = forms.IntegerField(label=_("Jahr"), min_value=1900, max_value=2100, required=False)
    sprache = forms.ChoiceField(
        label=_("Sprache"), choices=[("", "")] + PublicationLanguage.choices, required=False
    )

    def __init__(self, data, topics):
        super().__init__(data)
        self.topics = topics  # {slug: (id, title)} of live, public topic pages

    def clean_thema(self):
        slug = self.cleaned_data["thema"]
        if slug and slug not in self.topics:
            raise forms.ValidationError(_("Dieses Thema gibt es nicht."), code="unknown_topic")
        return slug


def filter_publications(queryset, filters, topics, *, skip=None):
    """``queryset`` narrowed by the cleaned ``filters``, leaving out the facet ``skip``."""
    if filters.get("thema") and skip != "thema":
        queryset = queryset.filter(topics=topics[filters["thema"]][0])
    if filters.get("art") and skip != "art":
        queryset = queryset.filter(publication_type=filters["art"])
    if filters.get("jahr") and skip != "jahr":
        queryset = queryset.filter(publication_date__year=filters["jahr"])
    if filters.get("sprache") and skip != "sprache":
        queryset = queryset.filter(language=filters["sprache"])
    return queryset


class Catalogue:
    """The filtered publications and the options of every filter with their counts."""

    def __init__(self, data):
        self.base = Publication.objects.public()
        self.topics = _public_topics()
        self.form = PublicationFilterForm(data, self.topics)
        self.is_valid = self.form.is_valid()
        self.filters = self.form.cleaned_data if self.is_valid else {}

    @property
    def is_filtered(self):
        return any(self.filters.values())

    def publications(self):
        """The matching publications, newest first, ready for the listing template."""
        if not self.is_valid:
            return Publication.objects.none()
        return (
            filter_publications(self.base, self.filters, self.topics).for_listing().newest_first()
        )

    def facets(self):
        """The four filters, each with every option that would show something and its count."""
        return [
            Facet(
                "thema",
                _("Thema"),
                _("Alle Themen"),
                self._options("thema", self._topic_counts(), self._topic_labels()),
            ),
            Facet(
                "art",
                _("Art"),
                _("Alle Arten"),
                self._options("art", self._counts("publication_type"), PublicationType),
            ),
            Facet("jahr", _("Jahr"), _("Alle Jahre"), self._options("jahr", self._year_counts())),
            Facet(
                "sprache",
                _("Sprache"),
                _("Alle Sprachen"),
                self._options("sprache", self._counts("language"), PublicationLanguage),
            ),
        ]

    def _narrowed(self, skip):
        return filter_publications(self.base, self.filters, self.topics, skip=skip)

    def _counts(self, field):
        skip = {"publication_type": "art", "language": "sprache"}[field]
        rows = self._narrowed(skip).order_by().values(field).annotate(n=Count("pk"))
        return {row[field]: row["n"] for row in rows}

    def _year_counts(self):
        rows = (
            self._narrowed("jahr")
            .exclude(publication_date=None)
            .order_by()
            .annotate(year=ExtractYear("publication_date"))
            .values("year")
            .annotate(n=Count("pk"))
        )
        return {str(row["year"]): row["n"] for row in rows}

    def _topic_counts(self):
        ids = {topic_id: slug for slug, (topic_id, _title) in self.topics.items()}
        rows = (
            self._narrowed("thema")
            .filter(topics__in=ids)
            .order_by()
            .values("topics")
            .annotate(n=Count("pk", distinct=True))
        )
        return {ids[row["topics"]]: row["n"] for row in rows}

    def _topic_labels(self):
        return {slug: title for slug, (_id, title) in self.topics.items()}

    def _options(self, name, counts, labels=None):
        selected = str(self.filters.get(name) or "")
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


def _public_topics():
    from topics.models import TopicPage

    return {
        slug: (pk, title)
        for pk, slug, title in TopicPage.objects.live().public().values_list("pk", "slug", "title")
    }
