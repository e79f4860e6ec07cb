"""Appointment pages, mounted under /<lang>/appointments/."""

from django.urls import path

from portal.appointments import views

app_name = "appointments"

urlpatterns = [
    path("", views.appointment_list, name="list"),
    path("book/", views.appointment_book, name="book"),
    path("<int:pk>/", views.appointment_detail, name="detail"),
    path("<int:pk>/reschedule/", views.appointment_reschedule, name="reschedule"),
    path("<int:pk>/cancel/", views.appointment_cancel, name="cancel"),
    path("<int:pk>/invitation.ics", views.appointment_ics, name="ics"),
    path("<int:pk>/accept/", views.appointment_accept, name="accept"),
    path("work/", views.work_list, name="work"),
    path("work/propose/<int:pk>/", views.work_propose, name="work_propose"),
    path("work/<int:pk>/<str:action>/", views.work_action, name="work_action"),
]
