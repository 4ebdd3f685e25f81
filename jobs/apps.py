from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Periodic jobs: the registry apps put their jobs on, and the one loop that runs them."""

    name = "jobs"
    verbose_name = "Regelmäßige Aufgaben"
