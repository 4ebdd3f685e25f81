"""Form support for content assigned to a Fachbereich."""

from .permissions import fachbereich_restriction


class FachbereichChoiceMixin:
    """For admin forms of content with a ``fachbereich`` field: a Fachbereich editor may only
    choose (and must choose) one of their own Fachbereiche. The Redaktion chooses freely."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("fachbereich")
        allowed = fachbereich_restriction(getattr(self, "for_user", None), self._meta.model)
        if field is not None and allowed is not None:
            field.queryset = field.queryset.filter(pk__in=allowed)
            field.required = True
            field.empty_label = None if len(allowed) == 1 else field.empty_label
