"""Topic pages in the site search, and where persons and Fachgruppen found by it link to.

A contact person or a Fachgruppe has no page of its own: a result links to the first public
topic page (in the page tree's order) that shows it, at the section that shows it. Registered
with the search from ``TopicsConfig.ready()`` (content/searchables.py).
"""

from django.db.models import F

from content.visibility import visible

from .models import TopicPage

# The ids of the headings of those sections in topics/topic_page.html.
CONTACTS_ANCHOR = "topic-contacts-heading"
ASSIGNMENT_ANCHOR = "topic-assignment-heading"


def shown_on_topic_pages(lookup, anchor):
    """``links(pks, request, site)`` for the search: ``{pk: url}`` of the first public topic
    page whose ``lookup`` (e.g. ``contact_person_links__person``) is each pk, at ``#anchor``.
    One query for all results of a type."""

    def links(pks, request, site):
        pages = visible(TopicPage.objects.filter(**{f"{lookup}__in": pks}))
        if site is not None:
            pages = pages.descendant_of(site.root_page)
        urls = {}
        for topic in pages.annotate(_linked_pk=F(lookup)).order_by("path"):
            urls.setdefault(topic._linked_pk, f"{topic.get_url(request)}#{anchor}")
        return urls

    return links
