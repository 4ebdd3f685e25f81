"""Admin forms of the people app."""

from wagtail.admin.forms import WagtailAdminModelForm

from governance.forms import FachbereichChoiceMixin


class ContactPersonForm(FachbereichChoiceMixin, WagtailAdminModelForm):
    """Fachbereich editors assign contact persons to their own Fachbereich only."""
