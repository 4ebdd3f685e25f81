"""Wagtail's site history and workflow reports, narrowed to the reader's Fachbereiche.

Wagtail decides what these reports list from tree permissions (pages below the topic index)
and model permissions (every contact person). Both hold for a Fachbereich's editors on every
Fachbereich's content, so its editors saw every Fachbereich's drafts, reviews and changes. The
views here are Wagtail's own, with their queryset narrowed by ``fachbereich_scope`` to the
content of the reader's Fachbereiche; readers without a scope (the central Redaktion,
superusers) see what Wagtail shows them. They are mounted on Wagtail's own report URLs
(``report_urls``, included before the admin's URLs in ``cms/urls.py``), so every link and the
reports menu lead to them.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.models import Page, PageLogEntry, WorkflowState

from . import registry
from .permissions import fachbereich_scope


def scoped_objects(scope):
    """``{content type id: [object ids as strings]}`` of the content of the Fachbereiche in
    ``scope``; pages under the base page content type (as Wagtail's logs and workflow states
    refer to them)."""
    objects = {}
    page_type = ContentType.objects.get_for_model(Page)
    for model in registry.reviewed_models():
        ids = [
            str(pk)
            for pk in model._default_manager.filter(fachbereich_id__in=scope).values_list(
                "pk", flat=True
            )
        ]
        key = page_type if issubclass(model, Page) else ContentType.objects.get_for_model(model)
        objects.setdefault(key.pk, []).extend(ids)
    return objects


def _scoped_q(scope, content_type_field, object_id_field):
    query = Q(pk__in=[])
    for content_type_id, ids in scoped_objects(scope).items():
        query |= Q(**{content_type_field: content_type_id, f"{object_id_field}__in": ids})
    return query


class ScopedLogEntriesView(LogEntriesView):
    """Berichte → Seitenverlauf: the changes of the reader's Fachbereiche."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        scope = fachbereich_scope(self.request.user)
        if scope is None:
            return queryset
        if issubclass(queryset.model, PageLogEntry):
            page_ids = scoped_objects(scope).get(ContentType.objects.get_for_model(Page).pk, [])
            return queryset.filter(page_id__in=[int(pk) for pk in page_ids])
        return queryset.filter(_scoped_q(scope, "content_type_id", "object_id"))


def scoped_requesters(request):
    """The "Requested by" filter's choices: who started a workflow the reader may see (Wagtail
    offers everyone who ever started one)."""
    states = WorkflowState.objects.all()
    scope = fachbereich_scope(request.user)
    if scope is not None:
        states = states.filter(_scoped_q(scope, "base_content_type_id", "object_id"))
    User = get_user_model()
    return User.objects.filter(
        pk__in=states.exclude(requested_by=None).values("requested_by")
    ).order_by(User.USERNAME_FIELD)


class ScopedWorkflowReportFilterSet(WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(
        field_name="requested_by", queryset=scoped_requesters
    )


class ScopedWorkflowView(WorkflowView):
    """Berichte → Workflows: the workflows of the reader's Fachbereiche, and in the filter
    "Angefordert von" only who requested one of them."""

    filterset_class = ScopedWorkflowReportFilterSet

    def get_queryset(self):
        queryset = super().get_queryset()
        scope = fachbereich_scope(self.request.user)
        if scope is None:
            return queryset
        return queryset.filter(_scoped_q(scope, "base_content_type_id", "object_id"))


class ScopedWorkflowTasksView(WorkflowTasksView):
    """Berichte → Workflow-Aufgaben: the tasks of the reader's Fachbereiche."""

    def get_queryset(self):
        queryset = super().get_queryset()
        scope = fachbereich_scope(self.request.user)
        if scope is None:
            return queryset
        return queryset.filter(
            _scoped_q(scope, "workflow_state__base_content_type_id", "workflow_state__object_id")
        )


def _report(name, view):
    return [
        path(f"{name}/", require_admin_access(view.as_view()), name=f"governance_{name}"),
        path(
            f"{name}/results/",
            require_admin_access(view.as_view(results_only=True)),
            name=f"governance_{name}_results",
        ),
    ]


# Borrowed: see cms/borrowed.py (wagtail.admin.urls.reports: three reports shadowed)
report_urls = [
    *_report("site-history", ScopedLogEntriesView),
    *_report("workflow", ScopedWorkflowView),
    *_report("workflow_tasks", ScopedWorkflowTasksView),
]
