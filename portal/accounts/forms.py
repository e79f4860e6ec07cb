"""Forms that replace allauth's where the portal needs different wording."""

from allauth.mfa.webauthn.forms import AddWebAuthnForm
from django.utils.translation import gettext_lazy as _


class AddSecurityKeyForm(AddWebAuthnForm):
    """allauth's "add security key" form; its name field gets a translated label
    (allauth leaves it to Django's untranslated default). MFA_FORMS points here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name of the key")
        self.fields["name"].help_text = _(
            "A name that tells your keys apart, for example “Office key”."
        )
