"""Admin views: the overdue report and the one-click "Geprüft, unverändert"."""

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
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
from .review import confirm_unchanged, due_items, user_can_review


class OverdueFilterForm(forms.Form):
    fachbereich = forms.ModelChoiceField(
        label=gettext_lazy("Fachbereich"),
        queryset=Fachbereich.objects.all(),
        required=False,
        empty_label=gettext_lazy("Alle Fachbereiche"),
    )
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Verantwortlich"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name", "username"),
        required=False,
        empty_label=gettext_lazy("Alle Verantwortlichen"),
    )


class OverdueReportView(WagtailAdminTemplateMixin, TemplateView):
    """Berichte → Überprüfung fällig: every live item whose review date has come."""

    template_name = "governance/overdue_report.html"
    page_title = gettext_lazy("Überprüfung fällig")
    header_icon = "calendar-alt"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = OverdueFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context["form"] = form
        context["items"] = due_items(
            fachbereich=filters.get("fachbereich"), owner=filters.get("owner")
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
