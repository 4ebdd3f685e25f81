"""Fachbereich-scoped permissions, built on Wagtail's own permission classes.

Wagtail's page permissions are tree-based: a group's permission on a page applies to the whole
subtree. Topic pages of every Fachbereich live side by side under ``/themen/``, so the tree
cannot say "the pages of my Fachbereich". The rule added here:

    A permission that a group holds *because it is a Fachbereich's editors group* applies only
    to objects whose ``fachbereich`` is that Fachbereich. Every other permission (the
    "Redaktion" group, Wagtail's stock groups, superusers) applies as Wagtail defines it.

For pages it lives in ``FachbereichPagePermissionTester`` (returned by the page type's
``permissions_for_user``, Wagtail's documented extension point), which narrows the tester's set
of permissions before Wagtail's own checks (can_edit, can_delete, can_publish, ...) run. For
snippets it lives in ``FachbereichModelPermissionPolicy`` (registered with
``register_permission_policy``) and ``FachbereichInstanceViewMixin`` makes the snippet views
ask the policy about the instance being edited rather than the model.

The page's *live* Fachbereich counts: a draft that moves a page to another Fachbereich moves its
control when it is published.
"""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import FachbereichRole


def _editor_groups(user):
    """Maps the ids of the user's Fachbereich editor groups to their Fachbereich id (cached)."""
    cached = getattr(user, "_fachbereich_editor_groups", None)
    if cached is None:
        cached = dict(
            FachbereichRole.objects.filter(
                role=FachbereichRole.Role.EDITORS, group__user=user
            ).values_list("group_id", "fachbereich_id")
        )
        user._fachbereich_editor_groups = cached
    return cached


class FachbereichPagePermissionTester(PagePermissionTester):
    """Wagtail's page permission tester, with Fachbereich editors' permissions narrowed to the
    pages of their Fachbereich."""

    # Borrowed: see cms/borrowed.py (wagtail PagePermissionTester.__init__, a copy)
    def __init__(self, user, page):
        super().__init__(user, page)
        if not (user.is_active and not user.is_superuser):
            return
        editor_groups = _editor_groups(user)
        if not editor_groups:
            return
        fachbereich_id = getattr(page, "fachbereich_id", None)
        self.permissions = {
            perm.permission.codename.rsplit("_", maxsplit=1)[0]
            for perm in self.permission_policy.get_cached_permissions_for_user(user)
            if page.path.startswith(perm.page.path)
            and (
                perm.group_id not in editor_groups or editor_groups[perm.group_id] == fachbereich_id
            )
        }


class FachbereichPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy (registered for ``Page``), whose explorable pages
    leave out, for editors whose page permissions come only from Fachbereich editor groups, the
    pages of other Fachbereiche: the explorer, its sidebar menu, the admin's page search and
    its API list them from here. Such an editor may not open those pages (the tester above),
    so their titles, drafts' titles included, are not theirs to see either."""

    def explorable_instances(self, user):
        from wagtail.models import Page

        from . import registry

        pages = super().explorable_instances(user)
        if not user.is_authenticated:
            return pages
        own = fachbereich_restriction(user, Page)
        if own is None:
            return pages
        for model in registry.reviewed_models():
            if issubclass(model, Page):
                others = model._default_manager.exclude(fachbereich_id__in=own)
                pages = pages.exclude(pk__in=others.values("pk"))
        return pages


class FachbereichModelPermissionPolicy(ModelPermissionPolicy):
    """Django model permissions, with those held through a Fachbereich's editors group limited
    to the instances of that Fachbereich."""

    def _permissions(self, actions):
        """The content type and codenames of ``actions`` on the policy's model."""
        content_type = ContentType.objects.get_for_model(self.auth_model)
        codenames = {get_permission_codename(action, self.auth_model._meta) for action in actions}
        return content_type, codenames

    def _unrestricted(self, user, actions):
        """True if the user holds one of the actions outside any Fachbereich editors group."""
        content_type, codenames = self._permissions(actions)
        editor_groups = _editor_groups(user)
        return (
            Permission.objects.filter(content_type=content_type, codename__in=codenames)
            .filter(Q(user=user) | (Q(group__user=user) & ~Q(group__in=list(editor_groups))))
            .exists()
        )

    def _fachbereiche(self, user, actions):
        """The Fachbereiche in which the user's editor groups grant one of the actions."""
        content_type, codenames = self._permissions(actions)
        return set(
            FachbereichRole.objects.filter(
                role=FachbereichRole.Role.EDITORS,
                group__user=user,
                group__permissions__content_type=content_type,
                group__permissions__codename__in=codenames,
            ).values_list("fachbereich_id", flat=True)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, {action}, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not user.is_active:
            return False
        if user.is_superuser or self._unrestricted(user, actions):
            return True
        return getattr(instance, "fachbereich_id", None) in self._fachbereiche(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not user.is_active:
            return self.model._default_manager.none()
        if user.is_superuser or self._unrestricted(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.filter(
            fachbereich_id__in=self._fachbereiche(user, actions)
        )


class FachbereichInstanceViewMixin:
    """For snippet views with an object (edit, delete, history, revisions, compare, workflow
    history, unpublish, ...): Wagtail's generic views check the *model* permission on dispatch,
    which a Fachbereich editor holds for every Fachbereich; this asks the policy about the
    object itself. (Every such view sets ``self.object`` in ``setup()``, before dispatch.)"""

    def _instance(self):
        instance = getattr(self, "object", None)
        if instance is not None and instance.pk is not None:
            return instance
        return None

    def user_has_permission(self, permission):
        instance = self._instance()
        if instance is not None:
            return self.user_has_permission_for_instance(permission, instance)
        return super().user_has_permission(permission)

    def user_has_any_permission(self, permissions):
        instance = self._instance()
        if instance is not None and self.permission_policy:
            return self.permission_policy.user_has_any_permission_for_instance(
                self.request.user, permissions, instance
            )
        return super().user_has_any_permission(permissions)


def visible_snippets(user, queryset):
    """A snippet listing as a user restricted to Fachbereiche sees it: everything of their own
    Fachbereiche, and of the others only what is live (public anyway); another Fachbereich's
    unpublished draft is not theirs to see."""
    policy = FachbereichModelPermissionPolicy(queryset.model)
    actions = {"add", "change", "delete"}
    if user.is_superuser or policy._unrestricted(user, actions):
        return queryset
    own = policy._fachbereiche(user, actions)
    return queryset.filter(Q(fachbereich_id__in=own) | Q(live=True))


def fachbereich_scope(user):
    """The Fachbereiche whose content a user's reports show, or None for every Fachbereich.

    Users whose admin roles come only from Fachbereich groups (editors or reviewers) see their
    own Fachbereiche; the central Redaktion, superusers and anyone with a page or snippet
    permission from another group see all."""
    from wagtail.models import GroupPagePermission

    from . import registry

    if user.is_superuser:
        return None
    roles = FachbereichRole.objects.filter(group__user=user)
    fachbereich_groups = list(roles.values_list("group_id", flat=True))
    if (
        GroupPagePermission.objects.filter(group__user=user)
        .exclude(group__in=fachbereich_groups)
        .exists()
    ):
        return None
    for model in registry.snippet_models:
        if FachbereichModelPermissionPolicy(model)._unrestricted(user, {"add", "change"}):
            return None
    return set(roles.values_list("fachbereich_id", flat=True))


def fachbereich_restriction(user, model):
    """The Fachbereiche a user may assign content of ``model`` to, or None for any.

    Restricted are users whose permission to add or change such content comes only from
    Fachbereich editor groups: they may assign only their own Fachbereiche (a page they moved
    elsewhere would leave their control, and its review would go to the wrong reviewers)."""
    from wagtail.models import GroupPagePermission, Page

    if user is None or user.is_superuser:
        return None
    editor_groups = _editor_groups(user)
    if not editor_groups:
        return None
    if issubclass(model, Page):
        unrestricted = (
            GroupPagePermission.objects.filter(
                group__user=user, permission__codename__in=["add_page", "change_page"]
            )
            .exclude(group__in=list(editor_groups))
            .exists()
        )
    else:
        unrestricted = FachbereichModelPermissionPolicy(model)._unrestricted(
            user, {"add", "change"}
        )
    return None if unrestricted else set(editor_groups.values())


class TranslatorPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions (Fachbereiche and Fachgruppen are the administration's), plus
    "change" for who translates them: the Redaktion every one, a Fachbereich's editors those of
    their Fachbereich (the Fachbereich itself and its Fachgruppen). Their edit form shows only
    the translations: the other panels ask for the model's own "change" permission
    (``FieldPanel(permission=…)``), which neither group holds."""

    ALL = "all"

    def __init__(self, model, fachbereich_field):
        super().__init__(model)
        # Where an instance names its Fachbereich: "pk" (a Fachbereich), "fachbereich_id".
        self.fachbereich_field = fachbereich_field

    def _translates(self, user):
        """``ALL`` (the Redaktion), the ids of the user's editors' Fachbereiche, or none."""
        from .roles import REDAKTION_GROUP

        if not (user.is_active and user.is_authenticated):
            return set()
        cached = getattr(user, "_fachbereich_translates", None)
        if cached is None:
            if user.groups.filter(name=REDAKTION_GROUP).exists():
                cached = self.ALL
            else:
                cached = set(_editor_groups(user).values())
            user._fachbereich_translates = cached
        return cached

    def _covers(self, user, instance):
        scope = self._translates(user)
        return scope == self.ALL or getattr(instance, self.fachbereich_field, None) in scope

    def user_has_permission(self, user, action):
        if action == "change" and self._translates(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if ModelPermissionPolicy.user_has_permission(self, user, action):
            return True
        return action == "change" and self._covers(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager
        if any(ModelPermissionPolicy.user_has_permission(self, user, a) for a in actions):
            return objects.all()
        scope = self._translates(user) if "change" in actions else set()
        if scope == self.ALL:
            return objects.all()
        return objects.filter(**{f"{self.fachbereich_field.removesuffix('_id')}__in": scope})
