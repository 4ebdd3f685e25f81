from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    label = "documents"
    verbose_name = "Publikationen"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
