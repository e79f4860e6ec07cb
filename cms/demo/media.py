"""Pictures and PDF documents of the demo site, drawn and rendered on the spot.

Console screenshots and hero images are drawn with Pillow (with a CJK font so the
Chinese versions read properly); manuals and procurement documents are rendered
from an HTML template with WeasyPrint. Images and documents are found again by
title in the demo collection, so a second seed run creates nothing new.
"""

import hashlib
import io
import logging
import random

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_FONT_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
COLLECTION_NAME = "Demo content"
SIZE = (1280, 800)
BRAND = (0, 85, 140)


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _font(size: int, bold: bool = False):
    try:
        return ImageFont.truetype(CJK_FONT_BOLD if bold else CJK_FONT, size)
    except OSError:  # fonts-noto-cjk missing: still draw, with Pillow's own font
        return ImageFont.load_default(size)


def _png(image: PILImage.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def upsert_image(*, title: str, filename: str, draw) -> object:
    """The demo image with this title, drawn by `draw()` only if it does not exist."""
    Image = get_image_model()
    collection = demo_collection()
    image = Image.objects.filter(title=title, collection=collection).first()
    if image is not None:
        return image
    data = draw()
    with PILImage.open(io.BytesIO(data)) as drawn:
        width, height = drawn.size
    image = Image(title=title, collection=collection)
    image.file.save(filename, ContentFile(data), save=False)
    image._set_image_file_metadata()
    image.width, image.height = width, height
    image.save()
    return image


def upsert_document(*, title: str, filename: str, render) -> object:
    """The demo document with this title, rendered by `render()` only if missing."""
    Document = get_document_model()
    collection = demo_collection()
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is not None:
        return document
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(render()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


# --- Hero images -----------------------------------------------------------------


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def draw_hero(colours: tuple[str, str], seed: str) -> bytes:
    """An abstract banner: a diagonal gradient with soft network lines and nodes."""
    width, height = 1600, 560
    start, end = _hex(colours[0]), _hex(colours[1])
    mid = tuple((a + b) // 2 for a, b in zip(start, end, strict=True))
    corners = PILImage.new("RGB", (2, 2))
    corners.putdata([start, mid, mid, end])
    image = corners.resize((width, height), PILImage.Resampling.BILINEAR)
    draw = ImageDraw.Draw(image, "RGBA")
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())  # noqa: S311 (decoration, not security)
    nodes = [
        (rng.randint(width // 3, width), rng.randint(0, height)) for _ in range(26)
    ]
    for index, (x, y) in enumerate(nodes):
        for other in nodes[index + 1 : index + 3]:
            draw.line([(x, y), other], fill=(255, 255, 255, 60), width=2)
    for x, y in nodes:
        radius = rng.randint(4, 12)
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius], fill=(255, 255, 255, 110)
        )
    for ring in range(3):
        radius = 220 + ring * 90
        draw.ellipse(
            [
                width - 260 - radius,
                height // 2 - radius,
                width - 260 + radius,
                height // 2 + radius,
            ],
            outline=(255, 255, 255, 40),
            width=3,
        )
    return _png(image)


# --- Console screenshots -----------------------------------------------------------

CONSOLE_TEXT = {
    "en": {
        "console": "Business Console",
        "menu": ["Overview", "Services", "Billing", "Support", "People", "Settings"],
        "sites": [
            "Shanghai HQ",
            "Suzhou plant",
            "Hangzhou store",
            "Nanjing warehouse",
            "Ningbo office",
        ],
        "status": "Operational",
        "warning": "Degraded",
        "signin": "Sign in to your company account",
        "email": "E-mail address",
        "password": "Password",
        "button_signin": "Sign in",
        "save": "Confirm",
        "cancel": "Cancel",
        "trial": "Start free trial",
        "columns": ["Site / line", "Status", "This month", "Availability"],
        "fields": ["Service", "New setting", "Applies from", "Notify"],
        "values": [
            "{code} · Shanghai HQ",
            "{product}",
            "Immediately",
            "it-admin@jadegarden.example",
        ],
        "kpis": ["Active services", "Open faults", "Usage this month", "Availability"],
        "map": "Live map",
        "step": "Step",
    },
    "zh": {
        "console": "企业控制台",
        "menu": ["概览", "服务", "账单", "支持", "成员", "设置"],
        "sites": ["上海总部", "苏州工厂", "杭州门店", "南京仓库", "宁波办公室"],
        "status": "正常",
        "warning": "性能下降",
        "signin": "登录公司账户",
        "email": "邮箱地址",
        "password": "密码",
        "button_signin": "登录",
        "save": "确认",
        "cancel": "取消",
        "trial": "开始免费试用",
        "columns": ["站点 / 线路", "状态", "本月用量", "可用率"],
        "fields": ["服务", "新设置", "生效时间", "通知"],
        "values": [
            "{code} · 上海总部",
            "{product}",
            "立即生效",
            "it-admin@jadegarden.example",
        ],
        "kpis": ["在用服务", "未关闭故障", "本月用量", "可用率"],
        "map": "实时地图",
        "step": "步骤",
    },
}


def draw_console_screenshot(
    *,
    kind: str,
    language: str,
    operator: str,
    product: str,
    code: str,
    title: str,
    step_number: int,
) -> bytes:
    """A plausible screen of the operator's web console, with the step highlighted."""
    text = CONSOLE_TEXT[language]
    rng = random.Random(f"{code}-{step_number}-{language}")  # noqa: S311 (decoration, not security)
    image = PILImage.new("RGB", SIZE, (244, 246, 249))
    draw = ImageDraw.Draw(image, "RGBA")
    # Browser chrome and the console's top bar.
    draw.rectangle([0, 0, SIZE[0], 36], fill=(222, 225, 230))
    for index, colour in enumerate([(237, 106, 94), (245, 191, 79), (98, 197, 84)]):
        draw.ellipse([14 + index * 22, 12, 26 + index * 22, 24], fill=colour)
    draw.rounded_rectangle([90, 7, 700, 29], radius=10, fill=(255, 255, 255))
    draw.text(
        (104, 9),
        "https://console.example-telecom.test/",
        font=_font(13),
        fill=(90, 90, 90),
    )
    draw.rectangle([0, 36, SIZE[0], 96], fill=BRAND)
    draw.text((28, 50), f"◆ {operator}", font=_font(24, bold=True), fill="white")
    draw.text((300, 56), text["console"], font=_font(18), fill=(200, 225, 245))
    draw.ellipse([1210, 50, 1246, 86], fill=(0, 163, 224))
    draw.text((1219, 55), "JG", font=_font(16, bold=True), fill="white")
    # Side menu.
    draw.rectangle([0, 96, 220, SIZE[1]], fill=(255, 255, 255))
    active = {"login": -1, "dashboard": 0, "table": 1, "form": 1, "map": 1, "trial": 1}[
        kind
    ]
    for index, item in enumerate(text["menu"]):
        top = 120 + index * 52
        if index == active:
            draw.rectangle([0, top - 10, 220, top + 34], fill=(228, 240, 250))
            draw.rectangle([0, top - 10, 5, top + 34], fill=BRAND)
        draw.text((32, top), item, font=_font(18), fill=(30, 40, 60))
    # Page title.
    draw.text((252, 116), title, font=_font(28, bold=True), fill=(20, 30, 50))
    draw.text((252, 158), f"{product} · {code}", font=_font(17), fill=(90, 100, 115))
    highlight = None
    if kind == "login":
        draw.rectangle([0, 96, SIZE[0], SIZE[1]], fill=(244, 246, 249))
        box = [440, 200, 840, 620]
        draw.rounded_rectangle(box, radius=12, fill="white", outline=(210, 215, 222))
        draw.text(
            (480, 236), text["signin"], font=_font(22, bold=True), fill=(20, 30, 50)
        )
        for index, label in enumerate([text["email"], text["password"]]):
            top = 300 + index * 100
            draw.text((480, top), label, font=_font(16), fill=(60, 70, 85))
            draw.rounded_rectangle(
                [480, top + 28, 800, top + 72],
                radius=6,
                outline=(180, 188, 200),
                width=2,
                fill="white",
            )
        draw.text(
            (494, 338), "admin@jadegarden.example", font=_font(17), fill=(30, 30, 30)
        )
        draw.text((494, 440), "●●●●●●●●●●", font=_font(17), fill=(30, 30, 30))
        highlight = [480, 520, 800, 572]
        draw.rounded_rectangle(highlight, radius=6, fill=BRAND)
        draw.text(
            (610, 532), text["button_signin"], font=_font(19, bold=True), fill="white"
        )
    elif kind == "dashboard":
        values = [
            str(rng.randint(6, 40)),
            str(rng.randint(0, 2)),
            f"{rng.randint(300, 900)} GB",
            f"{rng.uniform(99.9, 100):.2f}%",
        ]
        for index, label in enumerate(text["kpis"]):
            left = 252 + index * 252
            draw.rounded_rectangle(
                [left, 200, left + 232, 310],
                radius=10,
                fill="white",
                outline=(220, 224, 230),
            )
            draw.text((left + 18, 216), label, font=_font(16), fill=(90, 100, 115))
            draw.text(
                (left + 18, 248),
                values[index],
                font=_font(34, bold=True),
                fill=(20, 30, 50),
            )
        chart = [252, 334, 1240, 760]
        draw.rounded_rectangle(chart, radius=10, fill="white", outline=(220, 224, 230))
        points, value = [], 0.5
        for step in range(40):
            value = min(0.95, max(0.1, value + rng.uniform(-0.12, 0.12)))
            points.append((280 + step * 24, 730 - value * 340))
        draw.line(points, fill=(0, 163, 224), width=4)
        draw.polygon(
            points + [(points[-1][0], 730), (280, 730)], fill=(0, 163, 224, 40)
        )
        highlight = [262, 196, 496, 316]
    elif kind in ("table", "map"):
        if kind == "map":
            area = [252, 200, 1240, 760]
            draw.rounded_rectangle(
                area, radius=10, fill=(226, 236, 228), outline=(200, 210, 204)
            )
            for _ in range(9):
                x1, y1 = rng.randint(260, 1230), rng.randint(210, 750)
                draw.line(
                    [(x1, 200), (x1 + rng.randint(-200, 200), 760)],
                    fill=(255, 255, 255),
                    width=6,
                )
                draw.line(
                    [(252, y1), (1240, y1 + rng.randint(-80, 80))],
                    fill=(255, 255, 255),
                    width=4,
                )
            draw.text(
                (272, 214), text["map"], font=_font(18, bold=True), fill=(20, 30, 50)
            )
            for index in range(8):
                x, y = rng.randint(320, 1180), rng.randint(260, 720)
                colour = (228, 0, 43) if index == 0 else BRAND
                draw.ellipse(
                    [x - 11, y - 11, x + 11, y + 11],
                    fill=colour,
                    outline="white",
                    width=3,
                )
                if index == 0:
                    highlight = [x - 40, y - 40, x + 40, y + 40]
        else:
            area = [252, 200, 1240, 620]
            draw.rounded_rectangle(
                area, radius=10, fill="white", outline=(220, 224, 230)
            )
            for index, column in enumerate(text["columns"]):
                draw.text(
                    (276 + index * 240, 218),
                    column,
                    font=_font(16, bold=True),
                    fill=(60, 70, 85),
                )
            draw.line([(252, 252), (1240, 252)], fill=(220, 224, 230), width=2)
            for row, site in enumerate(text["sites"]):
                top = 272 + row * 66
                ok = row != 3
                draw.text((276, top), f"{site}", font=_font(17), fill=(20, 30, 50))
                draw.rounded_rectangle(
                    [516, top - 2, 640, top + 28],
                    radius=12,
                    fill=(223, 245, 230) if ok else (255, 237, 204),
                )
                draw.text(
                    (530, top),
                    text["status"] if ok else text["warning"],
                    font=_font(15),
                    fill=(20, 110, 60) if ok else (150, 80, 0),
                )
                draw.text(
                    (756, top),
                    f"{rng.randint(20, 600)} GB",
                    font=_font(17),
                    fill=(20, 30, 50),
                )
                draw.text(
                    (996, top),
                    f"{rng.uniform(99.5, 100):.2f}%",
                    font=_font(17),
                    fill=(20, 30, 50),
                )
                draw.line(
                    [(252, top + 46), (1240, top + 46)], fill=(236, 238, 242), width=1
                )
            highlight = [1060, 650, 1240, 700]
            draw.rounded_rectangle(highlight, radius=6, fill=BRAND)
            draw.text((1100, 660), "CSV / PDF", font=_font(18, bold=True), fill="white")
    else:  # form and trial
        area = [252, 200, 1000, 700]
        draw.rounded_rectangle(area, radius=10, fill="white", outline=(220, 224, 230))
        for index, label in enumerate(text["fields"]):
            top = 226 + index * 96
            value = text["values"][index].format(code=code, product=product)
            draw.text((280, top), label, font=_font(16), fill=(60, 70, 85))
            draw.rounded_rectangle(
                [280, top + 28, 960, top + 72],
                radius=6,
                outline=(180, 188, 200),
                width=2,
                fill="white",
            )
            draw.text((296, top + 38), value, font=_font(17), fill=(30, 30, 30))
        highlight = [760, 620, 960, 672]
        draw.rounded_rectangle(
            highlight, radius=6, fill=(228, 0, 43) if kind == "trial" else BRAND
        )
        label = text["trial"] if kind == "trial" else text["save"]
        draw.text((782, 630), label, font=_font(18, bold=True), fill="white")
        draw.text((640, 632), text["cancel"], font=_font(18), fill=(60, 70, 85))
    if highlight:
        x1, y1, x2, y2 = highlight
        draw.rounded_rectangle(
            [x1 - 8, y1 - 8, x2 + 8, y2 + 8], radius=10, outline=(255, 140, 0), width=4
        )
        draw.ellipse([x2 - 8, y1 - 36, x2 + 28, y1], fill=(255, 140, 0))
        draw.text(
            (x2 + 3, y1 - 34), str(step_number), font=_font(20, bold=True), fill="white"
        )
    return _png(image)


# --- PDF documents -------------------------------------------------------------------


def render_pdf(*, language: str, context: dict) -> bytes:
    """A PDF from the demo document template, through the portal's PDF boundary."""
    from portal.documents.pdf import render_pdf as render_template_pdf

    # WeasyPrint and fontTools narrate every step at INFO level.
    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return render_template_pdf(
        "documents/demo_document.html", {**context, "language": language}
    )
