"""Demo sections: every department keeps at least one (Art. 25, annex 4). Demo catalog: the seed
document itself (its own index number), the disclosure guide, a few hundred realistic entries across
the sections, and a few entries in the review flow for the workbench."""

from __future__ import annotations

import random
from datetime import date, datetime, time
from pathlib import Path

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from zwgk.catalog import generator, search, selectors
from zwgk.catalog.models import Category, Entry, ReviewRecord, Section
from zwgk.core.models import current_site
from zwgk.events.services import record
from zwgk.org.models import Department

DISC, SERV, INTER, INTEG = Section.DISCLOSURE, Section.SERVICES, Section.INTERACTION, Section.INTEGRITY
SECTIONS = [
    ("notices", "公示公告", DISC, "office", "需要社会公众知晓的公示、公告"),
    ("announcements", "通知公告", DISC, "office", "通知、通告"),
    ("catalog", "信息公开目录", DISC, "office", "全部主动公开信息的目录"),
    ("guide", "政府信息公开指南", DISC, "office", "公开的范围、方式、途径和联系方式"),
    ("annual_reports", "政府信息公开年报", DISC, "office", "政府信息公开工作年度报告"),
    ("news", "公安要闻", DISC, "publicity", "全区公安工作要闻"),
    ("meetings", "会议活动", DISC, "publicity", "重要会议和活动"),
    ("leaders", "领导信息", DISC, "personnel", "厅领导简介及分工"),
    ("organization", "机构设置", DISC, "personnel", "职责、内设机构、办公地址与联系方式"),
    ("recruitment", "人事招录", DISC, "personnel", "民警、警务辅助人员招考录用信息"),
    ("budget", "财政预决算", DISC, "logistics", "公安厅本级财政预算、决算"),
    ("procurement", "政府采购", DISC, "logistics", "政府集中采购项目及招投标信息"),
    ("projects", "重大建设项目", DISC, "logistics", "重大建设项目批准和实施情况"),
    ("regulations", "法规文件", DISC, "legal", "法律、法规、规章和规范性文件"),
    ("lists", "权责清单", DISC, "legal", "重点领域信息公开（双清单）"),
    ("supervision", "警务督察", DISC, "inspection", "警务督察工作情况"),
    ("cyber_alerts", "网络安全提示", DISC, "cyber", "网络安全风险提示与防范"),
    ("site_reports", "网站工作年度报表", DISC, "tech", "政府网站工作年度报表"),
    ("secrecy_notes", "保密宣传", DISC, "secrecy", "保密法规与宣传"),
    ("public_order", "治安管理", DISC, "public_order", "治安管理政策与统计数据"),
    ("wanted", "通缉令", DISC, "criminal", "公安机关发布的通缉令"),
    ("crime", "打击犯罪", DISC, "criminal", "重大案（事）件侦破情况"),
    ("traffic", "交通安全", DISC, "traffic", "道路交通安全管理情况"),
    ("online_services", "网上办事", SERV, "legal", "统一网上办事平台（外网受理、内网审批、外网反馈）"),
    ("apply", "依申请公开", SERV, "office", "在线提交政府信息公开申请"),
    ("household", "户籍办理", SERV, "public_order", "户籍业务办事指南"),
    ("vehicles", "交管业务", SERV, "traffic", "驾驶证、机动车业务办事指南"),
    ("exit_entry", "出入境业务", SERV, "exit_entry", "护照、港澳台通行证办事指南"),
    ("mailbox", "厅长信箱", INTER, "office", "业务咨询、监督投诉、线索举报、意见建议"),
    ("interviews", "在线访谈", INTER, "publicity", "厅领导及部门负责人在线访谈"),
    ("integrity", "政务诚信", INTEG, "personnel", "民警诚信建设与政务失信记录"),
    ("procurement_credit", "采购诚信", INTEG, "logistics", "政府采购及招标投标信用信息"),
]

# Which of Art. 8's categories a section's entries belong to (the first is the usual one).
SECTION_CATEGORIES = {
    "notices": ["commitments", "convenience", "other"], "announcements": ["policies", "convenience"],
    "annual_reports": ["statistics"], "news": ["campaigns", "public_security", "policies"],
    "meetings": ["policies", "foreign_affairs"], "leaders": ["organization"], "organization": ["organization"],
    "recruitment": ["recruitment"], "budget": ["budget"], "procurement": ["procurement"],
    "projects": ["construction"], "regulations": ["laws"], "lists": ["penalties", "licensing", "fees"],
    "supervision": ["inspections"], "cyber_alerts": ["rumours", "convenience"], "site_reports": ["statistics"],
    "secrecy_notes": ["other"], "public_order": ["public_security", "statistics"], "wanted": ["wanted"],
    "crime": ["major_cases", "campaigns"], "traffic": ["public_security", "emergencies", "convenience"],
    "household": ["licensing", "convenience"], "vehicles": ["licensing", "convenience"],
    "exit_entry": ["licensing", "convenience"], "interviews": ["policies"], "integrity": ["other"],
    "procurement_credit": ["procurement"],
}
# How many demo entries each section gets (a few hundred in all).
SECTION_WEIGHTS = {"news": 60, "notices": 30, "announcements": 30, "crime": 25, "traffic": 20, "public_order": 15,
                   "regulations": 15, "procurement": 15, "recruitment": 12, "cyber_alerts": 12, "wanted": 8}
DEFAULT_WEIGHT = 4

SEED_FILE = Path(__file__).parent / "demo_data" / "seed-2018.txt"
SEED_INDEX_NUMBER = "11640000010065393W/2018-091101"
SEED_TITLE = "宁夏公安厅政务公开工作实施办法"


def seed_document_lines() -> list[str]:
    """The seed document's text as on its page: from its heading to Art. 45."""
    lines = [line.strip() for line in SEED_FILE.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line == "(试行)") - 2
    end = next(i for i, line in enumerate(lines) if line.startswith("第四十五条"))
    return [line for line in lines[start:end + 1] if line]


# Sections whose page is another app's: the application form and the director's mailbox.
SECTION_PAGES = {"apply": "applications:apply", "mailbox": "interaction:mailbox"}


def _load_sections() -> dict[str, Section]:
    departments = {d.code: d for d in Department.objects.all()}
    for order, (code, name, channel, dept, description) in enumerate(SECTIONS, start=1):
        page = SECTION_PAGES.get(code)
        Section.objects.update_or_create(
            code=code,
            defaults={"name": name, "channel": channel, "department": departments[dept],
                      "description": description, "order": order, "link": reverse(page) if page else ""},
        )
    return {s.code: s for s in Section.objects.select_related("department")}


def _publisher(section: Section) -> str:
    short = section.department.name.split("（")[0]
    return f"公安厅{short}"


def _guide_body() -> str:
    site = current_site()
    parts = [
        f"为了更好地为公民、法人和其他组织获取{site.department_name}政府信息提供服务，根据《中华人民共和国政府信息公开条例》"
        "和《宁夏公安厅政务公开工作实施办法》，编制本指南。",
        "一、主动公开。公开范围见《宁夏公安厅政务公开工作实施办法》第八条所列二十二类信息；公开形式为门户网站“警务公开”栏目、"
        "政务“两微一端”、新闻发布会以及报刊、广播、电视等。属于主动公开范围的信息，自信息形成或者变更之日起5个工作日内予以公开。",
        "二、依申请公开。公民、法人或者其他组织可以通过门户网站“依申请公开”栏目在线提交申请，也可以通过信件、传真、电子邮件或者"
        "当面提交书面申请。申请内容不明确的，政务公开办公室在收到申请后7个工作日内一次性书面告知补正。",
        "能够当场答复的当场答复；不能当场答复的，自收到申请之日起15个工作日内答复；需要延长答复期限的，经政务公开办公室负责人同意"
        "并告知申请人，延长的期限最长不超过15个工作日。征求第三方意见所需时间不计算在内。",
        "三、受理机构。" + f"{site.department_name}政务公开办公室（设在办公室）。"
        + (f"办公地址：{site.address}。" if site.address else "")
        + (f"办公时间：{site.office_hours}。" if site.office_hours else "")
        + (f"联系电话：{site.phone}。" if site.phone else ""),
        "四、监督和救济。申请人认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。",
    ]
    return "".join(f"<p>{p}</p>" for p in parts)


def _entry(section: Section, category: Category, title: str, body: str, published_on: date, index_number: str, *,
           document_number: str = "", publisher: str | None = None, imported: bool = False,
           **extra: object) -> Entry:
    return Entry(
        index_number=index_number, title=title, publisher=publisher or _publisher(section),
        department=section.department, published_on=published_on, category=category, section=section,
        document_number=document_number, body=body, status=Entry.PUBLISHED, imported=imported,
        created_at=timezone.make_aware(datetime.combine(published_on, time(9, 0))),
        **extra,
    )


def _load_entries(sections: dict[str, Section]) -> int:
    from zwgk.catalog.services import reserve_index_numbers

    if Entry.objects.filter(index_number=SEED_INDEX_NUMBER).exists():
        return 0
    categories = {c.code: c for c in Category.objects.all()}
    seed_body = "".join(f"<p>{escape(line)}</p>" for line in seed_document_lines())
    guide_number = reserve_index_numbers(2024, 1)[0]
    entries = [
        _entry(sections["regulations"], categories["laws"], SEED_TITLE, seed_body, date(2018, 9, 11),
               SEED_INDEX_NUMBER, publisher="公安厅办公室", imported=True),
        _entry(sections["guide"], categories["organization"], f"{current_site().department_name}政府信息公开指南",
               _guide_body(), date(2024, 1, 10), guide_number, publisher="公安厅办公室"),
    ]
    tokens = [search.entry_tokens(e.title, e.body) for e in entries]
    rng = random.Random(20180911)
    plan = []
    for code, cats in SECTION_CATEGORIES.items():
        plan += [(code, cats)] * SECTION_WEIGHTS.get(code, DEFAULT_WEIGHT)
    published = list(generator.dates(rng, date(2018, 10, 8), timezone.localdate(), len(plan)))
    rng.shuffle(plan)
    numbers: dict[int, list[str]] = {}
    for year in sorted({d.year for d in published}):
        numbers[year] = reserve_index_numbers(year, sum(1 for d in published if d.year == year))
    for (code, cats), day in zip(plan, published, strict=True):
        generated = generator.generate(rng, code, day.year)
        body = "".join(f"<p>{p}</p>" for p in generated.paragraphs)
        extra: dict[str, object] = {}
        if code == "news" and rng.random() < 0.15:
            extra = {"repost_source": "公安部网站", "repost_url": "https://www.mps.gov.cn/",
                     "repost_at": timezone.make_aware(datetime(day.year, day.month, day.day, 9, 30))}
        if code == "regulations" and rng.random() < 0.3:
            extra["validity"] = rng.choice([Entry.AMENDED, Entry.REPEALED])
        entries.append(_entry(sections[code], categories[rng.choice(cats)], generated.title, body, day,
                              numbers[day.year].pop(0),
                              document_number=generated.document_number if code in ("regulations", "announcements")
                              else "", **extra))
        tokens.append((generated.title_tokens, generated.body_tokens))
    for entry, (title_tokens, body_tokens) in zip(entries, tokens, strict=True):
        entry.search_tokens = search.stored_tokens(title_tokens, body_tokens)
    created = Entry.objects.bulk_create(entries, batch_size=200)
    if any(e.pk is None for e in created):
        created = list(Entry.objects.filter(index_number__in=[e.index_number for e in entries]).order_by("id"))
        by_number = {e.index_number: e.pk for e in created}
        for entry in entries:
            entry.pk = by_number[entry.index_number]
    search.bulk_index([(e.pk, t, b, search.facet_tokens(e.published_on, e.section_id, e.category_id))
                       for e, (t, b) in zip(entries, tokens, strict=True)])
    _load_ledger([e for e in entries if not e.imported])
    record(entries[0], "imported", note=f"演示数据：导入存量信息，索引号 {SEED_INDEX_NUMBER}")
    transaction.on_commit(selectors.catalog_changed)
    return len(entries)


def _load_ledger(entries: list[Entry]) -> None:
    """The review ledger rows the real flow leaves (Art. 4, annex 2): each demo entry was approved by
    its department's head in the content and secrecy review on the day it was published, so the
    assessment's ledger indicator counts only what a real gap would be."""
    from zwgk.org.models import Staff

    heads = {s.department_id: s for s in Staff.objects.filter(username__endswith="_head", roles__code="dept_head")}
    rows = []
    for entry in entries:
        head = heads.get(entry.department_id)
        rows.append(ReviewRecord(
            entry_id=entry.pk, item=entry.title[:300], stage=ReviewRecord.CONTENT, reviewer=head,
            reviewer_name=head.display_name if head else f"{entry.department.name}负责人",
            department_name=entry.department.name, reviewed_on=entry.published_on, at=entry.created_at,
            decision=ReviewRecord.APPROVE, opinion="同意公开",
        ))
    ReviewRecord.objects.bulk_create(rows, batch_size=500)


def _load_flow(sections: dict[str, Section]) -> int:
    """A few entries in the review flow so that the workbench has something to show."""
    from zwgk.catalog import services
    from zwgk.org.models import Staff

    if Entry.objects.exclude(status__in=[Entry.PUBLISHED, Entry.WITHDRAWN]).exists():
        return 0
    handler = Staff.objects.filter(username="publicity_handler").first()
    office_handler = Staff.objects.filter(username="office_handler").first()
    if handler is None or office_handler is None or not handler.has_role("handler"):
        return 0
    services.do_create_draft(
        actor=handler, title="全区公安机关开展冬季道路交通安全宣传活动", section="news", category="campaigns",
        disclosure_attribute=Entry.PUBLIC,
        body="<p>近日，全区公安机关集中开展冬季道路交通安全宣传活动，提醒广大驾驶人雨雪天气减速慢行。</p>",
    )
    services.do_create_draft(
        actor=office_handler, title="关于调整政务公开办公室办公时间的公告", section="notices",
        category="organization", disclosure_attribute=Entry.PUBLIC,
        body="<p>自2026年12月1日起，政务公开办公室办公时间调整为工作日上午8:30—12:00，下午14:30—18:00。</p>",
    )
    return 2


def ensure_reference_data() -> None:
    """The categories of Art. 8, the index-number pattern and the sensitive words, as the migrations
    seed them (a live-server test flushes the database between tests)."""
    import importlib

    from django.apps import apps

    for name in ("0003_categories", "0006_reference_data"):
        importlib.import_module(f"zwgk.catalog.migrations.{name}").seed(apps, None)


@transaction.atomic
def load() -> str:
    from zwgk.core.models import SiteProfile
    from zwgk.portal import demo as portal_demo

    ensure_reference_data()
    if not SiteProfile.objects.exists():
        portal_demo.load()  # index numbers begin with the site's unified code
    sections = _load_sections()
    entries = _load_entries(sections)
    flow = _load_flow(sections)
    return f"{len(SECTIONS)}个栏目，目录条目新增{entries}条，待办演示{flow}条"
