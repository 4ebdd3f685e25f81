from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Redaktion und Prüfung"

    def ready(self):
        from functools import partial

        from django.core.management import call_command
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from jobs import registry

        from . import signal_handlers
        from .permissions import FachbereichPagePermissionPolicy
        from .reminders import send_review_reminders

        signal_handlers.register()
        # Pages' explorable set narrowed to the editor's Fachbereiche (governance/permissions.py).
        register_permission_policy(Page, FachbereichPagePermissionPolicy())
        # Wagtail's go-live and expiry of pages and snippets: it publishes and unpublishes like an
        # editor, so the response cache, the CDN and the webhooks see each change.
        registry.register(
            "publish_scheduled", partial(call_command, "publish_scheduled", verbosity=0)
        )
        # At most one mail per editor and day (governance/reminders.py): harmless every minute.
        registry.register("review_reminders", send_review_reminders)
