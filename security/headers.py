"""``Cross-Origin-Resource-Policy`` on every response.

Without it any site may embed our responses with no-cors requests (``<img>``, ``<script>``)
and, with a side channel such as Spectre, read them. ``same-origin`` everywhere, except what
other sites are meant to load: images and renditions under ``/media/`` (the decoupled frontends
show them) and the API (whose cross-origin reads CORS governs), which get ``cross-origin``.
Placed above WhiteNoise and the response cache, so static files and cache hits carry it too.
"""

CROSS_ORIGIN_PREFIXES = ("/media/", "/api/")


class CrossOriginResourcePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cross-Origin-Resource-Policy" not in response:
            cross = request.path_info.startswith(CROSS_ORIGIN_PREFIXES)
            response["Cross-Origin-Resource-Policy"] = "cross-origin" if cross else "same-origin"
        return response
