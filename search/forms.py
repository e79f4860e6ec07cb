"""Validation of search parameters, shared by the results page and the API."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.models.products import ProductFamily
from portal.taxonomy.models import SegmentCode

TYPE_CHOICES = [
    ("article", _("Help articles")),
    ("product", _("Products")),
    ("solution", _("Solutions")),
    ("event", _("Events")),
    ("document", _("Manuals and documents")),
    ("request", _("Service requests")),
]
SORT_CHOICES = [("relevance", _("Relevance")), ("date", _("Newest first"))]
MAX_QUERY_LENGTH = 200


class SharedFields(dict):
    """A form class's declared fields, shared by its forms rather than deep-copied.

    Django gives every form a deep copy of each field with its widget and
    choices (so a form may change its own): about 0.15 ms of every search
    request. A form class whose forms never change a field can share them.
    """

    def __deepcopy__(self, memo):
        return dict(self)


def fields_shared(form_class):
    """Class decorator: the forms of this class share its fields (SharedFields)."""
    form_class.base_fields = SharedFields(form_class.base_fields)
    return form_class


@fields_shared
class SearchParamsForm(forms.Form):
    """The query string of a search: text, narrowing facets, sort and page."""

    q = forms.CharField(max_length=MAX_QUERY_LENGTH, required=False, strip=True)
    type = forms.ChoiceField(choices=TYPE_CHOICES, required=False)
    segment = forms.ChoiceField(choices=SegmentCode.choices, required=False)
    family = forms.ChoiceField(choices=ProductFamily.choices, required=False)
    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    category = forms.SlugField(max_length=80, required=False)
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False)
    page = forms.IntegerField(min_value=1, max_value=100, required=False)
    limit = forms.IntegerField(min_value=1, max_value=50, required=False)

    # Form field -> index field.
    FILTER_FIELDS = {
        "type": "type",
        "segment": "segments",
        "family": "family",
        "language": "language",
        "category": "category",
    }

    def __init__(self, *args, require_query: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.require_query = require_query

    def clean_q(self):
        query = self.cleaned_data["q"]
        if self.require_query and not query:
            raise forms.ValidationError(
                self.fields["q"].error_messages["required"], code="required"
            )
        return query

    def filters(self) -> dict[str, str]:
        return {
            index_field: self.cleaned_data[name]
            for name, index_field in self.FILTER_FIELDS.items()
            if self.cleaned_data.get(name)
        }


def error_text(form: forms.Form) -> str:
    """The form's errors as one line for an API's 400 answer."""
    return " ".join(
        f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()
    )


class AutocompleteForm(forms.Form):
    q = forms.CharField(max_length=100, strip=True)
    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    limit = forms.IntegerField(min_value=1, max_value=20, required=False)


class FeedbackForm(forms.Form):
    """A reader's answer to “did this answer your question?”."""

    article = forms.IntegerField(min_value=1)
    helpful = forms.TypedChoiceField(
        choices=[("1", _("Yes")), ("0", _("No"))], coerce=lambda v: v == "1"
    )
    query = forms.CharField(max_length=200, required=False)
    comment = forms.CharField(
        label=_("Anything we should add?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
