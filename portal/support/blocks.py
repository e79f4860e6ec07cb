"""The form definition of a request type: one block per field the customer fills in."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FieldKind:
    TEXT = "text"
    TEXTAREA = "textarea"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"

    CHOICES = [
        (TEXT, _("Single line of text")),
        (TEXTAREA, _("Several lines of text")),
        (NUMBER, _("Whole number")),
        (DATE, _("Date")),
        (CHOICE, _("One of a list")),
    ]


class RequestFieldBlock(blocks.StructBlock):
    """One question on a request type's form, rendered as a Django form field."""

    name = blocks.RegexBlock(
        regex=r"^[a-z][a-z0-9_]{0,39}$",
        error_messages={
            "invalid": _("Use lower-case letters, digits and underscores only.")
        },
        help_text=_("Internal name, for example bandwidth_mbps."),
    )
    label = blocks.CharBlock(label=_("Label (English)"), max_length=120)
    label_zh_hans = blocks.CharBlock(
        label=_("Label (Chinese)"), max_length=120, required=False
    )
    kind = blocks.ChoiceBlock(choices=FieldKind.CHOICES, default=FieldKind.TEXT)
    required = blocks.BooleanBlock(required=False, default=True)
    choices = blocks.TextBlock(
        required=False, help_text=_("For 'one of a list': one choice per line.")
    )
    help_text = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "form"
        label = _("Field")
