"""Demo content of the fictional operator “Example Telecom”, in English and Chinese.

Each entry has the English fields and a `zh` dict with the Chinese ones; the seed
command turns them into published pages and their translations.
"""

HOME = {
    "title": "Business Portal",
    "hero_title": "Connectivity and cloud for every business",
    "hero_text": "Find, try and buy business services online, and reach your account manager when you need one.",
    "zh": {
        "title": "政企门户",
        "hero_title": "为每一家企业提供网络与云服务",
        "hero_text": "在线查找、试用和购买企业服务，需要时随时联系您的客户经理。",
    },
}

SEGMENTS = [
    {
        "slug": "sme",
        "segment": "sme",
        "title": "SME",
        "summary": "Standard packages for small and medium businesses, bought and managed online.",
        "intro": "Pick a ready-made package for your industry, order it online and manage it yourself.",
        "zh": {
            "title": "中小企业",
            "summary": "为中小企业准备的标准套餐，在线购买、自助管理。",
            "intro": "按行业选择现成套餐，在线下单，自助管理。",
        },
    },
    {
        "slug": "enterprise",
        "segment": "enterprise",
        "title": "Large enterprise",
        "summary": "Custom network, cloud and security solutions designed with your account manager.",
        "intro": "Solutions designed around your sites and your compliance requirements, with a named account manager.",
        "account_manager_text": "Your named account manager designs, quotes and follows every custom solution with you.",
        "zh": {
            "title": "大型企业",
            "summary": "与客户经理共同设计的定制网络、云和安全解决方案。",
            "intro": "围绕您的站点与合规要求设计的解决方案，由专属客户经理全程服务。",
            "account_manager_text": "您的专属客户经理将与您一起设计、报价并跟进每一个定制方案。",
        },
    },
    {
        "slug": "government",
        "segment": "government",
        "title": "Government & public sector",
        "summary": "Secure, compliant services for ministries, cities, schools and hospitals.",
        "intro": "Compliant private networks and government cloud, with the procurement documents your tender needs.",
        "account_manager_text": "A cleared account manager supports your tender and your service from start to finish.",
        "zh": {
            "title": "政府与公共事业",
            "summary": "为政府部门、城市、学校和医院提供安全合规的服务。",
            "intro": "合规的专用网络和政务云，并提供招标所需的采购文件。",
            "account_manager_text": "经过资质审核的客户经理为您的招标和服务提供全程支持。",
        },
    },
]

INDEXES = [
    ("solutions", "SolutionIndexPage", "Solutions", "解决方案"),
    ("products", "ProductIndexPage", "Products", "产品"),
    ("events", "EventIndexPage", "Events", "活动"),
    ("help", "KnowledgeIndexPage", "Help centre", "帮助中心"),
]
