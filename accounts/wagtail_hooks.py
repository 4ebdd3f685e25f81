"""Einstellungen → Gesperrte Anmeldungen: the failed-password records of django-axes, where an
administrator lifts a lockout by deleting its record (nothing can be added or edited)."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class LiftOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing and deleting (lifting) only, for those with axes' own model permissions."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(AccessAttempt, LiftOnlyPermissionPolicy(AccessAttempt))


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Gesperrte Anmeldungen")
    add_to_settings_menu = True
    name = "lockouts"
    form_fields = ["username"]
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = []
    search_fields = ["username", "ip_address"]
    inspect_view_enabled = False
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()
