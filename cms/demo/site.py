"""Builds the whole demo site of Example Telecom from `cms.demo.content`.

Called by `manage.py seed_demo`; every step finds what exists first, so running it
again changes nothing (no new pages, images, documents or revisions).
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from cms import models as cms
from cms.demo import content
from cms.demo.builder import (
    ensure_home,
    locales,
    update_or_create_quietly,
    upsert_page,
    upsert_translation,
)
from cms.demo.media import (
    draw_console_screenshot,
    draw_hero,
    render_pdf,
    upsert_document,
    upsert_image,
)
from cms.services import editor_groups_configure, moderation_workflow_assign
from portal.taxonomy.models import Industry, Segment

LANGS = ("en", "zh")

LABELS = {
    "en": {
        "manual": "user manual",
        "overview": "Overview",
        "features": "Features",
        "getting_started": "Getting started",
        "trial": "Free trial",
        "support": "Support",
        "support_text": "Business service desk: 10100 (24/7) · support@example-telecom.test. Have your product code ready.",
        "price": "Price guidance",
        "steps_heading": "What to do",
        "still_stuck": "Still stuck?",
        "still_stuck_text": "Report it under Support in the Business Console or call the business service desk on 10100, around the clock.",
        "code": "Product code",
        "procurement": "Procurement document",
        "step": "step",
        "case_heading": "How it works",
    },
    "zh": {
        "manual": "用户手册",
        "overview": "概述",
        "features": "功能特点",
        "getting_started": "快速入门",
        "trial": "免费试用",
        "support": "技术支持",
        "support_text": "企业客服热线：10100（7×24 小时）· support@example-telecom.test。请提前准备好产品编码。",
        "price": "参考价格",
        "steps_heading": "操作步骤",
        "still_stuck": "仍未解决？",
        "still_stuck_text": "请在企业控制台的“支持”中提交，或拨打 7×24 小时企业客服热线 10100。",
        "code": "产品编码",
        "procurement": "采购文件",
        "step": "步骤",
        "case_heading": "方案构成",
    },
}


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def _list(items, ordered=True) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>"


class DemoSiteBuilder:
    """Creates the demo pages in English, then their Chinese translations."""

    def __init__(self):
        self.en, self.zh = locales()
        self.locale = {"en": self.en, "zh": self.zh}
        self.segments = {s.code: s for s in Segment.objects.all()}
        self.industries = {i.slug: i for i in Industry.objects.all()}
        self.products = {"en": {}, "zh": {}}
        self.indexes = {}

    def build(self) -> dict:
        editor_groups_configure()
        home = self._home()
        self._categories()
        self._indexes(home)
        for item in content.PRODUCTS:
            self._product(item)
        for item in content.SOLUTIONS:
            self._solution(item)
        for item in content.SEGMENTS:
            self._segment(home, item)
        for item in content.EVENTS:
            self._event(item)
        for number, item in enumerate(content.ARTICLES, start=1):
            self._article(number, item)
        return {"home": home}

    # -- helpers -------------------------------------------------------------

    def _both(self, parent_en, model, slug, en_fields, zh_fields):
        page = upsert_page(parent_en, model, slug=slug, fields=en_fields)
        translation = upsert_translation(page, self.zh, fields=zh_fields)
        return page, translation

    def _hero(self, key: str, colours) -> object:
        return upsert_image(
            title=f"Hero: {key}",
            filename=f"hero-{key}.png",
            draw=lambda: draw_hero(colours, key),
        )

    # -- pages ---------------------------------------------------------------

    def _home(self):
        hero = self._hero("home", ("#00558c", "#00a3e0"))
        data = content.HOME
        fields = {k: v for k, v in data.items() if k != "zh"}
        fields["hero_image"] = hero
        home = ensure_home(cms.HomePage, fields=fields)
        home_zh = upsert_translation(
            home, self.zh, fields={**data["zh"], "hero_image": hero}
        )
        moderation_workflow_assign(pages=[home, home_zh])
        self.home = home
        return home

    def _categories(self):
        self.categories = {}
        for slug, name, name_zh in content.KNOWLEDGE_CATEGORIES:
            self.categories[slug] = update_or_create_quietly(
                cms.KnowledgeCategory,
                lookup={"slug": slug},
                values={"name": name, "name_zh_hans": name_zh},
            )

    def _indexes(self, home):
        for item in content.INDEXES:
            model = getattr(cms, item["model"])
            en_fields = {"title": item["title"], "summary": item["summary"]}
            self.indexes[item["slug"]] = self._both(
                home, model, item["slug"], en_fields, item["zh"]
            )

    def _product(self, item):
        code = item["code"]
        shared = {
            "product_code": code,
            "family": item["family"],
            "segments": [self.segments[s] for s in item["segments"]],
            "industries": [self.industries[i] for i in item["industries"]],
            "is_standard_package": item["standard"],
            "is_hot": item["hot"],
            "trial_available": item["trial"] is not None,
        }
        steps = list(content.WALKTHROUGHS[item["family"]])
        if item["trial"]:
            steps.append(content.TRIAL_STEP)
        per_language = {}
        for lang in LANGS:
            text = item if lang == "en" else item["zh"]
            title = text["title"]
            walkthrough = []
            for number, (kind, *captions) in enumerate(steps, start=1):
                step_title = captions[0] if lang == "en" else captions[2]
                caption = (captions[1] if lang == "en" else captions[3]).format(
                    product=title
                )
                image = upsert_image(
                    title=f"{title}: {LABELS[lang]['step']} {number} ({lang})",
                    filename=f"walkthrough-{code.lower()}-{number}-{lang}.png",
                    draw=lambda kind=kind, step_title=step_title, n=number, t=title, lang=lang: (
                        draw_console_screenshot(
                            kind=kind,
                            language=lang,
                            operator=content.OPERATOR[lang],
                            product=t,
                            code=code,
                            title=step_title,
                            step_number=n,
                        )
                    ),
                )
                walkthrough.append((step_title, caption, image))
            manual = upsert_document(
                title=f"{title} {LABELS[lang]['manual']}",
                filename=f"{code.lower()}-manual-{lang}.pdf",
                render=lambda text=text, walkthrough=walkthrough, lang=lang: (
                    self._manual_pdf(item, text, walkthrough, lang)
                ),
            )
            per_language[lang] = {
                "title": title,
                "summary": text["summary"],
                "price_guidance": text["price"],
                "features": [
                    {"type": "feature", "value": {"title": t, "text": d}}
                    for t, d in text["features"]
                ],
                "trial_terms": self._trial_terms(item["trial"], lang),
                "walkthrough_steps": [
                    cms.WalkthroughStep(title=t, caption=c, image=img)
                    for t, c, img in walkthrough
                ],
                "manuals": [
                    cms.ProductManual(
                        document=manual,
                        kind=cms.ManualKind.MANUAL,
                        title=manual.title,
                        description=text["summary"],
                    )
                ],
            }
        parent_en, _parent_zh = self.indexes["products"]
        page, translation = self._both(
            parent_en,
            cms.ProductPage,
            item["slug"],
            {**shared, **per_language["en"]},
            {**shared, **per_language["zh"]},
        )
        self.products["en"][code] = page
        self.products["zh"][code] = translation

    @staticmethod
    def _trial_terms(trial, lang) -> str:
        if not trial:
            return ""
        days, units_en, units_zh = trial
        if lang == "en":
            return content.TRIAL_TERMS.format(days=days, units=units_en)
        return content.TRIAL_TERMS_ZH.format(days=days, units=units_zh)

    def _manual_pdf(self, item, text, walkthrough, lang) -> bytes:
        labels = LABELS[lang]
        sections = [
            {"heading": labels["overview"], "paragraphs": [text["summary"]]},
            {
                "heading": labels["features"],
                "bullets": [f"{t}: {d}" for t, d in text["features"]],
            },
            {
                "heading": labels["getting_started"],
                "steps": [f"{t}. {c}" for t, c, _img in walkthrough],
            },
            {"heading": labels["price"], "paragraphs": [text["price"]]},
            {"heading": labels["support"], "paragraphs": [labels["support_text"]]},
        ]
        return render_pdf(
            language="zh-hans" if lang == "zh" else "en",
            context={
                "operator": content.OPERATOR[lang],
                "title": f"{text['title']} {labels['manual']}",
                "subtitle": f"{labels['code']}: {item['code']}",
                "footer": labels["manual"],
                "sections": sections,
            },
        )

    def _solution(self, item):
        shared = {
            "segments": [self.segments[s] for s in item["segments"]],
            "industries": [self.industries[i] for i in item["industries"]],
            "is_custom": item["custom"],
            "hero_image": self._hero(f"solution-{item['slug']}", item["hero"]),
        }
        fields = {}
        for lang in LANGS:
            text = item if lang == "en" else item["zh"]
            fields[lang] = {
                **shared,
                "title": text["title"],
                "summary": text["summary"],
                "problem": text["problem"],
                "solution_products": [
                    cms.SolutionProduct(
                        product=self.products[lang][code],
                        role=role_en if lang == "en" else role_zh,
                    )
                    for code, role_en, role_zh in item["products"]
                ],
                "case_studies": [
                    cms.CaseStudy(
                        customer=(case if lang == "en" else case["zh"])["customer"],
                        industry=self.industries.get(case["industry"] or ""),
                        challenge=(case if lang == "en" else case["zh"])["challenge"],
                        outcome=(case if lang == "en" else case["zh"])["outcome"],
                        quote=(case if lang == "en" else case["zh"])["quote"],
                    )
                    for case in item["cases"]
                ],
            }
        parent_en, _ = self.indexes["solutions"]
        self._both(
            parent_en, cms.SolutionPage, item["slug"], fields["en"], fields["zh"]
        )

    def _segment(self, home, item):
        shared = {
            "segment": self.segments[item["segment"]],
            "hero_image": self._hero(f"segment-{item['slug']}", item["hero"]),
        }
        fields = {}
        for lang in LANGS:
            text = item if lang == "en" else item["zh"]
            documents = []
            for key in item.get("documents", []):
                doc_text = content.PROCUREMENT_DOCUMENTS[key][lang]
                document = upsert_document(
                    title=doc_text["title"],
                    filename=f"{key}-{lang}.pdf",
                    render=lambda doc_text=doc_text, lang=lang: render_pdf(
                        language="zh-hans" if lang == "zh" else "en",
                        context={
                            "operator": content.OPERATOR[lang],
                            "title": doc_text["title"],
                            "subtitle": doc_text["description"],
                            "footer": LABELS[lang]["procurement"],
                            "sections": [
                                {"heading": heading, "bullets": items}
                                for heading, items in doc_text["sections"]
                            ],
                        },
                    ),
                )
                documents.append(
                    cms.ProcurementDocument(
                        document=document,
                        title=doc_text["title"],
                        description=doc_text["description"],
                    )
                )
            fields[lang] = {
                **shared,
                "title": text["title"],
                "summary": text["summary"],
                "intro": text["intro"],
                "compliance": text.get("compliance", ""),
                "account_manager_text": text.get("account_manager_text", ""),
                "procurement_documents": documents,
            }
        self._both(home, cms.SegmentPage, item["slug"], fields["en"], fields["zh"])

    def _event(self, item):
        parent_en, _ = self.indexes["events"]
        existing = parent_en.get_children().filter(slug=item["slug"]).specific().first()
        if existing is not None and existing.starts_at > timezone.now():
            # Still upcoming: keep its date so a second run changes nothing.
            starts_at, ends_at = existing.starts_at, existing.ends_at
        else:
            zone = ZoneInfo(settings.TIME_ZONE)
            day = timezone.now().astimezone(zone).date() + dt.timedelta(
                days=item["days_ahead"]
            )
            starts_at = dt.datetime.combine(day, dt.time(item["hour"]), tzinfo=zone)
            ends_at = starts_at + dt.timedelta(hours=item["duration_hours"])
        shared = {
            "kind": item["kind"],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "segments": [self.segments[s] for s in item["segments"]],
            "registration_url": f"https://events.example-telecom.test/{item['slug']}",
        }
        fields = {}
        for lang in LANGS:
            text = item if lang == "en" else item["zh"]
            fields[lang] = {
                **shared,
                "title": text["title"],
                "summary": text["summary"],
                "location": text.get("location", item["location"]),
                "body": [_paragraph(text["body"])],
            }
        self._both(parent_en, cms.EventPage, item["slug"], fields["en"], fields["zh"])

    def _article(self, number, item):
        (slug, category, codes, segments, title, summary, steps,
         title_zh, summary_zh, steps_zh) = item  # fmt: skip
        fields = {}
        for lang, (t, s, st) in {
            "en": (title, summary, steps),
            "zh": (title_zh, summary_zh, steps_zh),
        }.items():
            labels = LABELS[lang]
            fields[lang] = {
                "title": t,
                "summary": s,
                "external_id": f"KB-{1000 + number}",
                "category": self.categories[category],
                "products": [self.products[lang][code] for code in codes],
                "segments": [self.segments[code] for code in segments],
                # The summary is shown above the body (the lead), not repeated in it.
                "body": [
                    {"type": "heading", "value": labels["steps_heading"]},
                    {"type": "paragraph", "value": _list(st)},
                    {
                        "type": "callout",
                        "value": {
                            "heading": labels["still_stuck"],
                            "text": f"<p>{escape(labels['still_stuck_text'])}</p>",
                        },
                    },
                ],
            }
        parent_en, _ = self.indexes["help"]
        self._both(
            parent_en, cms.KnowledgeArticlePage, slug, fields["en"], fields["zh"]
        )


def build_demo_site() -> dict:
    """Create or update every demo page, image, document, group and workflow."""
    Locale.objects.get_or_create(language_code="en")
    return DemoSiteBuilder().build()
