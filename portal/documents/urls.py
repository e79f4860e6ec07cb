from django.urls import path

from portal.documents import views

app_name = "documents"

urlpatterns = [
    path("page/<int:page_id>/", views.page_pdf, name="page_pdf"),
]
