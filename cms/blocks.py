"""StreamField blocks editors compose pages from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class FeatureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)

    class Meta:
        icon = "tick"
        template = "components/blocks/feature.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        template = "components/blocks/callout.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), required=False)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    """The body of content pages: text, images, videos, callouts and documents."""

    heading = blocks.CharBlock(form_classname="title", icon="title", label=_("Heading"))
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    image = ImageChooserBlock(label=_("Image"), template="components/blocks/image.html")
    video = EmbedBlock(label=_("Video"), template="components/blocks/video.html")
    callout = CalloutBlock()
    document = DocumentLinkBlock()
