"""Wagtail admin: trial policies as snippets, and the approval queue in the menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.companies import permissions
from portal.trials.models import TrialPolicy


class TrialPolicyViewSet(SnippetViewSet):
    model = TrialPolicy
    icon = "time"
    menu_label = _("Trial policies")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["product_code", "duration_days", "is_active"]
    search_fields = ["product_code"]


register_snippet(TrialPolicyViewSet)


class ApprovalQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage_companies(request.user)


@hooks.register("register_admin_menu_item")
def register_trial_approvals_menu_item():
    return ApprovalQueueMenuItem(
        _("Trial approvals"), reverse("trials:manager"), icon_name="tasks", order=321
    )
