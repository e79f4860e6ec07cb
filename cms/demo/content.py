"""Demo content of the fictional operator “Example Telecom”, in English and Chinese.

Each entry has the English fields and a `zh` dict with the Chinese ones; the builder
turns them into published pages, their translations, images and PDF documents.
Everything here is invented: companies, people and figures are fictional.
"""

OPERATOR = {"en": "Example Telecom", "zh": "示例电信"}

HOME = {
    "title": "Business Portal",
    "summary": "Business services of Example Telecom for SMEs, large enterprises and the public sector.",
    "hero_title": "Connectivity and cloud for every business",
    "hero_text": "Find, try and buy business services online, and reach your account manager when you need one.",
    "zh": {
        "title": "政企门户",
        "summary": "示例电信为中小企业、大型企业和公共部门提供的企业服务。",
        "hero_title": "为每一家企业提供网络与云服务",
        "hero_text": "在线查找、试用和购买企业服务，需要时随时联系您的客户经理。",
    },
}

ENTERPRISE_COMPLIANCE = (
    "<ul><li>ISO/IEC 27001 certified network and cloud operations</li>"
    "<li>Multi-level protection scheme (MLPS 2.0) level 3 for cloud and managed security</li>"
    "<li>Data stays in mainland data centres; cross-border transfer only under your written instruction</li>"
    "<li>99.95% availability SLA with service credits on dedicated services</li></ul>"
)
ENTERPRISE_COMPLIANCE_ZH = (
    "<ul><li>网络与云运营通过 ISO/IEC 27001 认证</li>"
    "<li>云服务与安全托管服务通过网络安全等级保护 2.0 三级测评</li>"
    "<li>数据存放于境内数据中心，仅在您书面授权下跨境传输</li>"
    "<li>专线类服务承诺 99.95% 可用性，未达标按约定补偿</li></ul>"
)
GOVERNMENT_COMPLIANCE = (
    "<ul><li>Government cloud assessed at MLPS 2.0 level 3, with level 4 zones on request</li>"
    "<li>Commercial cryptography (SM2/SM3/SM4) on government VPN and cloud storage</li>"
    "<li>Security-cleared engineers for on-site work in classified areas</li>"
    "<li>Listed supplier on the provincial framework agreement for network services</li></ul>"
)
GOVERNMENT_COMPLIANCE_ZH = (
    "<ul><li>政务云通过等级保护 2.0 三级测评，可按需提供四级区域</li>"
    "<li>政务专网与云存储采用商用密码算法（SM2/SM3/SM4）</li>"
    "<li>涉密区域现场工作由具备保密资质的工程师完成</li>"
    "<li>已入围省级网络服务框架协议供应商名录</li></ul>"
)

SEGMENTS = [
    {
        "slug": "sme",
        "segment": "sme",
        "title": "SME",
        "summary": "Standard packages for small and medium businesses, bought and managed online.",
        "intro": "Pick a ready-made package for your industry, order it online and manage it yourself.",
        "hero": ("#00558c", "#00a3e0"),
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
        "compliance": ENTERPRISE_COMPLIANCE,
        "hero": ("#1d1d5c", "#5b3fd1"),
        "documents": ["sla", "security-statement"],
        "zh": {
            "title": "大型企业",
            "summary": "与客户经理共同设计的定制网络、云和安全解决方案。",
            "intro": "围绕您的站点与合规要求设计的解决方案，由专属客户经理全程服务。",
            "account_manager_text": "您的专属客户经理将与您一起设计、报价并跟进每一个定制方案。",
            "compliance": ENTERPRISE_COMPLIANCE_ZH,
        },
    },
    {
        "slug": "government",
        "segment": "government",
        "title": "Government & public sector",
        "summary": "Secure, compliant services for ministries, cities, schools and hospitals.",
        "intro": "Compliant private networks and government cloud, with the procurement documents your tender needs.",
        "account_manager_text": "A cleared account manager supports your tender and your service from start to finish.",
        "compliance": GOVERNMENT_COMPLIANCE,
        "hero": ("#003b2f", "#00866b"),
        "documents": ["framework-agreement", "security-statement", "tender-pack"],
        "zh": {
            "title": "政府与公共事业",
            "summary": "为政府部门、城市、学校和医院提供安全合规的服务。",
            "intro": "合规的专用网络和政务云，并提供招标所需的采购文件。",
            "account_manager_text": "经过资质审核的客户经理为您的招标和服务提供全程支持。",
            "compliance": GOVERNMENT_COMPLIANCE_ZH,
        },
    },
]

INDEXES = [
    {
        "slug": "solutions",
        "model": "SolutionIndexPage",
        "title": "Solutions",
        "summary": "Business problems we solve with bundles of connectivity, cloud, IoT and security.",
        "zh": {
            "title": "解决方案",
            "summary": "我们以网络、云、物联网和安全产品组合解决的业务问题。",
        },
    },
    {
        "slug": "products",
        "model": "ProductIndexPage",
        "title": "Products",
        "summary": "Every business product of Example Telecom, by family.",
        "zh": {"title": "产品", "summary": "示例电信的全部企业产品，按产品系列分类。"},
    },
    {
        "slug": "events",
        "model": "EventIndexPage",
        "title": "Events",
        "summary": "Webinars, launches and workshops for business customers.",
        "zh": {
            "title": "活动",
            "summary": "面向企业客户的网络研讨会、发布会和工作坊。",
        },
    },
    {
        "slug": "help",
        "model": "KnowledgeIndexPage",
        "title": "Help centre",
        "summary": "Answers to common questions about billing, faults, broadband, mobile, cloud, security and your account.",
        "zh": {
            "title": "帮助中心",
            "summary": "关于账单、故障、宽带、移动、云、安全和账户的常见问题解答。",
        },
    },
]

# --- Procurement documents of the enterprise and government pages -------------

PROCUREMENT_DOCUMENTS = {
    "sla": {
        "en": {
            "title": "Service level agreement for dedicated services",
            "description": "Availability, repair times and service credits.",
            "sections": [
                (
                    "Availability",
                    [
                        "Dedicated internet access, SD-WAN and private 5G: 99.95% per calendar month.",
                        "Shared fibre packages: 99.9% per calendar month.",
                    ],
                ),
                (
                    "Repair times",
                    [
                        "Priority 1 (total outage): restore within 4 hours, around the clock.",
                        "Priority 2 (degraded service): restore within 8 working hours.",
                    ],
                ),
                (
                    "Service credits",
                    [
                        "5% of the monthly charge for each started 0.1% below target, up to 50%."
                    ],
                ),
            ],
        },
        "zh": {
            "title": "专线类服务等级协议",
            "description": "可用性、修复时限与服务补偿。",
            "sections": [
                (
                    "可用性",
                    [
                        "互联网专线、SD-WAN 与 5G 专网：每自然月 99.95%。",
                        "共享光纤套餐：每自然月 99.9%。",
                    ],
                ),
                (
                    "修复时限",
                    [
                        "一级（全阻）：7×24 小时，4 小时内恢复。",
                        "二级（性能下降）：8 个工作小时内恢复。",
                    ],
                ),
                ("服务补偿", ["每低于目标 0.1%，补偿月费的 5%，最高 50%。"]),
            ],
        },
    },
    "security-statement": {
        "en": {
            "title": "Information security and compliance statement",
            "description": "Certifications, data residency and our security organisation.",
            "sections": [
                (
                    "Certifications",
                    [
                        "ISO/IEC 27001 and ISO/IEC 20000-1 for network and cloud operations.",
                        "MLPS 2.0 level 3 for cloud, managed security and government cloud.",
                    ],
                ),
                (
                    "Data residency",
                    [
                        "Customer data is stored in data centres in mainland China.",
                        "Cross-border transfer only on the customer's written instruction and after a security assessment.",
                    ],
                ),
                (
                    "Security organisation",
                    [
                        "A 24/7 security operations centre monitors every managed service.",
                        "Incidents are reported to the customer within 2 hours of confirmation.",
                    ],
                ),
            ],
        },
        "zh": {
            "title": "信息安全与合规声明",
            "description": "资质认证、数据驻留与安全组织。",
            "sections": [
                (
                    "资质认证",
                    [
                        "网络与云运营通过 ISO/IEC 27001 与 ISO/IEC 20000-1 认证。",
                        "云服务、安全托管与政务云通过等级保护 2.0 三级测评。",
                    ],
                ),
                (
                    "数据驻留",
                    [
                        "客户数据存放于中国境内的数据中心。",
                        "仅在客户书面指示并完成安全评估后跨境传输。",
                    ],
                ),
                (
                    "安全组织",
                    [
                        "7×24 小时安全运营中心监控全部托管服务。",
                        "安全事件确认后 2 小时内通知客户。",
                    ],
                ),
            ],
        },
    },
    "framework-agreement": {
        "en": {
            "title": "Provincial framework agreement: network services (summary)",
            "description": "Lots, unit prices and how to call off services under the framework.",
            "sections": [
                (
                    "Lots",
                    [
                        "Lot 1: government private network and internet access.",
                        "Lot 2: government cloud and backup.",
                        "Lot 3: managed security services.",
                    ],
                ),
                (
                    "Calling off",
                    [
                        "Public bodies in the province order by direct award under the framework, without a new tender, up to the lot ceiling.",
                        "Your account manager prepares the call-off order form and the technical annex.",
                    ],
                ),
            ],
        },
        "zh": {
            "title": "省级网络服务框架协议（摘要）",
            "description": "标包、单价及框架内的采购方式。",
            "sections": [
                (
                    "标包",
                    [
                        "标包一：政务专网与互联网接入。",
                        "标包二：政务云与备份。",
                        "标包三：安全托管服务。",
                    ],
                ),
                (
                    "采购方式",
                    [
                        "省内公共机构可在标包限额内直接采购，无需重新招标。",
                        "客户经理为您准备订购单和技术附件。",
                    ],
                ),
            ],
        },
    },
    "tender-pack": {
        "en": {
            "title": "Tender response pack",
            "description": "Company credentials, licences and reference projects for your tender file.",
            "sections": [
                (
                    "Licences",
                    [
                        "Basic telecommunications business licence and value-added telecommunications licence (IDC, ISP, CDN)."
                    ],
                ),
                (
                    "Reference projects",
                    [
                        "City-wide government private network for 120 agencies.",
                        "Government cloud hosting 340 systems of 58 departments.",
                        "Campus networks of 26 public schools.",
                    ],
                ),
            ],
        },
        "zh": {
            "title": "投标响应资料包",
            "description": "用于标书的公司资质、许可证和参考项目。",
            "sections": [
                (
                    "经营许可",
                    [
                        "基础电信业务经营许可证及增值电信业务经营许可证（IDC、ISP、CDN）。"
                    ],
                ),
                (
                    "参考项目",
                    [
                        "覆盖 120 个单位的全市政务专网。",
                        "承载 58 个部门 340 个系统的政务云。",
                        "26 所公立学校的校园网络。",
                    ],
                ),
            ],
        },
    },
}

# --- Products -----------------------------------------------------------------

TRIAL_TERMS = (
    "<p>Try it free for <b>{days} days</b> on up to {units}. No commitment: the trial ends on its own "
    "unless you order. Available to verified business customers in mainland China.</p>"
)
TRIAL_TERMS_ZH = (
    "<p>免费试用 <b>{days} 天</b>，最多 {units}。无需承诺：若不下单，试用到期自动结束。"
    "仅限中国大陆经过认证的企业客户。</p>"
)

PRODUCTS = [
    {
        "code": "FIBRE-BIZ-500",
        "slug": "business-fibre-500",
        "family": "connectivity",
        "segments": ["sme"],
        "industries": ["retail", "hospitality", "education"],
        "standard": True,
        "hot": True,
        "trial": (30, "one site", "一个站点"),
        "title": "Business Fibre 500",
        "summary": "500 Mbps symmetric fibre with a static IP and next-business-day repair.",
        "price": "from ¥399 per month",
        "features": [
            (
                "500 Mbps symmetric",
                "The same speed up and down, for video calls and cloud backups.",
            ),
            (
                "Static IP address",
                "One static IPv4 address and a /56 IPv6 prefix included.",
            ),
            (
                "Wi-Fi 6 router",
                "A managed business router with a separate guest network.",
            ),
            (
                "Next-business-day repair",
                "Faults are fixed by the end of the next working day.",
            ),
        ],
        "zh": {
            "title": "企业光纤 500",
            "summary": "500M 对称光纤，含固定 IP，次工作日修复。",
            "price": "每月 ¥399 起",
            "features": [
                ("500M 上下行对称", "上下行同速，视频会议和云备份更顺畅。"),
                ("固定 IP 地址", "含一个固定 IPv4 地址和 /56 IPv6 前缀。"),
                ("Wi-Fi 6 路由器", "托管企业路由器，支持独立访客网络。"),
                ("次工作日修复", "故障在下一个工作日结束前修复。"),
            ],
        },
    },
    {
        "code": "FIBRE-PRO-1G",
        "slug": "business-fibre-pro-1g",
        "family": "connectivity",
        "segments": ["sme", "enterprise"],
        "industries": ["manufacturing", "logistics", "healthcare"],
        "standard": True,
        "hot": True,
        "trial": None,
        "title": "Business Fibre Pro 1G",
        "summary": "1 Gbps fibre with 4-hour repair and a 4G backup line that takes over by itself.",
        "price": "from ¥899 per month",
        "features": [
            (
                "1 Gbps symmetric",
                "Enough for a busy office, a warehouse or a small plant.",
            ),
            (
                "4G automatic backup",
                "If the fibre fails, traffic moves to 4G within seconds.",
            ),
            ("4-hour repair", "Around the clock, every day of the year."),
            ("Five static IPs", "For servers, cameras and VPN gateways."),
        ],
        "zh": {
            "title": "企业光纤 Pro 1G",
            "summary": "1000M 光纤，4 小时修复，内置自动切换的 4G 备份线路。",
            "price": "每月 ¥899 起",
            "features": [
                ("1000M 上下行对称", "满足繁忙办公室、仓库或小型工厂的需求。"),
                ("4G 自动备份", "光纤中断时，数秒内自动切换到 4G。"),
                ("4 小时修复", "全年无休，7×24 小时。"),
                ("五个固定 IP", "用于服务器、摄像头和 VPN 网关。"),
            ],
        },
    },
    {
        "code": "SDWAN-MANAGED",
        "slug": "managed-sd-wan",
        "family": "connectivity",
        "segments": ["enterprise", "government"],
        "industries": ["retail", "manufacturing", "finance"],
        "standard": False,
        "hot": True,
        "trial": None,
        "title": "Managed SD-WAN",
        "summary": "One network for all your sites over any access line, designed and run by our engineers.",
        "price": "quoted per site, typically ¥1,200–¥3,500 per site per month",
        "features": [
            (
                "Application-aware routing",
                "Voice and ERP take the best path; backups take what is left.",
            ),
            (
                "Any access line",
                "Fibre, broadband, 4G/5G or dedicated lines from any provider.",
            ),
            (
                "Central policy",
                "Change security and routing for 500 sites in one step.",
            ),
            (
                "24/7 network operations",
                "Our NOC watches and fixes your network around the clock.",
            ),
        ],
        "zh": {
            "title": "SD-WAN 托管服务",
            "summary": "通过任意接入线路连接您的全部站点，由我们的工程师设计和运维。",
            "price": "按站点报价，通常每站点每月 ¥1,200–¥3,500",
            "features": [
                ("应用感知路由", "语音和 ERP 走最优路径，备份使用剩余带宽。"),
                ("支持任意接入", "光纤、宽带、4G/5G 或任意运营商的专线。"),
                ("集中策略管理", "一步完成 500 个站点的安全与路由变更。"),
                ("7×24 网络运维", "网络运营中心全天候监控并处理故障。"),
            ],
        },
    },
    {
        "code": "DIA-10G",
        "slug": "dedicated-internet-access",
        "family": "connectivity",
        "segments": ["enterprise", "government"],
        "industries": ["finance", "manufacturing", "education"],
        "standard": False,
        "hot": False,
        "trial": None,
        "title": "Dedicated Internet Access",
        "summary": "Uncontended internet from 100 Mbps to 10 Gbps with a 99.95% availability SLA.",
        "price": "quoted; 1 Gbps typically from ¥6,800 per month",
        "features": [
            (
                "Uncontended bandwidth",
                "The full bandwidth is yours at every hour of the day.",
            ),
            ("Diverse routing", "Two fibre paths into your building on request."),
            ("99.95% SLA", "With service credits when we miss it."),
            ("BGP and IP blocks", "Announce your own prefixes or use ours."),
        ],
        "zh": {
            "title": "互联网专线",
            "summary": "100M 至 10G 独享带宽，承诺 99.95% 可用性。",
            "price": "按需报价；1000M 通常每月 ¥6,800 起",
            "features": [
                ("独享带宽", "全天任何时段都能使用全部带宽。"),
                ("双路由接入", "可按需提供两条不同路由的光纤入楼。"),
                ("99.95% SLA", "未达标按约定补偿。"),
                ("BGP 与地址段", "可宣告自有地址段，也可使用我们的地址。"),
            ],
        },
    },
    {
        "code": "MOB-TEAM-50",
        "slug": "team-mobile-50",
        "family": "mobile",
        "segments": ["sme"],
        "industries": ["retail", "hospitality", "logistics"],
        "standard": True,
        "hot": True,
        "trial": (14, "five SIM cards", "五张 SIM 卡"),
        "title": "Team Mobile 50",
        "summary": "5G plans for teams: 50 GB per person, shared minutes and one bill.",
        "price": "¥88 per line per month",
        "features": [
            ("50 GB 5G data per line", "Unused data rolls over for one month."),
            ("Shared minutes", "3,000 national minutes shared by the whole team."),
            ("Spending caps", "Set a cap per line in the Business Console."),
            ("eSIM ready", "Activate new phones in minutes, without a plastic SIM."),
        ],
        "zh": {
            "title": "团队移动 50",
            "summary": "面向团队的 5G 套餐：每人 50GB，通话分钟共享，统一账单。",
            "price": "每线每月 ¥88",
            "features": [
                ("每线 50GB 5G 流量", "未用完的流量可结转一个月。"),
                ("共享通话分钟", "全团队共享 3,000 分钟国内通话。"),
                ("消费上限", "在企业控制台为每条线路设置上限。"),
                ("支持 eSIM", "无需实体卡，几分钟即可开通新手机。"),
            ],
        },
    },
    {
        "code": "MOB-FLEET",
        "slug": "fleet-mobile-pool",
        "family": "mobile",
        "segments": ["enterprise", "government"],
        "industries": ["logistics", "manufacturing"],
        "standard": False,
        "hot": False,
        "trial": None,
        "title": "Fleet Mobile Pool",
        "summary": "A shared data pool for hundreds of lines, with device management and cost centres.",
        "price": "quoted on volume; typically ¥45–¥70 per line per month",
        "features": [
            ("Pooled data", "One pool for the whole company; no line runs out alone."),
            ("Cost centres", "Bills split by department, project or vehicle."),
            ("Device management", "Enrol, lock and wipe company phones remotely."),
            ("Dedicated service desk", "A named team for your administrators."),
        ],
        "zh": {
            "title": "集团移动流量池",
            "summary": "数百条线路共享流量池，含终端管理与成本中心。",
            "price": "按规模报价；通常每线每月 ¥45–¥70",
            "features": [
                ("流量共享", "全公司一个流量池，单条线路不再超额。"),
                ("成本中心", "账单按部门、项目或车辆拆分。"),
                ("终端管理", "远程注册、锁定和擦除公司手机。"),
                ("专属服务台", "为您的管理员提供专属支持团队。"),
            ],
        },
    },
    {
        "code": "5G-PRIVATE",
        "slug": "private-5g-campus",
        "family": "mobile",
        "segments": ["enterprise", "government"],
        "industries": ["manufacturing", "logistics", "healthcare"],
        "standard": False,
        "hot": True,
        "trial": (60, "one production hall", "一个生产车间"),
        "title": "Private 5G Campus",
        "summary": "Your own 5G network on site for machines, robots and cameras, with data kept on the premises.",
        "price": "quoted per campus; pilots from ¥25,000 per month",
        "features": [
            (
                "Data stays on site",
                "A local core keeps production traffic inside your fence.",
            ),
            ("Low latency", "Under 10 ms for robots, AGVs and machine vision."),
            (
                "Network slicing",
                "Separate slices for control, video and office traffic.",
            ),
            ("Campus design included", "Radio survey and design by our engineers."),
        ],
        "zh": {
            "title": "5G 园区专网",
            "summary": "部署在厂区的自有 5G 网络，连接机器、机器人和摄像头，数据不出园区。",
            "price": "按园区报价；试点每月 ¥25,000 起",
            "features": [
                ("数据不出园区", "本地核心网让生产数据留在厂区内。"),
                ("低时延", "面向机器人、AGV 和机器视觉，时延低于 10 毫秒。"),
                ("网络切片", "控制、视频和办公流量分别使用独立切片。"),
                ("含园区规划", "由我们的工程师完成无线勘测与设计。"),
            ],
        },
    },
    {
        "code": "CLOUD-VDC",
        "slug": "virtual-data-centre",
        "family": "cloud",
        "segments": ["enterprise", "government"],
        "industries": ["finance", "manufacturing", "retail"],
        "standard": False,
        "hot": True,
        "trial": (30, "8 vCPU and 32 GB memory", "8 核 vCPU 与 32GB 内存"),
        "title": "Virtual Data Centre",
        "summary": "Dedicated cloud resources in our data centres, connected privately to your sites.",
        "price": "pay as you go from ¥0.35 per vCPU hour; reserved capacity quoted",
        "features": [
            (
                "Private connection",
                "Reach your cloud over SD-WAN or a dedicated line, not the internet.",
            ),
            ("Two data centres", "Active-active in two cities for disaster recovery."),
            (
                "Self-service console",
                "Create servers, networks and snapshots in minutes.",
            ),
            ("MLPS level 3", "Assessed for regulated workloads."),
        ],
        "zh": {
            "title": "虚拟数据中心",
            "summary": "位于我们数据中心的专属云资源，通过专网连接您的站点。",
            "price": "按需计费每 vCPU 小时 ¥0.35 起；预留容量另行报价",
            "features": [
                ("专网接入", "通过 SD-WAN 或专线访问云，而不是互联网。"),
                ("双数据中心", "两地双活，保障容灾。"),
                ("自助控制台", "几分钟内创建服务器、网络和快照。"),
                ("等保三级", "可承载受监管的业务系统。"),
            ],
        },
    },
    {
        "code": "CLOUD-BACKUP",
        "slug": "cloud-backup",
        "family": "cloud",
        "segments": ["sme", "enterprise"],
        "industries": ["education", "healthcare", "retail"],
        "standard": True,
        "hot": False,
        "trial": (30, "500 GB", "500GB"),
        "title": "Cloud Backup",
        "summary": "Automatic encrypted backups of PCs, servers and Microsoft 365, restored in a few clicks.",
        "price": "from ¥59 per month for 500 GB",
        "features": [
            ("Automatic daily backups", "Set it once; backups run every night."),
            (
                "Ransomware protection",
                "Immutable copies that no one can delete for 30 days.",
            ),
            ("Restore in a few clicks", "Single files or whole machines."),
            ("Encrypted end to end", "Your key, our storage."),
        ],
        "zh": {
            "title": "云备份",
            "summary": "自动加密备份电脑、服务器和 Microsoft 365，几步即可恢复。",
            "price": "500GB 每月 ¥59 起",
            "features": [
                ("每日自动备份", "设置一次，每晚自动运行。"),
                ("勒索软件防护", "不可篡改的副本，30 天内任何人都无法删除。"),
                ("几步即可恢复", "可恢复单个文件或整台机器。"),
                ("端到端加密", "密钥在您手中，存储由我们负责。"),
            ],
        },
    },
    {
        "code": "GOV-CLOUD",
        "slug": "government-cloud",
        "family": "cloud",
        "segments": ["government"],
        "industries": ["education", "healthcare"],
        "standard": False,
        "hot": False,
        "trial": None,
        "title": "Government Cloud",
        "summary": "A compliant cloud for public bodies, with commercial cryptography and a cleared operations team.",
        "price": "under the provincial framework agreement, lot 2",
        "features": [
            ("MLPS level 3 and 4 zones", "Host public services and sensitive systems."),
            ("Commercial cryptography", "SM2/SM3/SM4 on storage and networks."),
            ("Government private network", "Connected to the e-government extranet."),
            (
                "Cleared operations",
                "Operated by security-cleared staff in the province.",
            ),
        ],
        "zh": {
            "title": "政务云",
            "summary": "面向公共机构的合规云平台，采用商用密码，由具备资质的团队运维。",
            "price": "通过省级框架协议标包二采购",
            "features": [
                ("等保三级与四级区域", "承载公共服务与敏感系统。"),
                ("商用密码", "存储和网络采用 SM2/SM3/SM4 算法。"),
                ("政务专网接入", "与电子政务外网互联。"),
                ("资质运维", "由省内具备保密资质的人员运维。"),
            ],
        },
    },
    {
        "code": "IOT-TRACK",
        "slug": "fleet-and-asset-tracking",
        "family": "iot",
        "segments": ["sme", "enterprise"],
        "industries": ["logistics", "manufacturing"],
        "standard": True,
        "hot": True,
        "trial": (30, "ten trackers", "十个定位终端"),
        "title": "Fleet & Asset Tracking",
        "summary": "Live location, temperature and door alerts for vehicles, trailers and containers.",
        "price": "¥35 per tracker per month, tracker included",
        "features": [
            ("Live map", "Positions every 30 seconds on a live map."),
            ("Cold-chain sensors", "Temperature and humidity with alerts."),
            ("Geofences", "Know when a vehicle enters or leaves a site."),
            ("Five-year battery", "Trackers for trailers without power."),
        ],
        "zh": {
            "title": "车队与资产追踪",
            "summary": "车辆、挂车和集装箱的实时位置、温度与开门告警。",
            "price": "每终端每月 ¥35，含终端",
            "features": [
                ("实时地图", "每 30 秒在地图上更新位置。"),
                ("冷链传感器", "温湿度监测并告警。"),
                ("电子围栏", "车辆进出站点即时通知。"),
                ("五年电池", "适用于无供电的挂车。"),
            ],
        },
    },
    {
        "code": "IOT-SENSE",
        "slug": "smart-building-sensors",
        "family": "iot",
        "segments": ["sme", "enterprise", "government"],
        "industries": ["hospitality", "education", "healthcare", "manufacturing"],
        "standard": True,
        "hot": False,
        "trial": None,
        "title": "Smart Building Sensors",
        "summary": "Wireless sensors for energy, air quality, occupancy and leaks, with a simple dashboard.",
        "price": "starter kit ¥2,400 once, then ¥12 per sensor per month",
        "features": [
            ("No wiring", "NB-IoT sensors with a ten-year battery."),
            ("Energy insights", "See which floor, room or machine uses the most."),
            ("Air quality", "CO₂, temperature and humidity per room."),
            ("Leak and door alerts", "By SMS, e-mail or WeChat."),
        ],
        "zh": {
            "title": "智慧楼宇传感器",
            "summary": "用于能耗、空气质量、人员占用和漏水监测的无线传感器，配简洁看板。",
            "price": "入门套件一次性 ¥2,400，之后每传感器每月 ¥12",
            "features": [
                ("无需布线", "NB-IoT 传感器，电池寿命十年。"),
                ("能耗洞察", "查看哪个楼层、房间或设备耗能最多。"),
                ("空气质量", "每个房间的 CO₂、温度和湿度。"),
                ("漏水与门磁告警", "通过短信、邮件或微信通知。"),
            ],
        },
    },
    {
        "code": "SEC-FIREWALL",
        "slug": "managed-firewall",
        "family": "security",
        "segments": ["sme", "enterprise"],
        "industries": ["retail", "healthcare", "finance"],
        "standard": True,
        "hot": True,
        "trial": (30, "one site", "一个站点"),
        "title": "Managed Firewall",
        "summary": "A next-generation firewall at each site, configured and updated by our security team.",
        "price": "from ¥299 per site per month",
        "features": [
            (
                "Threat prevention",
                "Intrusion prevention, anti-malware and URL filtering.",
            ),
            ("Always up to date", "Signatures and firmware updated by us."),
            (
                "Rule changes on request",
                "Ask in the portal; done within one working day.",
            ),
            ("Monthly report", "Blocked threats and top applications per site."),
        ],
        "zh": {
            "title": "防火墙托管",
            "summary": "每个站点部署下一代防火墙，由我们的安全团队配置和更新。",
            "price": "每站点每月 ¥299 起",
            "features": [
                ("威胁防御", "入侵防御、防病毒和网址过滤。"),
                ("持续更新", "特征库和固件由我们更新。"),
                ("按需变更规则", "在门户提交，一个工作日内完成。"),
                ("月度报告", "按站点统计拦截的威胁和主要应用。"),
            ],
        },
    },
    {
        "code": "SEC-DDOS",
        "slug": "ddos-protection",
        "family": "security",
        "segments": ["enterprise", "government"],
        "industries": ["finance", "retail", "education"],
        "standard": False,
        "hot": False,
        "trial": None,
        "title": "DDoS Protection",
        "summary": "Network-level protection that absorbs attacks of up to 1 Tbps before they reach you.",
        "price": "quoted by protected bandwidth; from ¥3,000 per month",
        "features": [
            (
                "Always-on scrubbing",
                "Attacks are filtered in our network, not at your door.",
            ),
            ("Up to 1 Tbps", "Capacity across our national backbone."),
            ("Mitigation in seconds", "Automatic detection and filtering."),
            ("Attack reports", "Every attack documented for your auditors."),
        ],
        "zh": {
            "title": "DDoS 防护",
            "summary": "网络层防护，在攻击到达您之前吸收最高 1Tbps 的流量。",
            "price": "按防护带宽报价；每月 ¥3,000 起",
            "features": [
                ("常态清洗", "攻击在我们的网络中被过滤，而不是在您门口。"),
                ("最高 1Tbps", "依托全国骨干网的防护能力。"),
                ("秒级处置", "自动检测并过滤。"),
                ("攻击报告", "每次攻击均有记录，便于审计。"),
            ],
        },
    },
    {
        "code": "UC-CLOUDPBX",
        "slug": "cloud-pbx",
        "family": "uc",
        "segments": ["sme", "enterprise", "government"],
        "industries": ["retail", "hospitality", "healthcare", "education"],
        "standard": True,
        "hot": True,
        "trial": (30, "ten users", "十个用户"),
        "title": "Cloud PBX",
        "summary": "Business phone numbers on desk phones, mobiles and PCs, with call flows you set up yourself.",
        "price": "¥49 per user per month",
        "features": [
            ("Keep your numbers", "Port your existing numbers at no charge."),
            ("Call flows", "Menus, queues and opening hours, drag and drop."),
            ("Any device", "Desk phone, mobile app or PC."),
            ("Call recording", "Optional, with retention you choose."),
        ],
        "zh": {
            "title": "云总机",
            "summary": "商务号码可在座机、手机和电脑上使用，呼叫流程自助配置。",
            "price": "每用户每月 ¥49",
            "features": [
                ("保留原号码", "免费携号转入。"),
                ("呼叫流程", "拖拽配置语音菜单、排队和营业时间。"),
                ("任意终端", "座机、手机应用或电脑。"),
                ("通话录音", "可选开通，保存期限自定。"),
            ],
        },
    },
]

# One walkthrough per product family: (screen kind, EN title, EN caption, ZH title,
# ZH caption). `{product}` is replaced by the product's name in that language.
WALKTHROUGHS = {
    "connectivity": [
        (
            "login",
            "Sign in to the Business Console",
            "Sign in with your company account; administrators see every site.",
            "登录企业控制台",
            "使用公司账号登录，管理员可查看所有站点。",
        ),
        (
            "dashboard",
            "Check your line status",
            "The dashboard shows each {product} line, its live throughput and any open fault.",
            "查看线路状态",
            "看板显示每条{product}线路、实时流量和未关闭的故障。",
        ),
        (
            "form",
            "Change bandwidth or settings",
            "Pick a line, choose the new setting and confirm; it takes effect within 15 minutes.",
            "调整带宽或设置",
            "选择线路和新设置并确认，15 分钟内生效。",
        ),
        (
            "table",
            "Download the usage report",
            "Export monthly usage and availability per site for your finance team.",
            "下载用量报告",
            "按站点导出月度用量和可用率，供财务使用。",
        ),
    ],
    "mobile": [
        (
            "login",
            "Sign in to the Business Console",
            "Sign in with your company account to manage your mobile lines.",
            "登录企业控制台",
            "使用公司账号登录，管理移动线路。",
        ),
        (
            "table",
            "See every line and its usage",
            "All {product} lines with data used this month, sorted by usage.",
            "查看所有线路及用量",
            "所有{product}线路本月已用流量，按用量排序。",
        ),
        (
            "form",
            "Set a spending cap",
            "Choose a line or a group and set a monthly cap; the user is told by SMS at 80%.",
            "设置消费上限",
            "为线路或分组设置月度上限，用量达到 80% 时短信提醒。",
        ),
        (
            "form",
            "Order a SIM or eSIM",
            "Add a line for a new colleague; an eSIM is ready in minutes.",
            "订购 SIM 卡或 eSIM",
            "为新同事添加线路，eSIM 几分钟即可就绪。",
        ),
    ],
    "cloud": [
        (
            "login",
            "Sign in to the Cloud Console",
            "Sign in with your company account; two-factor authentication is required.",
            "登录云控制台",
            "使用公司账号登录，需要双因素认证。",
        ),
        (
            "form",
            "Create a resource",
            "Choose size, network and region; {product} resources are ready in about two minutes.",
            "创建资源",
            "选择规格、网络和地域，{product}资源约两分钟即可就绪。",
        ),
        (
            "dashboard",
            "Watch capacity and cost",
            "Usage and cost this month, with a forecast to the end of the month.",
            "查看容量与费用",
            "本月用量和费用，以及到月底的预测。",
        ),
        (
            "table",
            "Restore from a snapshot",
            "Pick a snapshot or backup point and restore it to the same or a new server.",
            "从快照恢复",
            "选择快照或备份点，恢复到原服务器或新服务器。",
        ),
    ],
    "iot": [
        (
            "login",
            "Sign in to the IoT Console",
            "Sign in with your company account to see your devices.",
            "登录物联网控制台",
            "使用公司账号登录，查看您的设备。",
        ),
        (
            "table",
            "Register your devices",
            "Scan the QR code on each {product} device or upload a list.",
            "注册设备",
            "扫描每个{product}设备上的二维码，或批量上传清单。",
        ),
        (
            "map",
            "See your devices on the map",
            "Live positions and readings; click a device for its history.",
            "在地图上查看设备",
            "实时位置与读数，点击设备查看历史。",
        ),
        (
            "form",
            "Set up alerts",
            "Choose a threshold or a geofence and who is told, by SMS, e-mail or WeChat.",
            "设置告警",
            "设置阈值或电子围栏，以及通过短信、邮件或微信通知的人员。",
        ),
    ],
    "security": [
        (
            "login",
            "Sign in to the Security Console",
            "Sign in with your company account; two-factor authentication is required.",
            "登录安全控制台",
            "使用公司账号登录，需要双因素认证。",
        ),
        (
            "dashboard",
            "Review the threat dashboard",
            "Threats {product} blocked in the last 24 hours, by site and by type.",
            "查看威胁看板",
            "过去 24 小时{product}拦截的威胁，按站点和类型统计。",
        ),
        (
            "form",
            "Request a rule change",
            "Describe the change; our security team applies it within one working day.",
            "申请规则变更",
            "描述变更内容，安全团队在一个工作日内完成。",
        ),
        (
            "table",
            "Download the monthly report",
            "A PDF report per site for your management and auditors.",
            "下载月度报告",
            "按站点生成 PDF 报告，供管理层和审计使用。",
        ),
    ],
    "uc": [
        (
            "login",
            "Sign in to the Business Console",
            "Sign in with your company account to manage your phone system.",
            "登录企业控制台",
            "使用公司账号登录，管理电话系统。",
        ),
        (
            "table",
            "Add users and numbers",
            "Give each colleague a {product} extension and a direct number.",
            "添加用户和号码",
            "为每位同事分配{product}分机和直线号码。",
        ),
        (
            "form",
            "Build a call flow",
            "Set opening hours, a welcome menu and queues for your teams.",
            "配置呼叫流程",
            "设置营业时间、欢迎菜单和团队排队。",
        ),
        (
            "dashboard",
            "Check call quality",
            "Calls answered, waiting times and call quality per team.",
            "查看通话质量",
            "按团队统计接听量、等待时长和通话质量。",
        ),
    ],
}
# Products with a trial get a last step that shows how to start it.
TRIAL_STEP = (
    "trial",
    "Start your free trial",
    "Click “Start free trial”, confirm your company details and the trial starts at once.",
    "开始免费试用",
    "点击“开始免费试用”，确认公司信息后立即开通试用。",
)

# --- Solutions ----------------------------------------------------------------

SOLUTIONS = [
    {
        "slug": "connected-store",
        "segments": ["sme", "enterprise"],
        "industries": ["retail"],
        "custom": False,
        "hero": ("#8a1538", "#e4002b"),
        "products": [
            (
                "FIBRE-BIZ-500",
                "Fast, reliable line for tills and card payments",
                "为收银和刷卡提供稳定快速的线路",
            ),
            (
                "SEC-FIREWALL",
                "Keeps card data and the guest Wi-Fi apart",
                "隔离银行卡数据与访客 Wi-Fi",
            ),
            ("UC-CLOUDPBX", "One number for all your stores", "所有门店共用一个号码"),
            ("MOB-TEAM-50", "Phones for store managers", "门店经理的手机"),
        ],
        "title": "Connected Store",
        "summary": "Fibre, secure Wi-Fi, payments and phones for shops, set up in one visit.",
        "problem": "<p>Shops lose sales when the card terminal is offline and staff time when every store has its own contracts, routers and phone lines.</p>",
        "cases": [
            {
                "customer": "Jade Garden Tea House",
                "industry": "retail",
                "challenge": "Twelve tea shops with different lines, frequent payment outages and no guest Wi-Fi.",
                "outcome": "One package per shop: card payments have not failed since, and a single monthly bill.",
                "quote": "We opened three new shops this year and each one was online on day one.",
                "zh": {
                    "customer": "玉园茶舍",
                    "challenge": "十二家茶饮门店线路各异，收款经常中断，也没有访客 Wi-Fi。",
                    "outcome": "每家门店一个套餐：此后刷卡收款未再中断，账单统一为每月一张。",
                    "quote": "今年新开的三家门店，开业第一天就全部联网。",
                },
            }
        ],
        "zh": {
            "title": "智慧门店",
            "summary": "为门店提供光纤、安全 Wi-Fi、收款和电话，一次上门全部开通。",
            "problem": "<p>收款终端掉线会让门店损失销售额；每家店各自签约、各有路由器和电话线路，也耗费员工时间。</p>",
        },
    },
    {
        "slug": "smart-factory",
        "segments": ["enterprise"],
        "industries": ["manufacturing"],
        "custom": True,
        "hero": ("#2d2a26", "#f39200"),
        "products": [
            (
                "5G-PRIVATE",
                "Wireless control for robots, AGVs and cameras",
                "为机器人、AGV 和摄像头提供无线控制",
            ),
            (
                "IOT-SENSE",
                "Energy and machine condition sensors",
                "能耗与设备状态传感器",
            ),
            ("FIBRE-PRO-1G", "Office and ERP connectivity", "办公与 ERP 网络"),
            ("CLOUD-VDC", "Analytics close to the plant", "靠近工厂的数据分析平台"),
        ],
        "title": "Smart Factory",
        "summary": "Private 5G, sensors and edge cloud that make a plant flexible and measurable.",
        "problem": "<p>Wired production lines are slow to re-arrange, Wi-Fi drops robots when they move, and energy use is only known once a month from the bill.</p>",
        "cases": [
            {
                "customer": "Huaxin Precision Components",
                "industry": "manufacturing",
                "challenge": "Re-arranging a line took three weeks of cabling; AGVs stopped when Wi-Fi roamed.",
                "outcome": "Lines are re-arranged over a weekend; AGV stops fell by 92% and energy per part by 11%.",
                "quote": "Private 5G turned our layout from a construction project into a weekend job.",
                "zh": {
                    "customer": "华信精密零部件",
                    "challenge": "调整一条产线要布线三周；Wi-Fi 漫游时 AGV 会停车。",
                    "outcome": "产线调整一个周末即可完成；AGV 停车次数下降 92%，单件能耗降低 11%。",
                    "quote": "5G 专网让产线调整从一项工程变成了一个周末的工作。",
                },
            },
            {
                "customer": "Eastport Auto Parts",
                "industry": "manufacturing",
                "challenge": "Quality inspection by hand missed defects on a fast line.",
                "outcome": "Machine vision over 5G checks every part; returns fell by a third.",
                "quote": "",
                "zh": {
                    "customer": "东港汽车配件",
                    "challenge": "高速产线上的人工质检常常漏检。",
                    "outcome": "基于 5G 的机器视觉检测每一个零件，退货减少三分之一。",
                    "quote": "",
                },
            },
        ],
        "zh": {
            "title": "智能工厂",
            "summary": "5G 专网、传感器与边缘云，让工厂更灵活、可度量。",
            "problem": "<p>有线产线调整缓慢，机器人移动时 Wi-Fi 容易掉线，而能耗只能从每月账单中得知。</p>",
        },
    },
    {
        "slug": "hotel-guest-experience",
        "segments": ["sme", "enterprise"],
        "industries": ["hospitality"],
        "custom": False,
        "hero": ("#5c2d91", "#c4a000"),
        "products": [
            (
                "FIBRE-BIZ-500",
                "Guest Wi-Fi that keeps up with video",
                "足以支撑视频的访客 Wi-Fi",
            ),
            ("IOT-SENSE", "Room comfort and leak alerts", "客房舒适度与漏水告警"),
            (
                "UC-CLOUDPBX",
                "Reception, rooms and mobile staff on one system",
                "前台、客房与移动员工统一通信",
            ),
        ],
        "title": "Hotel Guest Experience",
        "summary": "Fast guest Wi-Fi, room sensors and a phone system for hotels and guesthouses.",
        "problem": "<p>Guests judge a hotel by its Wi-Fi, and small teams cannot check every room's heating, air and leaks by hand.</p>",
        "cases": [
            {
                "customer": "Lakeside Boutique Hotel",
                "industry": "hospitality",
                "challenge": "Wi-Fi complaints in every second review and a water leak that closed a floor.",
                "outcome": "Wi-Fi complaints disappeared from reviews; leaks are now caught within minutes.",
                "quote": "Our review score went up half a point in one season.",
                "zh": {
                    "customer": "湖畔精品酒店",
                    "challenge": "每两条点评就有一条抱怨 Wi-Fi，一次漏水导致整层停用。",
                    "outcome": "点评中不再出现 Wi-Fi 投诉；漏水几分钟内即可发现。",
                    "quote": "一个季度内，我们的点评分提高了半分。",
                },
            }
        ],
        "zh": {
            "title": "酒店宾客体验",
            "summary": "为酒店和民宿提供高速访客 Wi-Fi、客房传感器和电话系统。",
            "problem": "<p>宾客会以 Wi-Fi 评价一家酒店，而小团队无法逐一人工检查每个房间的暖气、空气和漏水。</p>",
        },
    },
    {
        "slug": "digital-campus",
        "segments": ["sme", "government"],
        "industries": ["education"],
        "custom": False,
        "hero": ("#004b87", "#00a499"),
        "products": [
            (
                "FIBRE-PRO-1G",
                "Campus internet with automatic backup",
                "带自动备份的校园互联网",
            ),
            ("SEC-FIREWALL", "Content filtering for students", "面向学生的内容过滤"),
            (
                "CLOUD-BACKUP",
                "Backups of teaching and admin data",
                "教学与行政数据备份",
            ),
            ("IOT-SENSE", "Air quality in classrooms", "教室空气质量监测"),
        ],
        "title": "Digital Campus",
        "summary": "Safe, fast internet, backups and healthy classrooms for schools and training centres.",
        "problem": "<p>Schools need internet that is fast during lessons and safe for children, with little IT staff to run it.</p>",
        "cases": [
            {
                "customer": "Riverside No. 3 Middle School",
                "industry": "education",
                "challenge": "Online lessons froze at peak times and staff lost a term of coursework to ransomware.",
                "outcome": "No freezes since the upgrade; coursework is backed up nightly and restored in minutes.",
                "quote": "",
                "zh": {
                    "customer": "滨江第三中学",
                    "challenge": "高峰时段网课卡顿，教师曾因勒索软件丢失一个学期的课件。",
                    "outcome": "升级后再无卡顿；课件每晚备份，几分钟即可恢复。",
                    "quote": "",
                },
            }
        ],
        "zh": {
            "title": "数字校园",
            "summary": "为学校和培训机构提供安全高速的网络、数据备份和健康教室。",
            "problem": "<p>学校需要上课时快速、对学生安全的网络，而 IT 人员很少。</p>",
        },
    },
    {
        "slug": "connected-clinic",
        "segments": ["sme", "government"],
        "industries": ["healthcare"],
        "custom": False,
        "hero": ("#005e5d", "#3cb4e5"),
        "products": [
            (
                "FIBRE-BIZ-500",
                "Reliable line for imaging and e-prescriptions",
                "为影像与电子处方提供可靠线路",
            ),
            ("SEC-FIREWALL", "Patient data kept safe", "保护患者数据"),
            ("CLOUD-BACKUP", "Encrypted backups of patient records", "病历加密备份"),
            ("UC-CLOUDPBX", "Appointment lines with queues", "带排队功能的预约电话"),
        ],
        "title": "Connected Clinic",
        "summary": "Secure connectivity, backups and appointment lines for clinics and practices.",
        "problem": "<p>Clinics hold sensitive patient data, cannot afford downtime during opening hours and have no IT department.</p>",
        "cases": [
            {
                "customer": "Kangning Family Clinics",
                "industry": "healthcare",
                "challenge": "Five clinics, missed calls at opening time and backups on a USB disk.",
                "outcome": "Calls queue instead of ringing out; records are backed up encrypted every night.",
                "quote": "Patients get through on the first call now.",
                "zh": {
                    "customer": "康宁家庭诊所",
                    "challenge": "五家诊所开诊时电话打不进，备份存放在 U 盘里。",
                    "outcome": "来电排队等候而不是无人接听；病历每晚加密备份。",
                    "quote": "现在患者第一次拨打就能接通。",
                },
            }
        ],
        "zh": {
            "title": "互联诊所",
            "summary": "为诊所提供安全网络、数据备份和预约电话。",
            "problem": "<p>诊所保存敏感的患者数据，营业时间不能停机，也没有 IT 部门。</p>",
        },
    },
    {
        "slug": "fleet-visibility",
        "segments": ["sme", "enterprise"],
        "industries": ["logistics"],
        "custom": False,
        "hero": ("#1b365d", "#78be20"),
        "products": [
            ("IOT-TRACK", "Live location and cold-chain alerts", "实时位置与冷链告警"),
            ("MOB-FLEET", "Drivers' phones on one pool", "司机手机共享流量池"),
            ("MOB-TEAM-50", "Phones for dispatchers", "调度员手机"),
        ],
        "title": "Fleet Visibility",
        "summary": "Know where every vehicle and shipment is, and whether the cold chain held.",
        "problem": "<p>Customers ask “where is my delivery?” and dispatchers have to phone drivers to find out; cold-chain breaks are found only at delivery.</p>",
        "cases": [
            {
                "customer": "Swift Cold Chain Logistics",
                "industry": "logistics",
                "challenge": "200 refrigerated trucks, temperature logged on paper, disputes with customers.",
                "outcome": "Every shipment has a temperature record; disputes fell by 80%.",
                "quote": "We now send customers the temperature curve with the invoice.",
                "zh": {
                    "customer": "迅捷冷链物流",
                    "challenge": "200 辆冷藏车，温度用纸记录，常与客户发生纠纷。",
                    "outcome": "每票货物都有温度记录，纠纷减少 80%。",
                    "quote": "现在我们随发票一起把温度曲线发给客户。",
                },
            }
        ],
        "zh": {
            "title": "车队可视化",
            "summary": "随时掌握每辆车和每票货的位置，以及冷链是否达标。",
            "problem": "<p>客户询问“货到哪了？”，调度员只能打电话问司机；冷链中断往往到交货时才发现。</p>",
        },
    },
    {
        "slug": "secure-multi-site-network",
        "segments": ["enterprise"],
        "industries": ["retail", "finance", "manufacturing"],
        "custom": True,
        "hero": ("#101820", "#0072ce"),
        "products": [
            (
                "SDWAN-MANAGED",
                "One network across every branch",
                "覆盖所有分支的一张网络",
            ),
            (
                "DIA-10G",
                "Internet breakout at the data centres",
                "数据中心的互联网出口",
            ),
            ("SEC-DDOS", "Protection for public services", "保护对外服务"),
            ("SEC-FIREWALL", "Branch security", "分支安全"),
        ],
        "title": "Secure Multi-site Network",
        "summary": "SD-WAN, dedicated internet and managed security for companies with many sites.",
        "problem": "<p>Hundreds of branches on MPLS are expensive and slow to change, while cloud apps and attacks grow every year.</p>",
        "cases": [
            {
                "customer": "Golden Harvest Supermarkets",
                "industry": "retail",
                "challenge": "380 stores on ageing MPLS, new stores waited eight weeks for a line.",
                "outcome": "New stores go live in five days on 4G and move to fibre later; network cost fell 27%.",
                "quote": "",
                "zh": {
                    "customer": "金穗连锁超市",
                    "challenge": "380 家门店使用老旧 MPLS，新店开通线路要等八周。",
                    "outcome": "新店借助 4G 五天上线，之后再切换光纤；网络成本下降 27%。",
                    "quote": "",
                },
            },
            {
                "customer": "Pacific Commercial Bank",
                "industry": "finance",
                "challenge": "Online banking was taken offline twice by DDoS attacks in one quarter.",
                "outcome": "Attacks of up to 300 Gbps have since been absorbed without customer impact.",
                "quote": "Our customers no longer notice when we are attacked.",
                "zh": {
                    "customer": "太平洋商业银行",
                    "challenge": "一个季度内网上银行两次因 DDoS 攻击中断。",
                    "outcome": "此后最高 300Gbps 的攻击均被吸收，客户无感知。",
                    "quote": "即使遭受攻击，客户也感觉不到。",
                },
            },
        ],
        "zh": {
            "title": "安全多站点网络",
            "summary": "为多站点企业提供 SD-WAN、互联网专线和安全托管。",
            "problem": "<p>数百个分支使用 MPLS，成本高、变更慢，而云应用和网络攻击逐年增加。</p>",
        },
    },
    {
        "slug": "government-cloud-and-network",
        "segments": ["government"],
        "industries": ["education", "healthcare"],
        "custom": True,
        "hero": ("#003b2f", "#b5a36a"),
        "products": [
            ("GOV-CLOUD", "Hosting for public services", "承载公共服务"),
            (
                "SDWAN-MANAGED",
                "Private network to every agency",
                "连接各单位的专用网络",
            ),
            ("SEC-DDOS", "Protection for citizen portals", "保护政务服务门户"),
            ("DIA-10G", "Resilient internet access", "高可靠互联网接入"),
        ],
        "title": "Government Cloud & Secure Network",
        "summary": "A compliant cloud and private network for cities, agencies, schools and hospitals.",
        "problem": "<p>Each agency runs its own servers and lines, which is costly, hard to secure and hard to prove compliant.</p>",
        "cases": [
            {
                "customer": "Qinghe City Big Data Bureau",
                "industry": None,
                "challenge": "58 departments with their own server rooms and 120 separate internet lines.",
                "outcome": "340 systems moved to government cloud; one private network; annual cost down 35%.",
                "quote": "",
                "zh": {
                    "customer": "清河市大数据局",
                    "challenge": "58 个部门各有机房，共 120 条独立互联网线路。",
                    "outcome": "340 个系统迁移至政务云，统一为一张专网，年度成本降低 35%。",
                    "quote": "",
                },
            }
        ],
        "zh": {
            "title": "政务云与安全专网",
            "summary": "为城市、政府部门、学校和医院提供合规的云与专用网络。",
            "problem": "<p>各单位自建机房和线路，成本高、难以保障安全，也难以证明合规。</p>",
        },
    },
    {
        "slug": "hybrid-work",
        "segments": ["sme", "enterprise"],
        "industries": ["finance", "retail", "education"],
        "custom": False,
        "hero": ("#3a0ca3", "#4cc9f0"),
        "products": [
            ("UC-CLOUDPBX", "The office number on every device", "办公号码随处可用"),
            ("MOB-TEAM-50", "Data for working on the move", "移动办公流量"),
            ("SEC-FIREWALL", "Secure remote access", "安全远程接入"),
            (
                "CLOUD-BACKUP",
                "Laptops backed up wherever they are",
                "笔记本随时随地备份",
            ),
        ],
        "title": "Hybrid Work",
        "summary": "Phones, data, secure access and backups for teams that work from anywhere.",
        "problem": "<p>When staff work from home and on the road, calls go to empty desks, laptops go unprotected and files live on one disk.</p>",
        "cases": [
            {
                "customer": "Brightline Accounting",
                "industry": "finance",
                "challenge": "Clients could not reach advisers working from home during tax season.",
                "outcome": "Calls follow advisers to their mobiles; no client call went unanswered last season.",
                "quote": "",
                "zh": {
                    "customer": "明线会计师事务所",
                    "challenge": "报税季顾问居家办公，客户常常联系不上。",
                    "outcome": "来电自动转到顾问手机，上个报税季没有一个客户来电无人接听。",
                    "quote": "",
                },
            }
        ],
        "zh": {
            "title": "混合办公",
            "summary": "为随时随地办公的团队提供电话、流量、安全接入和备份。",
            "problem": "<p>员工居家或出差时，来电打到空工位，笔记本缺乏防护，文件只存在一块硬盘里。</p>",
        },
    },
]

# --- Events (days from today, so they stay upcoming) --------------------------

EVENTS = [
    {
        "slug": "webinar-private-5g-for-factories",
        "kind": "webinar",
        "days_ahead": 9,
        "hour": 15,
        "duration_hours": 1,
        "segments": ["enterprise"],
        "location": "",
        "title": "Webinar: Private 5G for factories",
        "summary": "How three manufacturers run robots, AGVs and machine vision on private 5G, and what it cost.",
        "body": "Our industry engineers walk through three real deployments, from radio survey to go-live, and answer your questions.",
        "zh": {
            "title": "网络研讨会：面向工厂的 5G 专网",
            "summary": "三家制造企业如何在 5G 专网上运行机器人、AGV 和机器视觉，以及投入多少。",
            "body": "行业工程师将讲解从无线勘测到上线的三个真实案例，并现场答疑。",
        },
    },
    {
        "slug": "launch-business-fibre-pro-1g",
        "kind": "launch",
        "days_ahead": 16,
        "hour": 10,
        "duration_hours": 2,
        "segments": ["sme", "enterprise"],
        "location": "Example Telecom Experience Centre, Shanghai",
        "title": "Launch: Business Fibre Pro 1G with 4G backup",
        "summary": "See the new 1 Gbps package with automatic 4G backup, and try the failover yourself.",
        "body": "Join the product team for a live demonstration of automatic failover and the new Business Console.",
        "zh": {
            "title": "发布会：带 4G 备份的企业光纤 Pro 1G",
            "summary": "了解带自动 4G 备份的全新千兆套餐，并亲自体验切换。",
            "body": "产品团队将现场演示自动切换和全新企业控制台。",
            "location": "示例电信体验中心，上海",
        },
    },
    {
        "slug": "webinar-ransomware-readiness",
        "kind": "webinar",
        "days_ahead": 23,
        "hour": 14,
        "duration_hours": 1,
        "segments": ["sme", "enterprise", "government"],
        "location": "",
        "title": "Webinar: Ransomware readiness for small businesses",
        "summary": "Five steps that stop most attacks, and how to recover in hours instead of weeks.",
        "body": "Our security operations centre shares what they see every week and a checklist you can use the same day.",
        "zh": {
            "title": "网络研讨会：中小企业勒索软件防范",
            "summary": "阻止大多数攻击的五个步骤，以及如何在数小时而非数周内恢复。",
            "body": "安全运营中心分享每周所见的攻击，并提供当天即可使用的检查清单。",
        },
    },
    {
        "slug": "workshop-public-sector-procurement",
        "kind": "workshop",
        "days_ahead": 34,
        "hour": 9,
        "duration_hours": 3,
        "segments": ["government"],
        "location": "Provincial Government Service Centre, Hall B",
        "title": "Workshop: Buying network and cloud under the framework agreement",
        "summary": "For procurement officers: lots, call-off orders and the documents your file needs.",
        "body": "A practical morning with our public-sector team, with sample call-off forms and time for your own cases.",
        "zh": {
            "title": "工作坊：通过框架协议采购网络与云服务",
            "summary": "面向采购人员：标包、订购流程以及采购档案所需文件。",
            "body": "与公共事业团队一起度过一个实操上午，提供订购单样例，并解答您的具体问题。",
            "location": "省政务服务中心 B 厅",
        },
    },
    {
        "slug": "business-summit",
        "kind": "conference",
        "days_ahead": 58,
        "hour": 9,
        "duration_hours": 8,
        "segments": ["sme", "enterprise", "government"],
        "location": "Hangzhou International Expo Centre",
        "title": "Example Telecom Business Summit",
        "summary": "A day of talks, demos and customer stories on 5G, cloud, IoT and security.",
        "body": "Keynotes from customers and our engineers, a demo floor with every product, and one-to-one meetings with account managers.",
        "zh": {
            "title": "示例电信企业峰会",
            "summary": "一整天关于 5G、云、物联网和安全的演讲、演示和客户故事。",
            "body": "客户与工程师主题演讲、全产品演示区，以及与客户经理的一对一会谈。",
            "location": "杭州国际博览中心",
        },
    },
]

# --- Knowledge base -------------------------------------------------------------

KNOWLEDGE_CATEGORIES = [
    ("billing", "Billing and payments", "账单与付款"),
    ("faults", "Faults and outages", "故障与中断"),
    ("broadband", "Broadband and fibre", "宽带与光纤"),
    ("mobile", "Mobile", "移动业务"),
    ("cloud", "Cloud", "云服务"),
    ("security", "Security", "安全"),
    ("account", "Your account", "账户管理"),
]

ALL_SEGMENTS = ["sme", "enterprise", "government"]

# (slug, category, product codes, segments, EN title, EN summary, EN steps,
#  ZH title, ZH summary, ZH steps)
ARTICLES = [
    (
        "read-your-business-bill",
        "billing",
        [],
        ALL_SEGMENTS,
        "How to read your business bill",
        "What each section of your monthly bill means and where to find the details of every line.",
        [
            "Open Billing in the Business Console and choose the month.",
            "The summary shows one-off charges, monthly charges and usage separately.",
            "Download the CSV for a line-by-line breakdown per site, SIM or user.",
        ],
        "如何看懂企业账单",
        "月度账单各部分的含义，以及在哪里查看每条线路的明细。",
        [
            "在企业控制台打开“账单”，选择月份。",
            "汇总页分别列出一次性费用、月租费用和用量费用。",
            "下载 CSV 文件，按站点、SIM 卡或用户查看逐项明细。",
        ],
    ),
    (
        "change-payment-method",
        "billing",
        [],
        ALL_SEGMENTS,
        "Change how you pay",
        "Switch between bank transfer, direct debit and corporate card.",
        [
            "Go to Billing → Payment method.",
            "Choose the new method and enter the account details.",
            "The change applies to the next bill; this month's bill is paid the old way.",
        ],
        "更改付款方式",
        "在银行转账、自动扣款和公司卡之间切换。",
        [
            "进入“账单 → 付款方式”。",
            "选择新的付款方式并填写账户信息。",
            "变更从下一期账单起生效，本月账单仍按原方式支付。",
        ],
    ),
    (
        "request-a-fapiao",
        "billing",
        [],
        ALL_SEGMENTS,
        "Request a VAT invoice (fapiao)",
        "Get a special or general VAT invoice for a paid bill.",
        [
            "Check that your company's tax details are correct under Account → Company details.",
            "Open the paid bill and click “Request invoice”.",
            "Electronic invoices arrive by e-mail within two working days.",
        ],
        "申请增值税发票",
        "为已支付的账单开具增值税专用发票或普通发票。",
        [
            "在“账户 → 公司信息”中确认开票信息正确。",
            "打开已支付的账单，点击“申请发票”。",
            "电子发票将在两个工作日内发送到您的邮箱。",
        ],
    ),
    (
        "dispute-a-charge",
        "billing",
        [],
        ALL_SEGMENTS,
        "Dispute a charge on your bill",
        "What to do if a charge looks wrong, and how long a review takes.",
        [
            "Open the bill and select the charge you disagree with.",
            "Click “Dispute” and tell us why; attach any evidence.",
            "You need not pay the disputed amount while we review it, usually within five working days.",
        ],
        "对账单费用提出异议",
        "费用看起来有误时怎么办，以及核查需要多长时间。",
        [
            "打开账单，选中有异议的费用。",
            "点击“提出异议”并说明原因，可附上证明材料。",
            "核查期间（通常五个工作日）无需支付有异议的金额。",
        ],
    ),
    (
        "split-bills-by-cost-centre",
        "billing",
        ["MOB-FLEET"],
        ["enterprise", "government"],
        "Split your bill by cost centre",
        "Charge lines and services to departments, projects or vehicles.",
        [
            "Create cost centres under Billing → Cost centres.",
            "Assign lines or services to a cost centre, one by one or from a CSV file.",
            "From the next bill, each cost centre gets its own subtotal and export.",
        ],
        "按成本中心拆分账单",
        "将线路和服务费用分摊到部门、项目或车辆。",
        [
            "在“账单 → 成本中心”中创建成本中心。",
            "逐条或通过 CSV 文件将线路或服务分配到成本中心。",
            "从下一期账单起，每个成本中心都有独立小计和导出。",
        ],
    ),
    (
        "why-is-my-first-bill-higher",
        "billing",
        [],
        ["sme"],
        "Why is my first bill higher than expected?",
        "Your first bill includes part-month charges and one-off installation fees.",
        [
            "Part-month charges cover the days from activation to the end of the first month.",
            "One-off charges such as installation appear only once.",
            "From the second bill on, you pay the regular monthly price.",
        ],
        "为什么首期账单比预期高？",
        "首期账单包含不足一个月的费用和一次性安装费。",
        [
            "不足整月的费用按开通日至月底的天数计算。",
            "安装费等一次性费用只收取一次。",
            "从第二期账单起，按正常月费计费。",
        ],
    ),
    (
        "report-a-fault",
        "faults",
        [],
        ALL_SEGMENTS,
        "Report a fault",
        "The quickest way to get a fault fixed and what we need from you.",
        [
            "Check the service status page first: a known outage may already be fixed soon.",
            "Open Support → Report a fault, choose the service and describe what you see.",
            "You get a reference number at once and updates by SMS until the fault is fixed.",
        ],
        "报告故障",
        "最快修复故障的方法，以及需要您提供的信息。",
        [
            "先查看服务状态页面：已知故障可能很快就会修复。",
            "打开“支持 → 报告故障”，选择服务并描述现象。",
            "您将立即获得工单号，并通过短信接收进度，直至修复。",
        ],
    ),
    (
        "internet-down-checklist",
        "faults",
        ["FIBRE-BIZ-500", "FIBRE-PRO-1G"],
        ["sme", "enterprise"],
        "Internet down? Check these first",
        "Five checks that solve most connection problems in minutes.",
        [
            "Check that the router's power and fibre lights are on; a red LOS light means the fibre signal is lost.",
            "Restart the router and wait three minutes.",
            "Try a cable instead of Wi-Fi to rule out a Wi-Fi problem.",
            "If the LOS light stays red, report a fault: an engineer is needed.",
        ],
        "无法上网？请先检查这些",
        "五项检查，几分钟内解决大部分连接问题。",
        [
            "检查路由器电源灯和光纤灯是否亮起；LOS 红灯表示光信号丢失。",
            "重启路由器并等待三分钟。",
            "改用网线连接，排除 Wi-Fi 问题。",
            "如果 LOS 灯持续红色，请报告故障，需要工程师上门。",
        ],
    ),
    (
        "service-status-and-outages",
        "faults",
        [],
        ALL_SEGMENTS,
        "Check service status and planned work",
        "See outages and planned maintenance in your area before you call.",
        [
            "Open the service status page from the footer of any page.",
            "Enter your site address or service number.",
            "Subscribe to updates by SMS or e-mail for planned work at your sites.",
        ],
        "查看服务状态与计划维护",
        "致电前先查看您所在地区的故障和计划维护。",
        [
            "从任意页面底部打开服务状态页面。",
            "输入站点地址或业务号码。",
            "订阅短信或邮件，接收您站点计划维护的通知。",
        ],
    ),
    (
        "fault-repair-times",
        "faults",
        ["FIBRE-PRO-1G", "DIA-10G", "SDWAN-MANAGED"],
        ALL_SEGMENTS,
        "How fast will my fault be fixed?",
        "Repair targets by service and what happens if we miss them.",
        [
            "Business Fibre 500: by the end of the next working day.",
            "Business Fibre Pro 1G: within 4 hours, around the clock.",
            "Dedicated services: within 4 hours, with service credits if we miss it.",
        ],
        "故障多久能修复？",
        "各项服务的修复时限，以及未达标时的处理。",
        [
            "企业光纤 500：下一个工作日结束前。",
            "企业光纤 Pro 1G：7×24 小时，4 小时内。",
            "专线类服务：4 小时内，未达标按约定补偿。",
        ],
    ),
    (
        "slow-internet",
        "faults",
        ["FIBRE-BIZ-500", "FIBRE-PRO-1G"],
        ["sme", "enterprise"],
        "My internet is slow",
        "How to measure your speed properly and what slows a connection down.",
        [
            "Run the speed test in the Business Console from a computer connected by cable.",
            "Pause backups and large downloads while you test.",
            "If the result is below 80% of your plan three times in a row, report a fault with the results.",
        ],
        "网速很慢",
        "如何正确测速，以及哪些因素会拖慢网络。",
        [
            "用网线连接电脑，在企业控制台运行测速。",
            "测速时暂停备份和大文件下载。",
            "如果连续三次低于套餐速率的 80%，请附上测速结果报告故障。",
        ],
    ),
    (
        "phone-line-no-dial-tone",
        "faults",
        ["UC-CLOUDPBX"],
        ALL_SEGMENTS,
        "Desk phone shows “no service”",
        "Get a Cloud PBX desk phone registered again.",
        [
            "Check that the phone's network cable is plugged into a working port.",
            "Restart the phone; it downloads its settings again.",
            "If it still shows no service, check the user's licence in the Business Console.",
        ],
        "座机显示“无服务”",
        "让云总机座机重新注册上线。",
        [
            "检查话机网线是否插在正常工作的端口上。",
            "重启话机，使其重新下载配置。",
            "如仍显示无服务，请在企业控制台检查该用户的许可。",
        ],
    ),
    (
        "escalate-a-fault",
        "faults",
        [],
        ["enterprise", "government"],
        "Escalate a fault",
        "When and how to escalate a fault that is not progressing.",
        [
            "Escalate if the repair target has passed or the impact has grown.",
            "Use “Escalate” on the fault in the portal, or call your service desk.",
            "A duty manager takes ownership and calls you within 30 minutes.",
        ],
        "升级故障",
        "故障处理没有进展时，何时以及如何升级。",
        [
            "修复时限已过或影响扩大时，可以升级。",
            "在门户中的故障工单上点击“升级”，或致电服务台。",
            "值班经理接手后 30 分钟内与您联系。",
        ],
    ),
    (
        "set-up-your-business-router",
        "broadband",
        ["FIBRE-BIZ-500", "FIBRE-PRO-1G"],
        ["sme"],
        "Set up your business router",
        "Connect the router, change the Wi-Fi password and add a guest network.",
        [
            "Connect the router's WAN port to the fibre terminal and switch it on.",
            "Open 192.168.1.1 and sign in with the password on the label.",
            "Change the Wi-Fi name and password, then turn on the guest network.",
        ],
        "设置企业路由器",
        "连接路由器、修改 Wi-Fi 密码并添加访客网络。",
        [
            "将路由器 WAN 口接到光猫并通电。",
            "打开 192.168.1.1，使用标签上的密码登录。",
            "修改 Wi-Fi 名称和密码，然后开启访客网络。",
        ],
    ),
    (
        "static-ip-address",
        "broadband",
        ["FIBRE-BIZ-500", "FIBRE-PRO-1G", "DIA-10G"],
        ["sme", "enterprise"],
        "Use your static IP address",
        "Find your static IP and point a server or camera system at it.",
        [
            "Find your static IP under Services → your line → IP addresses.",
            "Forward the ports you need on the router to the internal device.",
            "Ask us for reverse DNS if you run a mail server.",
        ],
        "使用固定 IP 地址",
        "查看固定 IP，并让服务器或监控系统使用它。",
        [
            "在“服务 → 您的线路 → IP 地址”中查看固定 IP。",
            "在路由器上将所需端口转发到内网设备。",
            "如运行邮件服务器，可申请反向解析。",
        ],
    ),
    (
        "improve-wifi-coverage",
        "broadband",
        ["FIBRE-BIZ-500"],
        ["sme"],
        "Improve Wi-Fi coverage",
        "Where to put the router and when to add an access point.",
        [
            "Place the router high and central, away from metal cabinets and microwaves.",
            "Use the 5 GHz network near the router and 2.4 GHz further away.",
            "For large premises, order a mesh access point from the Business Console.",
        ],
        "改善 Wi-Fi 覆盖",
        "路由器放在哪里，何时需要增加接入点。",
        [
            "将路由器放在高处和中心位置，远离金属柜和微波炉。",
            "靠近路由器时使用 5GHz，距离较远时使用 2.4GHz。",
            "场所较大时，可在企业控制台订购 Mesh 接入点。",
        ],
    ),
    (
        "move-your-line",
        "broadband",
        ["FIBRE-BIZ-500", "FIBRE-PRO-1G"],
        ["sme", "enterprise"],
        "Move your line to a new address",
        "Plan a move so your business stays online.",
        [
            "Tell us at least 20 working days before the move under Services → Move.",
            "We check availability at the new address and book an engineer.",
            "Your numbers and static IPs move with you.",
        ],
        "迁移线路到新地址",
        "提前规划搬迁，确保业务不中断。",
        [
            "至少提前 20 个工作日在“服务 → 迁移”中告知我们。",
            "我们确认新地址的覆盖情况并预约工程师。",
            "号码和固定 IP 随迁移保留。",
        ],
    ),
    (
        "upgrade-your-bandwidth",
        "broadband",
        ["FIBRE-BIZ-500", "FIBRE-PRO-1G"],
        ["sme"],
        "Upgrade your bandwidth",
        "Go faster without a new contract or a visit.",
        [
            "Open your line in the Business Console and choose “Change speed”.",
            "Pick the new speed; the price difference is shown before you confirm.",
            "The upgrade takes effect within 15 minutes, with no visit needed.",
        ],
        "升级带宽",
        "无需新合同和上门即可提速。",
        [
            "在企业控制台打开线路，选择“变更速率”。",
            "选择新速率，确认前会显示差价。",
            "升级 15 分钟内生效，无需上门。",
        ],
    ),
    (
        "fibre-backup-failover",
        "broadband",
        ["FIBRE-PRO-1G"],
        ["sme", "enterprise"],
        "How the 4G backup works",
        "What happens when your fibre fails and how to test the backup.",
        [
            "When the fibre fails, the router switches to 4G within seconds.",
            "Payments, e-mail and calls keep working; large downloads are slowed.",
            "Test it once a quarter with “Test failover” in the Business Console.",
        ],
        "4G 备份如何工作",
        "光纤中断时会发生什么，以及如何测试备份。",
        [
            "光纤中断时，路由器会在数秒内切换到 4G。",
            "收款、邮件和通话照常；大文件下载会变慢。",
            "每季度在企业控制台使用“测试切换”测试一次。",
        ],
    ),
    (
        "activate-an-esim",
        "mobile",
        ["MOB-TEAM-50", "MOB-FLEET"],
        ALL_SEGMENTS,
        "Activate an eSIM",
        "Put a business line on a phone without a plastic SIM.",
        [
            "Order an eSIM for the line in the Business Console.",
            "The user receives a QR code by e-mail.",
            "On the phone, open Settings → Mobile → Add eSIM and scan the code.",
        ],
        "开通 eSIM",
        "无需实体卡，即可在手机上使用企业线路。",
        [
            "在企业控制台为线路订购 eSIM。",
            "用户会通过邮件收到二维码。",
            "在手机上打开“设置 → 蜂窝网络 → 添加 eSIM”并扫码。",
        ],
    ),
    (
        "set-a-spending-cap",
        "mobile",
        ["MOB-TEAM-50", "MOB-FLEET"],
        ALL_SEGMENTS,
        "Set a spending cap on a line",
        "Avoid surprise bills from roaming or premium numbers.",
        [
            "Open the line and choose “Spending cap”.",
            "Set a monthly amount; the user gets an SMS at 80% and 100%.",
            "At the cap, chargeable services stop until the next month or until you raise it.",
        ],
        "为线路设置消费上限",
        "避免漫游或增值号码产生意外账单。",
        [
            "打开线路，选择“消费上限”。",
            "设置月度金额；达到 80% 和 100% 时用户会收到短信。",
            "达到上限后，收费服务暂停，直至下月或您调高上限。",
        ],
    ),
    (
        "international-roaming",
        "mobile",
        ["MOB-TEAM-50", "MOB-FLEET"],
        ALL_SEGMENTS,
        "Use your phone abroad",
        "Turn on roaming and choose a daily pass before you travel.",
        [
            "Roaming is off by default on business lines; turn it on per line.",
            "Add a daily roaming pass for the destination to cap the cost.",
            "Turn roaming off again when the trip is over.",
        ],
        "出境使用手机",
        "出行前开通漫游并选择日套餐。",
        [
            "企业线路默认关闭漫游，需按线路开通。",
            "为目的地添加漫游日包，控制费用。",
            "行程结束后关闭漫游。",
        ],
    ),
    (
        "lost-or-stolen-phone",
        "mobile",
        ["MOB-TEAM-50", "MOB-FLEET"],
        ALL_SEGMENTS,
        "A phone was lost or stolen",
        "Block the SIM, protect company data and get a replacement.",
        [
            "Block the SIM at once in the Business Console or by calling the service desk.",
            "If the phone is enrolled in device management, lock or wipe it.",
            "Order a replacement SIM or eSIM; the number stays the same.",
        ],
        "手机丢失或被盗",
        "停用 SIM 卡、保护公司数据并补办。",
        [
            "立即在企业控制台或致电服务台停用 SIM 卡。",
            "如手机已纳入终端管理，可远程锁定或擦除。",
            "补办 SIM 卡或 eSIM，号码保持不变。",
        ],
    ),
    (
        "port-your-numbers",
        "mobile",
        ["MOB-TEAM-50", "UC-CLOUDPBX"],
        ALL_SEGMENTS,
        "Bring your numbers from another operator",
        "Keep your mobile and office numbers when you switch.",
        [
            "Ask your current operator for the porting authorisation code.",
            "Enter the numbers and codes when you order.",
            "The switch happens overnight; you may have no service for up to two hours.",
        ],
        "携号转入",
        "更换运营商时保留手机号和办公号码。",
        [
            "向原运营商申请携号转网授权码。",
            "下单时填写号码和授权码。",
            "转网在夜间完成，期间最多约两小时无服务。",
        ],
    ),
    (
        "5g-coverage-indoors",
        "mobile",
        ["MOB-TEAM-50", "5G-PRIVATE"],
        ALL_SEGMENTS,
        "Poor 5G signal indoors",
        "Why signal drops inside buildings and what we can do.",
        [
            "Turn on Wi-Fi calling so calls work on your office Wi-Fi.",
            "Report the address in Support; we check the coverage map.",
            "For large buildings we offer indoor small cells.",
        ],
        "室内 5G 信号差",
        "建筑内信号变弱的原因，以及我们能提供的方案。",
        [
            "开启 Wi-Fi 通话，在办公室 Wi-Fi 下照常通话。",
            "在支持页面提交地址，我们将核查覆盖情况。",
            "大型建筑可提供室内小基站。",
        ],
    ),
    (
        "create-your-first-server",
        "cloud",
        ["CLOUD-VDC"],
        ["enterprise", "government"],
        "Create your first cloud server",
        "From an empty project to a running server in about five minutes.",
        [
            "Open the Cloud Console and create a project for your team.",
            "Choose Servers → Create, pick an image and a size.",
            "Attach it to your private network and add your SSH key.",
        ],
        "创建第一台云服务器",
        "约五分钟，从空项目到运行中的服务器。",
        [
            "打开云控制台，为团队创建项目。",
            "选择“服务器 → 创建”，选择镜像和规格。",
            "连接到您的私有网络并添加 SSH 密钥。",
        ],
    ),
    (
        "restore-from-backup",
        "cloud",
        ["CLOUD-BACKUP"],
        ["sme", "enterprise"],
        "Restore files from Cloud Backup",
        "Get back a deleted file, a folder or a whole computer.",
        [
            "Open Cloud Backup and choose the device.",
            "Pick the date to restore from and select the files.",
            "Restore to the original place or download them as a ZIP file.",
        ],
        "从云备份恢复文件",
        "找回误删的文件、文件夹或整台电脑。",
        [
            "打开云备份，选择设备。",
            "选择要恢复的日期和文件。",
            "恢复到原位置，或下载为 ZIP 文件。",
        ],
    ),
    (
        "backup-microsoft-365",
        "cloud",
        ["CLOUD-BACKUP"],
        ["sme", "enterprise"],
        "Back up Microsoft 365",
        "Protect mailboxes, OneDrive and SharePoint.",
        [
            "In Cloud Backup choose “Add source → Microsoft 365”.",
            "Sign in as a Microsoft 365 administrator and grant access.",
            "Choose the users and sites; the first backup runs that night.",
        ],
        "备份 Microsoft 365",
        "保护邮箱、OneDrive 和 SharePoint。",
        [
            "在云备份中选择“添加来源 → Microsoft 365”。",
            "使用 Microsoft 365 管理员账号登录并授权。",
            "选择用户和站点，首次备份当晚运行。",
        ],
    ),
    (
        "cloud-cost-alerts",
        "cloud",
        ["CLOUD-VDC"],
        ["enterprise", "government"],
        "Set cloud budget alerts",
        "Get told before your cloud spending exceeds the budget.",
        [
            "Open Billing → Budgets in the Cloud Console.",
            "Set a monthly budget per project.",
            "Choose who is alerted at 50%, 80% and 100% of the budget.",
        ],
        "设置云预算告警",
        "在云费用超出预算前收到提醒。",
        [
            "在云控制台打开“账单 → 预算”。",
            "为每个项目设置月度预算。",
            "设置在预算的 50%、80% 和 100% 时通知的人员。",
        ],
    ),
    (
        "connect-cloud-privately",
        "cloud",
        ["CLOUD-VDC", "SDWAN-MANAGED"],
        ["enterprise", "government"],
        "Connect your sites to the cloud privately",
        "Reach your cloud servers over SD-WAN instead of the internet.",
        [
            "Ask your account manager to add the cloud to your SD-WAN.",
            "We create a private link into your cloud project.",
            "Routes to your cloud networks appear at every site automatically.",
        ],
        "通过专网连接站点与云",
        "通过 SD-WAN 而不是互联网访问云服务器。",
        [
            "请客户经理将云接入您的 SD-WAN。",
            "我们为您的云项目创建专用连接。",
            "到云网络的路由会自动下发到每个站点。",
        ],
    ),
    (
        "turn-on-two-factor",
        "security",
        [],
        ALL_SEGMENTS,
        "Turn on two-factor authentication",
        "Protect your portal account with an authenticator app.",
        [
            "Open Account → Security and choose “Authenticator app”.",
            "Scan the QR code with your authenticator app and enter the code.",
            "Save the recovery codes somewhere safe.",
        ],
        "开启双因素认证",
        "使用身份验证器应用保护门户账户。",
        [
            "打开“账户 → 安全”，选择“身份验证器应用”。",
            "用身份验证器应用扫描二维码并输入验证码。",
            "将恢复码保存在安全的地方。",
        ],
    ),
    (
        "spot-phishing",
        "security",
        [],
        ALL_SEGMENTS,
        "Spot a phishing message",
        "How to tell a real Example Telecom message from a fake one.",
        [
            "We never ask for your password or a verification code by phone, SMS or e-mail.",
            "Check the sender and hover over links before you click.",
            "Forward suspicious messages to our security team and delete them.",
        ],
        "识别钓鱼信息",
        "如何分辨真实的示例电信消息与仿冒消息。",
        [
            "我们绝不会通过电话、短信或邮件索要密码或验证码。",
            "点击前检查发件人，并将鼠标悬停在链接上查看。",
            "将可疑消息转发给我们的安全团队后删除。",
        ],
    ),
    (
        "firewall-rule-change",
        "security",
        ["SEC-FIREWALL"],
        ["sme", "enterprise"],
        "Ask for a firewall rule change",
        "Open a port or allow an application on your Managed Firewall.",
        [
            "Open Security → Managed Firewall → Request change.",
            "Say what should be allowed, from where to where, and why.",
            "We review and apply the change within one working day.",
        ],
        "申请防火墙规则变更",
        "在托管防火墙上开放端口或放行应用。",
        [
            "打开“安全 → 防火墙托管 → 申请变更”。",
            "说明需要放行的内容、源和目的以及原因。",
            "我们在一个工作日内审核并完成变更。",
        ],
    ),
    (
        "ddos-attack-what-happens",
        "security",
        ["SEC-DDOS"],
        ["enterprise", "government"],
        "What happens during a DDoS attack",
        "How our protection reacts and what you will see.",
        [
            "Traffic is watched continuously; an attack is detected within seconds.",
            "Attack traffic is filtered in our network; clean traffic reaches you.",
            "You receive an alert and, afterwards, an attack report.",
        ],
        "遭受 DDoS 攻击时会发生什么",
        "防护如何响应，以及您会看到什么。",
        [
            "流量持续受到监测，数秒内即可识别攻击。",
            "攻击流量在我们的网络中被过滤，正常流量到达您处。",
            "您会收到告警，攻击结束后还会收到攻击报告。",
        ],
    ),
    (
        "ransomware-response",
        "security",
        ["CLOUD-BACKUP", "SEC-FIREWALL"],
        ALL_SEGMENTS,
        "Ransomware: what to do first",
        "The first steps after you find encrypted files.",
        [
            "Disconnect the affected computers from the network at once; do not turn them off.",
            "Report a security incident in Support; our team calls you back within 30 minutes.",
            "Do not pay; restore from Cloud Backup once the computers are clean.",
        ],
        "遭遇勒索软件：第一步做什么",
        "发现文件被加密后的第一步措施。",
        [
            "立即将受影响的电脑断网，但不要关机。",
            "在支持页面报告安全事件，我们的团队 30 分钟内回电。",
            "不要支付赎金；清除病毒后从云备份恢复。",
        ],
    ),
    (
        "add-a-colleague",
        "account",
        [],
        ALL_SEGMENTS,
        "Add a colleague to your company account",
        "Invite colleagues and choose what they may do.",
        [
            "Open Account → People and click “Invite”.",
            "Enter their e-mail address and choose a role: administrator, buyer or viewer.",
            "They get an e-mail to set a password; invitations expire after seven days.",
        ],
        "将同事添加到公司账户",
        "邀请同事并设置其权限。",
        [
            "打开“账户 → 成员”，点击“邀请”。",
            "输入对方邮箱并选择角色：管理员、采购员或只读。",
            "对方将收到设置密码的邮件，邀请七天后失效。",
        ],
    ),
    (
        "verify-your-company",
        "account",
        [],
        ALL_SEGMENTS,
        "Verify your company",
        "Why we verify business customers and what you need.",
        [
            "Open Account → Company details and enter your unified social credit code.",
            "Upload a copy of your business licence.",
            "We check it within one working day; trials and orders are then unlocked.",
        ],
        "企业认证",
        "为什么要认证企业客户，以及需要准备什么。",
        [
            "打开“账户 → 公司信息”，填写统一社会信用代码。",
            "上传营业执照副本。",
            "我们在一个工作日内完成审核，随后即可试用和下单。",
        ],
    ),
    (
        "reset-your-password",
        "account",
        [],
        ALL_SEGMENTS,
        "Reset your password",
        "Get back into your account if you forgot your password.",
        [
            "Click “Sign in” and then “Forgot your password?”.",
            "Enter your e-mail address; we send a reset link valid for one hour.",
            "Choose a new password of at least 12 characters.",
        ],
        "重置密码",
        "忘记密码时如何找回账户。",
        [
            "点击“登录”，再点击“忘记密码？”。",
            "输入邮箱地址，我们将发送一小时内有效的重置链接。",
            "设置至少 12 位的新密码。",
        ],
    ),
    (
        "find-your-account-manager",
        "account",
        [],
        ["enterprise", "government"],
        "Find your account manager",
        "See who your account manager is and how to reach them.",
        [
            "Your account manager is shown on the Account page.",
            "Send a message or book a meeting from there.",
            "If they are away, their deputy is shown instead.",
        ],
        "查找您的客户经理",
        "查看您的客户经理是谁以及如何联系。",
        [
            "账户页面会显示您的客户经理。",
            "可以在该页面发送消息或预约会面。",
            "客户经理不在时，会显示其代理人。",
        ],
    ),
    (
        "change-company-details",
        "account",
        [],
        ALL_SEGMENTS,
        "Change your company's details",
        "Update the address, contacts or invoice details of your company.",
        [
            "Only company administrators can change company details.",
            "Open Account → Company details and edit the section.",
            "Changes to the company name or credit code are checked again before they apply.",
        ],
        "修改公司信息",
        "更新公司地址、联系人或开票信息。",
        [
            "只有公司管理员可以修改公司信息。",
            "打开“账户 → 公司信息”，编辑相应部分。",
            "公司名称或信用代码的变更需重新审核后生效。",
        ],
    ),
]
