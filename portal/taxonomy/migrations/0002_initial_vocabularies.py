"""The three segments, the industry clusters and the regions the portal starts with."""

from django.db import migrations

SEGMENTS = [
    ("sme", "SME", "中小企业", True, 1),
    ("enterprise", "Large enterprise", "大型企业", False, 2),
    ("government", "Government & public sector", "政府与公共事业", False, 3),
]
INDUSTRIES = [
    ("retail", "Retail", "零售", 1),
    ("manufacturing", "Manufacturing", "制造业", 2),
    ("hospitality", "Hospitality", "酒店餐饮", 3),
    ("education", "Education", "教育", 4),
    ("healthcare", "Healthcare", "医疗卫生", 5),
    ("logistics", "Logistics", "物流运输", 6),
    ("finance", "Finance", "金融", 7),
]
REGIONS = [
    ("north", "North", "华北"),
    ("east", "East", "华东"),
    ("south", "South", "华南"),
    ("west", "West", "西部"),
]


def create(apps, schema_editor):
    Segment = apps.get_model("taxonomy", "Segment")
    Industry = apps.get_model("taxonomy", "Industry")
    Region = apps.get_model("taxonomy", "Region")
    for code, name, name_zh, self_service, order in SEGMENTS:
        Segment.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "name_zh_hans": name_zh,
                "self_service": self_service,
                "sort_order": order,
            },
        )
    for slug, name, name_zh, order in INDUSTRIES:
        Industry.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_zh_hans": name_zh, "sort_order": order}
        )
    for code, name, name_zh in REGIONS:
        Region.objects.update_or_create(
            code=code, defaults={"name": name, "name_zh_hans": name_zh}
        )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
