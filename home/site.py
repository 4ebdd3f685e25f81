"""The default Site record follows the configured public address (``SITE_BASE_URL``).

Wagtail builds canonical and OpenGraph URLs, the sitemap and the v2 API's ``html_url`` from the
Site's hostname and port. Kept in step after every ``migrate`` (a ``post_migrate`` receiver) and
by ``load_demo_content``, so that changing the address needs no admin click.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from wagtail.models import Site

from httpcache.cache import forget_everything

DEFAULT_PORTS = {"http": 80, "https": 443}


def address(base_url):
    """``(hostname, port)`` of a base URL such as ``http://localhost:8000``."""
    parts = urlsplit(base_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_BASE_URL must be an http(s) URL, not {base_url!r}.")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        # Wagtail's Site.root_url says http:// for every port but 443.
        raise ImproperlyConfigured("SITE_BASE_URL with https must use the default port 443.")
    return parts.hostname, port


def sync_default_site():
    """Point the default Site at ``SITE_BASE_URL`` and give it the site name; returns whether
    anything changed. Nothing happens without ``SITE_BASE_URL`` or a default Site."""
    base_url = getattr(settings, "SITE_BASE_URL", "")
    site = Site.objects.filter(is_default_site=True).first()
    if not base_url or site is None:
        return False
    hostname, port = address(base_url)
    wanted = {"hostname": hostname, "port": port}
    if not site.site_name:
        wanted["site_name"] = settings.WAGTAIL_SITE_NAME
    changed = {name: value for name, value in wanted.items() if getattr(site, name) != value}
    if not changed:
        return False
    Site.objects.filter(pk=site.pk).update(**changed)
    # .update() sends no post_save, which would clear it.
    Site.clear_site_root_paths_cache()
    # Every cached page and API answer carries absolute URLs of the old address.
    forget_everything()
    return True


def sync_after_migrate(sender, using="default", **kwargs):
    """``post_migrate`` receiver (sent for the home app, after Wagtail's migrations)."""
    if Site._meta.db_table in connections[using].introspection.table_names():
        sync_default_site()
