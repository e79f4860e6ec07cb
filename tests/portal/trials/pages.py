"""Pages the trial and PDF tests need, built the way the demo seed builds them."""

from cms import models as cms_models
from cms.demo.builder import locales, upsert_page, upsert_translation


def _index(model):
    return model.objects.filter(locale__language_code="en").first()


def make_product(
    *,
    code: str = "CLOUD-DRIVE",
    title: str = "Cloud Drive",
    trial: bool = True,
    body_paragraphs: int = 2,
):
    """A published product page with a Chinese translation."""
    _en, zh = locales()
    body = [("heading", "Getting started")] + [
        (
            "paragraph",
            f"<p>Paragraph {i}: set up users, folders and sharing rules. "
            + "Long text. " * 40
            + "</p>",
        )
        for i in range(body_paragraphs)
    ]
    page = upsert_page(
        _index(cms_models.ProductIndexPage),
        cms_models.ProductPage,
        slug=code.lower(),
        fields={
            "title": title,
            "product_code": code,
            "family": "cloud",
            "summary": "Shared storage for teams.",
            "trial_available": trial,
            "trial_terms": "<p>Free for 30 days.</p>",
            "features": [
                ("feature", {"title": "Sync", "text": "Files on every device."})
            ],
            "body": body,
        },
    )
    upsert_translation(
        page,
        zh,
        fields={
            "title": f"{title} 云盘",
            "summary": "团队共享存储。",
            "slug": code.lower(),
        },
    )
    return page


def make_article(*, slug: str = "reset-password", zh_text: str = "重置密码的步骤"):
    """A published knowledge article with Chinese body text in its translation."""
    _en, zh = locales()
    page = upsert_page(
        _index(cms_models.KnowledgeIndexPage),
        cms_models.KnowledgeArticlePage,
        slug=slug,
        fields={
            "title": "Reset your console password",
            "summary": "Three steps.",
            "body": [("heading", "Steps"), ("paragraph", "<p>Open the console.</p>")],
        },
    )
    translation = upsert_translation(
        page,
        zh,
        fields={
            "title": "重置控制台密码",
            "body": [("heading", "步骤"), ("paragraph", f"<p>{zh_text}。</p>")],
        },
    )
    return page, translation
