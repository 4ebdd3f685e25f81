"""What the content apps tell governance about themselves (from their ``AppConfig.ready()``).

- ``register_section(model)``: a page type below which Fachbereich editors create and edit their
  pages (the topic index). Their groups get page permissions there, and the review workflow is
  assigned there.
- ``register_snippet(model)``: a snippet of a Fachbereich (contact persons). Fachbereich editors
  get its add/change permissions, limited to their Fachbereich by the snippet's policy, and the
  review workflow is assigned to it.
- ``register_shared_snippet(model)``: a snippet every Fachbereich uses and none owns, published
  as it is saved (no draft, no review): the glossary of Leichte Sprache. The central Redaktion
  adds, changes and deletes it; everyone in the admin chooses it (Wagtail's snippet chooser
  needs no model permission), so Fachbereich editors mark words with the terms there are and
  ask the Redaktion for new ones. Fachbereich editors get no permission on it: a change would
  be live at once on every page using the term, past the review their own changes go through.
"""

section_models = []
snippet_models = []
shared_snippet_models = []


def register_section(model):
    from django.db.models.signals import post_save

    from .signal_handlers import on_section_saved

    if model not in section_models:
        section_models.append(model)
        post_save.connect(on_section_saved, sender=model, dispatch_uid=f"governance:{model}")


def register_snippet(model):
    if model not in snippet_models:
        snippet_models.append(model)


def reviewed_models():
    """Every concrete model with an owner and review date (``ReviewedContentMixin``)."""
    from django.apps import apps

    from .models import ReviewedContentMixin

    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewedContentMixin) and not model._meta.abstract
    ]


def register_shared_snippet(model):
    if model not in shared_snippet_models:
        shared_snippet_models.append(model)
