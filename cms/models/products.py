from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms import selectors
from cms.blocks import BodyBlock, FeatureBlock
from cms.models.base import BasePage, IndexPage


class ProductFamily(models.TextChoices):
    CONNECTIVITY = "connectivity", _("Connectivity")
    MOBILE = "mobile", _("Mobile")
    CLOUD = "cloud", _("Cloud")
    IOT = "iot", _("IoT")
    SECURITY = "security", _("Security")
    UNIFIED_COMMUNICATIONS = "uc", _("Unified communications")


class ProductIndexPage(IndexPage):
    """Lists the operator's products by family."""

    subpage_types = ["cms.ProductPage"]

    class Meta:
        verbose_name = _("product index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["families"] = selectors.products_by_family(locale=self.locale)
        return context


class ProductPage(BasePage):
    """A product with a stable code: features, price guidance, demo, manuals, trial."""

    product_code = models.CharField(
        _("product code"),
        max_length=40,
        db_index=True,
        help_text=_("Stable code shared by all translations, e.g. FIBRE-PRO-1G."),
    )
    family = models.CharField(_("family"), max_length=20, choices=ProductFamily.choices)
    segments = ParentalManyToManyField(
        "taxonomy.Segment", verbose_name=_("segments"), blank=True
    )
    industries = ParentalManyToManyField(
        "taxonomy.Industry", verbose_name=_("industries"), blank=True
    )
    features = StreamField(
        [("feature", FeatureBlock())], blank=True, verbose_name=_("features")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    price_guidance = models.CharField(
        _("price guidance"),
        max_length=120,
        blank=True,
        help_text=_("For example “from ¥299 per month”."),
    )
    is_standard_package = models.BooleanField(
        _("standard package"),
        default=False,
        help_text=_("A fixed package SMEs can order without a quote."),
    )
    is_hot = models.BooleanField(_("hot product"), default=False)
    trial_available = models.BooleanField(_("trial available"), default=False)
    trial_terms = RichTextField(
        _("trial terms"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    demo_video = models.URLField(
        _("demo video"),
        blank=True,
        help_text=_("A video URL that Wagtail can embed (YouTube, Vimeo, ...)."),
    )

    parent_page_types = ["cms.ProductIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("product_code"),
                FieldPanel("family"),
                FieldPanel("segments", widget=forms.CheckboxSelectMultiple),
                FieldPanel("industries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("is_standard_package"),
                FieldPanel("is_hot"),
            ],
            heading=_("Catalogue"),
        ),
        FieldPanel("features"),
        FieldPanel("body"),
        FieldPanel("price_guidance"),
        MultiFieldPanel(
            [FieldPanel("trial_available"), FieldPanel("trial_terms")],
            heading=_("Trial"),
        ),
        MultiFieldPanel(
            [FieldPanel("demo_video"), InlinePanel("walkthrough_steps")],
            heading=_("Demo"),
        ),
        InlinePanel("manuals", label=_("Manuals and guides")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("product_code"),
        index.FilterField("family"),
    ]

    class Meta:
        verbose_name = _("product page")

    def clean(self):
        super().clean()
        # A unique constraint cannot span Page.locale (multi-table inheritance).
        clash = (
            ProductPage.objects.filter(
                product_code=self.product_code, locale_id=self.locale_id
            )
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if clash:
            raise ValidationError(
                {"product_code": _("Another product already uses this product code.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template's content fragment cache usually holds what these
        # build, so their queries run only when the fragment is rendered anew.
        context["solutions"] = SimpleLazyObject(
            lambda: selectors.solutions_using_product(product=self)
        )
        context["articles"] = SimpleLazyObject(
            lambda: selectors.articles_about_product(product=self)
        )
        context["walkthrough_steps"] = SimpleLazyObject(
            lambda: selectors.walkthrough_steps(product=self)
        )
        context["manuals"] = SimpleLazyObject(
            lambda: selectors.product_manuals(product=self)
        )
        return context


class WalkthroughStep(Orderable):
    """One screen of a product's click-through demo: a screenshot and its caption."""

    page = ParentalKey(ProductPage, related_name="walkthrough_steps")
    title = models.CharField(_("title"), max_length=120)
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.TextField(_("caption"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("walkthrough step")


class ManualKind(models.TextChoices):
    MANUAL = "manual", _("User manual")
    GUIDE = "guide", _("Quick-start guide")
    DATASHEET = "datasheet", _("Datasheet")


class ProductManual(Orderable):
    """A downloadable manual, guide or datasheet of a product."""

    page = ParentalKey(ProductPage, related_name="manuals")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ManualKind.choices, default=ManualKind.MANUAL
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [
        FieldPanel("document"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("manual")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
