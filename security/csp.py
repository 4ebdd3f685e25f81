"""Content-Security-Policy per area of the site, with django-csp.

The public site gets the strict policy of ``CONTENT_SECURITY_POLICY`` (no inline scripts, no
nonces: the response cache shares one HTML body between all visitors). Areas that need more
(Wagtail's admin, the API docs' Swagger UI) get their own complete policy from
``CONTENT_SECURITY_POLICY_BY_PATH``, the first matching path prefix winning. A view that sets its
own header (the document download's ``default-src 'none'``) keeps it.

Placed above the response cache in ``MIDDLEWARE``, so cache hits carry the header too.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            by_path = getattr(settings, "CONTENT_SECURITY_POLICY_BY_PATH", {})
            for prefix, directives in by_path.items():
                if request.path_info.startswith(prefix):
                    parts.config = directives
                    break
        return parts
