"""Form support for content assigned to a Fachbereich."""

from .permissions import fachbereich_restriction


class FachbereichChoiceMixin:
    """For admin forms of content with a ``fachbereich`` field: a Fachbereich editor may only
    choose (and must choose) one of their own Fachbereiche; with one, it is chosen for them. The
    Redaktion chooses freely.

    The requirement holds for a draft too (the field's panel says ``required_on_save=True``):
    the editor's permissions reach only the content of their Fachbereiche, so a draft saved
    without one (Wagtail 8's autosave saves the first draft of a new page while the editor is
    still typing its title) would be content its own author may no longer open.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("fachbereich")
        allowed = fachbereich_restriction(getattr(self, "for_user", None), self._meta.model)
        if field is not None and allowed is not None:
            field.queryset = field.queryset.filter(pk__in=allowed)
            field.required = True
            field.empty_label = None if len(allowed) == 1 else field.empty_label
            if len(allowed) == 1 and not self.initial.get("fachbereich"):
                self.initial["fachbereich"] = next(iter(allowed))
