"""What the HTML head knows, both APIs deliver (``seo``); every image value carries the focal
point and the original's size, on the demo content, as an anonymous reader sees them."""

import re
from html import unescape

from wagtail.images import get_image_model

SEED = "/themen/fluechtlingsarbeit/"


def head(client, path):
    """The head's meta tags of the rendered page, as a browser gets it."""
    html = client.get(path, HTTP_ACCEPT="text/html").content.decode()
    tags = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', html))
    tags["canonical"] = re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]
    return {key: unescape(value) for key, value in tags.items()}


def details(client, path):
    v3 = client.get("/api/v3/page-by-path/", {"html_path": path}).json()
    v2 = client.get(f"/api/v2/pages/{v3['id']}/").json()
    return v3, v2


def test_the_api_delivers_the_head_the_site_renders(demo, client):
    for path in [SEED, "/", "/impressum/", "/themen/", "/publikationen/"]:
        assert_same_head(client, path)


def assert_same_head(client, path):
    tags = head(client, path)
    v3, v2 = details(client, path)
    seo = v3["seo"]
    assert v2["seo"] == seo
    assert seo["title"] == tags["og:title"]
    assert seo["description"] == tags.get("description", "")
    assert seo["canonical_url"] == tags["canonical"] == tags["og:url"]
    assert seo["canonical_url"].startswith("http") and seo["canonical_url"].endswith(path)
    assert seo["og_type"] == tags["og:type"]
    if seo["image"] is None:
        assert "og:image" not in tags
    else:
        assert seo["image"]["url"] == tags["og:image"]
        assert str(seo["image"]["width"]) == tags["og:image:width"]
        assert seo["image"]["alt"] == tags.get("og:image:alt", "")


def test_seed_page_head_has_its_social_image_and_an_editors_seo_fields(demo, client):
    v3, _v2 = details(client, SEED)
    assert v3["seo"]["og_type"] == "article"
    assert v3["seo"]["image"]["url"] == v3["hero"]["renditions"][-1]["url"]
    assert v3["seo"]["image"]["alt"] == v3["hero"]["alt"] != ""

    from topics.models import TopicPage

    page = TopicPage.objects.get(slug="fluechtlingsarbeit")
    page.seo_title = "Flucht und Migration – Beratung"
    page.search_description = "Kurzbeschreibung für Suchmaschinen."
    page.save_revision().publish()
    v3, v2 = details(client, SEED)
    tags = head(client, SEED)
    for seo in (v3["seo"], v2["seo"]):
        assert seo["title"] == "Flucht und Migration – Beratung" == tags["og:title"]
        assert seo["description"] == "Kurzbeschreibung für Suchmaschinen." == tags["description"]


def test_image_values_carry_focal_point_and_original_size(demo, client):
    v3, v2 = details(client, SEED)
    image = get_image_model().objects.get(pk=v3["hero"]["id"])
    assert image.has_focal_point()
    expected = {
        "x": image.focal_point_x,
        "y": image.focal_point_y,
        "width": image.focal_point_width,
        "height": image.focal_point_height,
    }
    for hero in (v3["hero"], v2["hero"]):
        assert hero["focal_point"] == expected
        assert (hero["width"], hero["height"]) == (image.width, image.height)

    # Without a focal point: null.
    image.focal_point_x = image.focal_point_y = None
    image.focal_point_width = image.focal_point_height = None
    image.save()
    v3, v2 = details(client, SEED)
    assert v3["hero"]["focal_point"] is None and v2["hero"]["focal_point"] is None
    persons = [p for p in v3["contact_persons"] if p.get("photo")]
    for person in persons:
        assert "focal_point" in person["photo"]
