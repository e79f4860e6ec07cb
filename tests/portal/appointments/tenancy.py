"""Objects of the victim company for the cross-tenant matrix (tests/portal/tenancy.py)."""

from portal.appointments import selectors, services


def _victim_appointment(victim):
    company = victim.company
    slots, _zone = selectors.proposed_slots(
        company=company, manager_id=company.account_manager_id, kind="site_survey"
    )
    return services.appointment_book(
        user=victim.admin,
        kind="site_survey",
        slot_key=slots[0].key,
        site=victim.site,
        notes="Zebra Secret cabling plan",
    )


def appointment_kwargs(victim) -> dict:
    return {"pk": _victim_appointment(victim).pk}


def work_action_kwargs(victim) -> dict:
    return {"pk": _victim_appointment(victim).pk, "action": "cancel"}
