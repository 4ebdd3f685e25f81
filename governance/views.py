"""Admin views: the overdue report and the one-click "Geprüft, unverändert"."""

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from organisation.models import Fachbereich

from . import registry
from .permissions import fachbereich_scope
from .review import confirm_unchanged, due_items, user_can_review


def admin_users():
    """Accounts that work in the admin (front-end members, who only log in to read protected
    pages, are no owners of content and are not offered as such)."""
    permission = Permission.objects.filter(
        codename="access_admin", content_type__app_label="wagtailadmin"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission)
        )
        .distinct()
        .order_by("last_name", "username")
    )


class OverdueFilterForm(forms.Form):
    fachbereich = forms.ModelChoiceField(
        label=gettext_lazy("Fachbereich"),
        queryset=Fachbereich.objects.all(),
        required=False,
        empty_label=gettext_lazy("Alle Fachbereiche"),
    )
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Verantwortlich"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=gettext_lazy("Alle Verantwortlichen"),
    )

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = admin_users()
        if scope is not None:
            self.fields["fachbereich"].queryset = Fachbereich.objects.filter(pk__in=scope)


class OverdueReportView(WagtailAdminTemplateMixin, TemplateView):
    """Berichte → Überprüfung fällig: every live item whose review date has come."""

    template_name = "governance/overdue_report.html"
    page_title = gettext_lazy("Überprüfung fällig")
    header_icon = "calendar-alt"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scope = fachbereich_scope(self.request.user)
        form = OverdueFilterForm(self.request.GET or None, scope=scope)
        filters = form.cleaned_data if form.is_valid() else {}
        context["form"] = form
        context["scope"] = None if scope is None else Fachbereich.objects.filter(pk__in=scope)
        context["items"] = due_items(
            fachbereich=filters.get("fachbereich"),
            owner=filters.get("owner"),
            fachbereiche=scope,
        )
        return context


class ConfirmReviewView(View):
    """POST only: confirms the review of one page or snippet and returns to where it came from."""

    def post(self, request, app_label, model_name, pk):
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError as error:
            raise Http404 from error
        if model not in registry.reviewed_models():
            raise Http404
        obj = get_object_or_404(model, pk=pk)
        if not user_can_review(request.user, obj):
            raise PermissionDenied
        next_date = confirm_unchanged(obj, request.user)
        messages.success(
            request,
            _("„%(title)s“ ist geprüft. Nächste Überprüfung: %(date)s.")
            % {"title": obj, "date": date_format(next_date, "DATE_FORMAT")},
        )
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = "wagtailadmin_home"
        return redirect(target)
