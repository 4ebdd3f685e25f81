"""Test data factories for the association's structure (used by tests and benchmarks)."""

import factory
from factory.django import DjangoModelFactory

from .models import Fachbereich


class FachbereichFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Fachbereich {n}")

    class Meta:
        model = Fachbereich
        django_get_or_create = ("name",)
