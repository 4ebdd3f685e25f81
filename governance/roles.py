"""Groups, permissions and the review workflow, created and kept in step by the app.

Everything here is idempotent: it runs after migrations, when a Fachbereich is saved or deleted
and when a section page (the topic index) is created, and converges on the same state.

- Each Fachbereich has two groups, "<Name> – Redaktion" (editors) and "<Name> – Fachliche
  Prüfung" (reviewers). Editors get "add" and "change" on every section page and add/change on
  the registered snippets; which *objects* they may touch is narrowed to their Fachbereich by
  ``governance.permissions``. Reviewers get admin access only; the review task decides what they
  may approve.
- Each Fachbereich has a collection of its own (images and documents). Its editors add, change
  and choose images and documents there, and choose from every collection (images are public;
  a document in a private collection stays hidden to visitors wherever it is linked).
- "Redaktion" (the central editorial team) gets every page permission on each site's root page
  and its translations (the home page of every language), all permissions on the registered
  snippets, and adds, changes, deletes and chooses images and documents in every collection.
- Shared snippets (``registry.register_shared_snippet``: the glossary of Leichte Sprache, live
  as saved, used by every Fachbereich): the Redaktion adds, changes and deletes them; nobody
  else gets a permission on them (everyone in the admin may choose them). A Fachbereich editor
  who could change a term would publish it on every page using it, past the review.
- Translations: section pages in every language are section pages (the topic index's
  translation too), so the rules above hold for every language of a Fachbereich's pages. Only
  the Redaktion may "Übersetzen" (``simple_translation.submit_translation``, which copies a page
  into another language as a draft): Wagtail's view checks that permission alone, not the
  page permissions, so a Fachbereich's editors holding it could copy any page.
- The workflow "Fachliche Prüfung und Redaktion" has the tasks "Fachliche Prüfung" (the
  reviewers of the object's Fachbereich) and "Redaktion" (the Redaktion group), and is assigned
  to every section page and every registered snippet model.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from organisation.models import Fachbereich

from . import registry
from .models import FachbereichCollection, FachbereichReviewTask, FachbereichRole

REDAKTION_GROUP = "Redaktion"
WORKFLOW_NAME = "Fachliche Prüfung und Redaktion"
REVIEW_TASK_NAME = "Fachliche Prüfung"
PUBLISH_TASK_NAME = "Redaktion"

ROLE_SUFFIX = {
    FachbereichRole.Role.EDITORS: "Redaktion",
    FachbereichRole.Role.REVIEWERS: "Fachliche Prüfung",
}
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
CENTRAL_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "delete_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)


# Images and documents: Wagtail checks these on the stock models (its permission policies'
# ``auth_model``), also for the project's own Publication document model.
MEDIA_MODELS = (("wagtailimages", "image"), ("wagtaildocs", "document"))
EDITOR_OWN_COLLECTION_ACTIONS = ("add", "change", "choose")
EDITOR_EVERY_COLLECTION_ACTIONS = ("choose",)
CENTRAL_COLLECTION_ACTIONS = ("add", "change", "delete", "choose")
# The Redaktion's permissions on shared snippets (the glossary); also easyread's migration 0002.
SHARED_SNIPPET_ACTIONS = ("add", "change", "delete")


def _translate():
    """ "Übersetzen" (simple_translation's permission; made here when this runs after a migrate
    before Django made the permissions of that app, which comes later in INSTALLED_APPS)."""
    from wagtail.contrib.simple_translation.models import SimpleTranslation

    permission, _created = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(SimpleTranslation),
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _model_permissions(model, actions):
    content_type = ContentType.objects.get_for_model(model)
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def _page_permissions(codenames):
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def _grant_pages(group, pages, codenames):
    for permission in _page_permissions(codenames):
        for page in pages:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _media_permissions(actions):
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
        for app_label, model in MEDIA_MODELS
        for action in actions
    ]


def _grant_collection(group, collection, actions):
    for permission in _media_permissions(actions):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def sync_fachbereich_collection(fachbereich):
    """Creates or renames the Fachbereich's collection (below the root collection)."""
    link = (
        FachbereichCollection.objects.filter(fachbereich=fachbereich)
        .select_related("collection")
        .first()
    )
    name = fachbereich.name[:255]
    if link is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
        link = FachbereichCollection.objects.create(fachbereich=fachbereich, collection=collection)
    elif link.collection.name != name:
        link.collection.name = name
        link.collection.save(update_fields=["name"])
    return link.collection


def section_pages():
    pages = []
    for model in registry.section_models:
        pages.extend(model.objects.all())
    return pages


def group_name(fachbereich, role):
    # Group names are at most 150 characters.
    suffix = ROLE_SUFFIX[role]
    return f"{fachbereich.name[: 147 - len(suffix)]} – {suffix}"


def sync_fachbereich_groups(fachbereich):
    """Creates or renames the Fachbereich's two groups and its collection and gives the groups
    their permissions."""
    own_collection = sync_fachbereich_collection(fachbereich)
    for role in FachbereichRole.Role:
        name = group_name(fachbereich, role)
        link = (
            FachbereichRole.objects.filter(fachbereich=fachbereich, role=role)
            .select_related("group")
            .first()
        )
        if link is None:
            group, _created = Group.objects.get_or_create(name=name)
            link = FachbereichRole.objects.create(fachbereich=fachbereich, role=role, group=group)
        elif link.group.name != name:
            link.group.name = name
            link.group.save(update_fields=["name"])
        group = link.group
        group.permissions.add(_admin_access())
        if role == FachbereichRole.Role.EDITORS:
            _grant_pages(group, section_pages(), EDITOR_PAGE_PERMISSIONS)
            _grant_collection(group, own_collection, EDITOR_OWN_COLLECTION_ACTIONS)
            _grant_collection(
                group, Collection.get_first_root_node(), EDITOR_EVERY_COLLECTION_ACTIONS
            )
            for model in registry.snippet_models:
                group.permissions.add(*_model_permissions(model, ("add", "change")))


def delete_fachbereich_groups(fachbereich):
    Group.objects.filter(fachbereich_role__fachbereich=fachbereich).delete()


def sync_redaktion_group():
    group, _created = Group.objects.get_or_create(name=REDAKTION_GROUP)
    group.permissions.add(_admin_access(), _translate())
    roots = [
        root
        for site in Site.objects.select_related("root_page")
        for root in site.root_page.get_translations(inclusive=True)
    ]
    _grant_pages(group, roots, CENTRAL_PAGE_PERMISSIONS)
    _grant_collection(group, Collection.get_first_root_node(), CENTRAL_COLLECTION_ACTIONS)
    for model in registry.snippet_models:
        group.permissions.add(
            *_model_permissions(model, ("add", "change", "delete", "publish", "lock", "unlock"))
        )
    for model in registry.shared_snippet_models:
        group.permissions.add(*_model_permissions(model, SHARED_SNIPPET_ACTIONS))
    return group


def sync_workflow(redaktion):
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        review = FachbereichReviewTask.objects.create(name=REVIEW_TASK_NAME)
        publish = GroupApprovalTask.objects.create(name=PUBLISH_TASK_NAME)
        publish.groups.add(redaktion)
        WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
        WorkflowTask.objects.create(workflow=workflow, task=publish, sort_order=1)
    for page in section_pages():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    for model in registry.snippet_models:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": workflow},
        )
    return workflow


def sync_all():
    """Brings every group, permission and the workflow in step with the content."""
    redaktion = sync_redaktion_group()
    sync_workflow(redaktion)
    for fachbereich in Fachbereich.objects.all():
        sync_fachbereich_groups(fachbereich)
