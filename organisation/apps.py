from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    """The association's structure (its Fachbereiche), below everything that assigns content
    or people to it: governance, people and topics all point down here."""

    name = "organisation"
    verbose_name = "Verbandsstruktur"
