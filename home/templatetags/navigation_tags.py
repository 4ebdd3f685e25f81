"""Site navigation from the page tree: the main menu and breadcrumbs."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page") or context.get("self")
    items = []
    if site:
        current_path = getattr(current, "path", "")
        for item in site.root_page.get_children().live().public().in_menu():
            if current_path == item.path:
                state = "page"
            elif current_path.startswith(item.path):
                state = "true"
            else:
                state = ""
            items.append({"page": item, "aria_current": state})
    return {"items": items, "request": request}


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page") or context.get("self")
    request = context["request"]
    site = Site.find_for_request(request)
    ancestors = []
    if page is not None and getattr(page, "pk", None) and site:
        ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth).live()
    return {"ancestors": ancestors, "page": page, "request": request}
