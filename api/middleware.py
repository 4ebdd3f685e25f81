"""Middleware of the APIs."""

from content.values import absolute_url


def clean_api_redirects(get_response):
    """Wagtail's ``find`` views (v2 and v3) redirect to ``<detail>?`` even when no parameter is
    left to keep, and v3's to a bare path: an API redirect's ``Location`` loses an empty query
    and is made absolute against the public base URL, like every URL the API gives."""

    def middleware(request):
        response = get_response(request)
        location = response.get("Location")
        if location and 300 <= response.status_code < 400 and request.path.startswith("/api/"):
            response["Location"] = absolute_url(location.removesuffix("?"))
        return response

    return middleware
