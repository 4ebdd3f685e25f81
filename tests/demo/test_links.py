"""Every link of the demo works on the dev server's address, in every language.

The demo is loaded as the README's first command does (``SITE_BASE_URL`` at the runserver
default ``http://localhost:8000``), then every page, the sitemap and every API endpoint a
frontend reads are crawled: each link and each URL value in the HTML (``href``, ``src``,
``srcset``, canonical and OpenGraph URLs) and in the API's JSON (``url``, ``html_url``,
``download_url``, …, and the links in rich text) must point at that address and answer 200.
Media and static files, which runserver serves with ``DEBUG`` on (and these tests run without),
must exist in their storage and finders instead.
"""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Site

BASE_URL = "http://localhost:8000"
HOST = "localhost:8000"
MAX_URLS = 3000

API_ENTRY_POINTS = [
    "/api/v2/pages/?limit=100",
    "/api/v2/documents/?limit=100",
    "/api/v2/images/?limit=100",
    "/api/v3/pages/?limit=100",
    "/api/v3/navigation/",
    "/api/v3/site-settings/",
    "/api/v3/languages/",
    "/api/v3/topics/?limit=100",
    "/api/v3/people/contact-persons/?limit=100",
    "/api/v3/people/fachbereiche/?limit=100",
    "/api/v3/people/fachgruppen/?limit=100",
    "/api/v3/publications/?limit=100",
    "/api/v3/search/?q=Beratung",
    "/api/v3/search/autocomplete/?q=Fl",
]


class Links(HTMLParser):
    """The URLs of an HTML document (or a rich-text fragment)."""

    URL_ATTRIBUTES = {"href", "src", "action", "poster", "data-src"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value and name in self.URL_ATTRIBUTES:
                self.urls.append(value)
            elif value and name in {"srcset", "imagesrcset"}:
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
        if tag == "meta" and (attrs.get("property") or "").endswith((":url", ":image")):
            self.urls.append(attrs.get("content") or "")


def html_urls(text):
    parser = Links()
    parser.feed(text)
    return parser.urls


def json_urls(data, key=""):
    """URL values (keys ending in ``url`` or ``href``) and links inside HTML strings."""
    if isinstance(data, dict):
        for name, value in data.items():
            yield from json_urls(value, name)
    elif isinstance(data, list):
        for item in data:
            yield from json_urls(item, key)
    elif isinstance(data, str):
        if key.endswith(("url", "href")) and data:
            yield data
        elif "<a " in data or "<img " in data:
            yield from html_urls(data)


def resolve(url, found_on):
    """The path (with query) to request, or None for links that leave the site."""
    url, _fragment = urldefrag(url)
    if not url or url.startswith(("mailto:", "tel:")):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        host = parts.netloc
        if host != HOST:
            assert host not in {"localhost", "testserver", "127.0.0.1"}, (
                f"{url} on {found_on} points at the wrong address"
            )
            return None  # an external link (none in the demo so far)
        assert parts.scheme == "http", f"{url} on {found_on}"
    elif not url.startswith("/"):  # "?page=2", a filter link: relative to the page
        parts = urlsplit(urljoin(found_on, url))
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def demo(demo, settings):
    """The shared demo content, loaded (again) with the development server's address."""
    settings.SITE_BASE_URL = BASE_URL
    settings.WAGTAILAPI_BASE_URL = BASE_URL
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return demo


def test_load_demo_content_points_the_site_at_the_base_url(demo):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("localhost", 8000, BASE_URL)
    assert site.site_name == "Der Paritätische NRW"


def test_every_link_on_every_demo_page_answers_200(demo, settings):
    client = Client(HTTP_HOST=HOST)
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    queue = [page.url for page in pages] + ["/sitemap.xml", "/robots.txt", "/suche/?q=Beratung"]
    for page in pages:
        queue += [
            f"/api/v2/pages/{page.pk}/",
            f"/api/v3/pages/{page.pk}/",
            f"/api/v3/page-by-path/?html_path={page.url}",
        ]
        if page.locale.language_code != "de":
            # Wagtail's find/ routes from the German home page only; page-by-path (above)
            # answers every language's paths.
            continue
        for version in ("v2", "v3"):  # find/ redirects to the absolute detail
            found = client.get(f"/api/{version}/pages/find/?html_path={page.url}")
            assert found["Location"] == f"{BASE_URL}/api/{version}/pages/{page.pk}/", page
    queue += API_ENTRY_POINTS
    seen, found_on, media, static = set(), {}, set(), set()
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        assert len(seen) < MAX_URLS, "the crawl does not end"
        if path.startswith(settings.MEDIA_URL):
            media.add(path)
            continue
        if path.startswith(settings.STATIC_URL):
            static.add(path)
            continue
        response = client.get(path)
        assert response.status_code == 200, f"{path} (linked from {found_on.get(path)})"
        content_type = response.headers.get("Content-Type", "")
        if "html" in content_type:
            urls = html_urls(response.content.decode())
        elif "json" in content_type:
            urls = list(json_urls(json.loads(response.content)))
            relative = [u for u in urls if u.startswith("/") and not u.startswith("//")]
            assert not relative, f"{path} gives relative URLs: {relative[:3]}"
        elif "xml" in content_type or path == "/robots.txt":
            # (up to a quote: the sitemap's hreflang alternates are attributes)
            urls = re.findall(r"https?://[^\s<\"]+", response.content.decode())
        else:
            continue  # a document download, which has no links
        for url in urls:
            target = resolve(url, path)
            if target is not None and target not in seen:
                found_on.setdefault(target, path)
                queue.append(target)
    for path in media:
        name = path.removeprefix(settings.MEDIA_URL)
        assert default_storage.exists(name), f"{path} (linked from {found_on.get(path)})"
    for path in static:
        name = path.removeprefix(settings.STATIC_URL)
        assert finders.find(name), f"{path} (linked from {found_on.get(path)})"
    print(f"{len(seen)} URLs answered, {len(media)} media and {len(static)} static files found")
    # The crawl reached the whole demo: pages, downloads, renditions and the stylesheet.
    assert {page.url for page in pages} <= seen
    assert any(path.startswith("/documents/") for path in seen)
    assert media and static
