"""Service request pages, mounted under /<lang>/requests/."""

from django.urls import path

from portal.support import views

app_name = "support"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("new/", views.request_new, name="request_new"),
    path("new/<slug:slug>/", views.request_create, name="request_create"),
    path("self-served/", views.self_served, name="self_served"),
    path("notifications/", views.notification_list, name="notifications"),
    path(
        "attachments/<int:pk>/", views.attachment_download, name="attachment_download"
    ),
    path("work/", views.work_queue, name="work_queue"),
    path("work/team/", views.team_view, name="team"),
    path("work/<int:pk>/", views.work_detail, name="work_detail"),
    path("<int:pk>/", views.request_detail, name="request_detail"),
    path(
        "<int:pk>/<str:action>/",
        views.request_customer_action,
        name="request_action",
    ),
]
