"""Request guards for the delivery API."""

from django.http import JsonResponse

MAX_SEARCH_LENGTH = 255
MAX_PARAMETER_LENGTH = 2048


class APIQueryLimitsMiddleware:
    """Answers 400 for over-long query parameters under ``/api/`` before any view or search runs.

    Wagtail's v2 and v3 endpoints accept a search term of any length and run it; a 60,000
    character term is never a real search, only load on the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            for name, values in request.GET.lists():
                limit = MAX_SEARCH_LENGTH if name in ("search", "q") else MAX_PARAMETER_LENGTH
                if any(len(value) > limit for value in values):
                    return self.bad_request(
                        request, f"query parameter '{name}' is longer than {limit} characters"
                    )
        return self.get_response(request)

    @staticmethod
    def bad_request(request, message):
        if request.path.startswith("/api/v2/"):
            return JsonResponse({"message": message}, status=400)
        problem = {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": message}
        return JsonResponse(problem, status=400, content_type="application/problem+json")
