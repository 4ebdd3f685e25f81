"""Editors can delete pages of every type through the admin (the delivered pages' default
manager loads related rows, which must not get in the way of Wagtail's tree operations)."""

import pytest
from django.http import HttpRequest
from wagtail.models import Page

from home.factories import StandardPageFactory
from topics.factories import TopicPageFactory


@pytest.mark.parametrize("factory", ["topic", "standard"])
def test_a_page_is_deleted_through_the_admin(topic_index, admin_user, client, factory):
    if factory == "topic":
        page = TopicPageFactory(parent=topic_index, title="Zum Löschen", slug="weg", body=[])
    else:
        page = StandardPageFactory(parent=topic_index.get_parent(), title="Zum Löschen", slug="weg")
    client.login(request=HttpRequest(), username=admin_user.username, password="password")
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
