from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "portal.appointments"
    label = "appointments"
    verbose_name = _("Appointments")

    def ready(self):
        from portal.appointments import selectors
        from portal.companies.audit import register_action_labels
        from portal.companies.dashboard import DashboardSection, register_section
        from portal.companies.permissions import PortalPermission

        register_action_labels(
            {
                "appointment.booked": _("Appointment booked"),
                "appointment.proposed": _("Appointment proposed"),
                "appointment.accepted": _("Appointment accepted"),
                "appointment.rescheduled": _("Appointment rescheduled"),
                "appointment.cancelled": _("Appointment cancelled"),
                "appointment.completed": _("Appointment completed"),
                "appointment.video_link_set": _("Appointment video link changed"),
            }
        )

        register_section(
            DashboardSection(
                key="appointments",
                template="appointments/dashboard_section.html",
                permission=PortalPermission.VIEW_REQUESTS,
                context=selectors.dashboard_context,
                order=50,
            )
        )
