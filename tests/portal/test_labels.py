"""Label tables: a value's label in the language active at each lookup."""

from django.utils import translation

from portal.companies.models import Membership, MemberTier
from portal.labels import Labels
from portal.support.models import ServiceRequest


def test_a_label_follows_the_language_active_at_each_lookup():
    tiers = Labels.of(MemberTier)
    with translation.override("zh-hans"):
        chinese = str(MemberTier.ADMIN.label)
        assert tiers["admin"] == chinese
    assert chinese != "Company administrator"  # the catalogue has it
    with translation.override("en"):
        assert tiers["admin"] == "Company administrator"
    with translation.override("zh-hans"):
        assert tiers["admin"] == chinese


def test_the_models_label_properties_read_their_tables():
    with translation.override("en"):
        assert Membership(tier="billing").tier_label == "Billing"
        request = ServiceRequest(status="open", priority="urgent")
        assert request.status_label == "Waiting for an account manager"
        assert request.staff_status_label == "New, not claimed"
        assert request.priority_label == "Urgent"
