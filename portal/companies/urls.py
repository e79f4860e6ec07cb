"""Customer pages of a company, under /<language>/company/."""

from django.urls import path

from portal.companies import views

app_name = "companies"

urlpatterns = [
    path("", views.company_dashboard, name="dashboard"),
    path("register/", views.company_register, name="register"),
    path("details/", views.company_edit, name="edit"),
    path("resubmit/", views.company_resubmit, name="resubmit"),
    path("members/", views.member_list, name="members"),
    path("members/<int:pk>/", views.member_edit, name="member_edit"),
    path(
        "members/<int:pk>/deactivate/",
        views.member_deactivate,
        name="member_deactivate",
    ),
    path(
        "members/<int:pk>/reactivate/",
        views.member_reactivate,
        name="member_reactivate",
    ),
    path("invitations/new/", views.invitation_create, name="invitation_create"),
    path(
        "invitations/<int:pk>/resend/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "invitations/accept/<str:token>/",
        views.invitation_accept,
        name="invitation_accept",
    ),
    path("roles/", views.role_list, name="roles"),
    path("roles/<int:pk>/", views.role_edit, name="role_edit"),
    path("roles/<int:pk>/delete/", views.role_delete, name="role_delete"),
    path("sites/", views.site_list, name="sites"),
    path("sites/<int:pk>/", views.site_edit, name="site_edit"),
    path("audit/", views.audit_log, name="audit"),
]
