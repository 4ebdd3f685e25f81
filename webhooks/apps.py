from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        from changes.events import change_collected, content_changed
        from jobs import registry

        from .sending import sweep
        from .signal_handlers import record_deliveries, record_in_transaction

        change_collected.connect(record_in_transaction, dispatch_uid="webhooks.record_collected")
        content_changed.connect(record_deliveries, dispatch_uid="webhooks.record_deliveries")
        # Retries, and deliveries whose task never ran (webhooks/sending.py).
        registry.register("sweep_webhooks", sweep)
