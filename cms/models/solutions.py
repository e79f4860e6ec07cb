from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms import selectors
from cms.blocks import BodyBlock
from cms.models.base import BasePage, IndexPage


class SolutionIndexPage(IndexPage):
    """Lists solutions, filterable by segment and industry."""

    subpage_types = ["cms.SolutionPage"]

    class Meta:
        verbose_name = _("solution index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["solutions"] = selectors.solutions_for_locale(locale=self.locale)
        return context


class SolutionPage(BasePage):
    """A business problem answered by a bundle of products, with case studies."""

    problem = RichTextField(
        _("the business problem"), features=["bold", "italic", "link", "ul"]
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    segments = ParentalManyToManyField(
        "taxonomy.Segment", verbose_name=_("segments"), blank=True
    )
    industries = ParentalManyToManyField(
        "taxonomy.Industry", verbose_name=_("industries"), blank=True
    )
    is_custom = models.BooleanField(
        _("custom solution"),
        default=False,
        help_text=_(
            "Designed with an account manager rather than bought off the shelf."
        ),
    )

    parent_page_types = ["cms.SolutionIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("problem"),
        FieldPanel("body"),
        FieldPanel("segments", widget=forms.CheckboxSelectMultiple),
        FieldPanel("industries", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_custom"),
        InlinePanel("solution_products", label=_("Products in this solution")),
        InlinePanel("case_studies", label=_("Case studies")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("problem")]

    class Meta:
        verbose_name = _("solution page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = selectors.products_in_solution(solution=self)
        return context


class SolutionProduct(Orderable):
    page = ParentalKey(SolutionPage, related_name="solution_products")
    product = models.ForeignKey(
        "cms.ProductPage", on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role in the solution"), max_length=200, blank=True)

    panels = [FieldPanel("product"), FieldPanel("role")]


class CaseStudy(Orderable):
    """A customer story attached to a solution."""

    page = ParentalKey(SolutionPage, related_name="case_studies")
    customer = models.CharField(_("customer"), max_length=200)
    industry = models.ForeignKey(
        "taxonomy.Industry", null=True, blank=True, on_delete=models.SET_NULL
    )
    challenge = models.TextField(_("challenge"))
    outcome = models.TextField(_("outcome"))
    quote = models.TextField(_("quote"), blank=True)

    panels = [
        FieldPanel("customer"),
        FieldPanel("industry"),
        FieldPanel("challenge"),
        FieldPanel("outcome"),
        FieldPanel("quote"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
