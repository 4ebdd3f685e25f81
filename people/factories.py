"""Test data factories for the people app (used by tests and benchmarks)."""

import factory
from factory.django import DjangoModelFactory

from organisation.factories import FachbereichFactory

from .models import ContactPerson, Fachgruppe


class ContactPersonFactory(DjangoModelFactory):
    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = factory.Sequence(lambda n: f"Nachname{n}")
    role = "Fachreferentin"
    email = factory.LazyAttribute(lambda o: f"{o.last_name.lower()}@example.org")
    live = True

    class Meta:
        model = ContactPerson


class FachgruppeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Fachgruppe {n}")
    fachbereich = factory.SubFactory(FachbereichFactory)
    lead = factory.SubFactory(ContactPersonFactory)

    class Meta:
        model = Fachgruppe
