"""Realistic catalog entries from phrase lists, for the demo data and the benchmarks.

Titles and bodies are made of phrases a provincial public security department publishes; the text
is deterministic for a given seed. Segmentation is memoised per sentence, so a million bodies can be
tokenised quickly (bench/catalog_generate.py).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

PLACES = ["银川市", "石嘴山市", "吴忠市", "固原市", "中卫市", "宁东基地", "兴庆区", "金凤区", "西夏区", "永宁县",
          "贺兰县", "灵武市", "平罗县", "青铜峡市", "盐池县", "同心县", "西吉县", "隆德县", "泾源县", "彭阳县",
          "中宁县", "海原县"]
TOPICS = ["夏季治安打击整治", "电信网络诈骗打击治理", "道路交通安全整治", "禁毒宣传教育", "常态化扫黑除恶",
          "户籍管理便民服务", "“放管服”改革", "反恐防暴应急演练", "校园及周边安全整治", "冬季火灾防控",
          "网络安全宣传周", "打击整治枪爆违法犯罪", "打击食品药品环境犯罪", "打击整治养老诈骗", "平安宁夏建设",
          "执法规范化建设", "智慧警务建设", "护航高考", "“净网”专项行动", "“昆仑”专项行动", "夏夜治安巡查宣防",
          "农村道路交通安全", "危险化学品安全监管", "寄递物流安全管理", "重点人员服务管理", "出入境便民措施",
          "机动车驾驶人考试", "居民身份证异地办理", "新时代“枫桥经验”", "矛盾纠纷排查化解"]
ACTIONS = ["召开", "部署开展", "深入推进", "扎实开展", "全面启动", "圆满完成", "持续推进", "集中开展"]
MEETING = ["工作会议", "推进会", "视频调度会", "新闻发布会", "座谈会", "专题培训班", "现场观摩会"]
NOUNS = ["工作", "行动", "活动", "整治"]
ORGS = ["公安厅", "自治区公安厅", "全区公安机关", "厅党委", "交警总队", "治安总队", "刑侦总队", "网安总队",
        "出入境管理局", "法制总队", "督察总队", "宣传处", "警保部", "人训处"]
CRIMES = ["电信网络诈骗", "盗窃电动车", "非法集资", "跨境赌博", "贩卖毒品", "拐卖妇女儿童", "侵犯公民个人信息",
          "制售假药", "非法采矿", "涉黑涉恶"]
PROCUREMENT = ["执法记录仪", "警用车辆", "视频监控系统升级", "办公设备", "警用装备", "信息系统运维服务",
               "数据中心机房改造", "被装", "业务用房维修", "网络安全等级保护测评"]
DOCS = ["管理办法", "实施细则", "工作规定", "实施方案", "办事指南", "服务承诺", "工作规范", "考核办法"]
SUBJECTS = ["户籍业务", "居民身份证办理", "居住证办理", "机动车登记", "驾驶证申领", "出入境证件办理",
            "行政许可事项", "行政处罚裁量基准", "警务辅助人员管理", "政务公开工作", "网上办事服务",
            "公章刻制业务", "旅馆业治安管理", "保安服务管理", "犬只管理", "烟花爆竹燃放管理"]
ROLES = ["人民警察", "警务辅助人员", "文职人员", "特警队员", "交通协管员"]

SENTENCES = [
    "为深入贯彻落实党中央和自治区党委、政府决策部署，{org}{action}{topic}{noun}。",
    "{year}年以来，{place}公安机关紧紧围绕{topic}，坚持问题导向，取得明显成效。",
    "会议要求，各级公安机关要进一步提高政治站位，切实增强做好{topic}工作的责任感和紧迫感。",
    "截至目前，全区共破获{crime}案件{n}起，抓获犯罪嫌疑人{m}名，为群众挽回经济损失{k}万元。",
    "{place}公安局结合辖区实际，创新工作机制，推出户籍办理“一窗通办”等便民利民措施{n}项。",
    "群众可通过公安厅门户网站、政务服务平台或者就近到派出所户籍窗口办理相关业务。",
    "下一步，{org}将持续深化{topic}，不断提升人民群众的获得感、幸福感、安全感。",
    "活动期间，民警深入社区、学校、企业开展宣传{n}场次，发放宣传资料{m}余份。",
    "{org}严格落实“谁制定、谁公开、谁负责”的原则，依法及时公开相关政府信息，接受社会监督。",
    "本办法适用于全区公安机关{subject}的管理和监督工作，自发布之日起施行。",
    "申请人应当提交居民身份证、户口簿等材料，公安机关应当在规定时限内办结。",
    "对违反本规定的，依照有关法律、法规的规定予以处理；构成犯罪的，依法追究刑事责任。",
    "各地公安机关要加强组织领导，明确责任分工，确保各项工作措施落到实处。",
    "{place}交警部门加大对酒驾醉驾、超员超载等严重交通违法行为的查处力度，查处交通违法行为{n}起。",
    "广大群众如发现相关违法犯罪线索，请及时拨打110报警或者向当地公安机关举报。",
    "本次采购项目预算金额{k}万元，采用公开招标方式，欢迎符合条件的供应商参加投标。",
    "经审查，{n}名考生进入体检环节，现将有关事项公示如下，公示期为5个工作日。",
    "{org}高度重视政务公开工作，通过门户网站“警务公开”栏目主动公开政府信息{n}条。",
]


@dataclass(frozen=True)
class Generated:
    title: str
    paragraphs: list[str]
    document_number: str
    body_tokens: str  # the body's tokens for the search index, as search.segment would make them

    @property
    def title_tokens(self) -> str:
        return segmented(self.title)


_FIELD = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=256)
def _parts(template: str) -> list[tuple[bool, str]]:
    """A sentence template as (is_field, text) parts."""
    parts, last = [], 0
    for match in _FIELD.finditer(template):
        if match.start() > last:
            parts.append((False, template[last:match.start()]))
        parts.append((True, match.group(1)))
        last = match.end()
    if last < len(template):
        parts.append((False, template[last:]))
    return parts


def _fill(rng: random.Random, template: str, year: int) -> tuple[str, str]:
    """A sentence and its tokens; the template's literal text and each filled value are segmented
    once and remembered, so that millions of sentences are cheap."""
    values = {
        "org": rng.choice(ORGS), "action": rng.choice(ACTIONS), "topic": rng.choice(TOPICS),
        "noun": rng.choice(NOUNS), "place": rng.choice(PLACES), "year": str(year), "crime": rng.choice(CRIMES),
        "subject": rng.choice(SUBJECTS), "n": str(rng.randint(3, 980)), "m": str(rng.randint(10, 9000)),
        "k": str(rng.randint(5, 3000)),
    }
    text, tokens = [], []
    for is_field, part in _parts(template):
        value = values[part] if is_field else part
        text.append(value)
        tok = value if value.isdigit() else segmented(value)
        if tok:
            tokens.append(tok)
    return "".join(text), " ".join(tokens)


def title_for(rng: random.Random, section: str, year: int) -> str:
    topic, place, org = rng.choice(TOPICS), rng.choice(PLACES), rng.choice(ORGS)
    subject, doc = rng.choice(SUBJECTS), rng.choice(DOCS)
    choices = {
        "news": [f"{org}{rng.choice(ACTIONS)}{topic}{rng.choice(NOUNS)}", f"{place}公安局{topic}取得阶段性成效",
                 f"全区公安机关{rng.choice(ACTIONS)}{topic}"],
        "meetings": [f"{org}{rng.choice(ACTIONS)}{topic}{rng.choice(MEETING)}",
                     f"全区公安机关{topic}{rng.choice(MEETING)}在{place}召开"],
        "notices": [f"关于{subject}有关事项的公告", f"{year}年度{rng.choice(ROLES)}招录拟录用人员公示",
                    f"关于{topic}的通告", f"{place}公安局关于{subject}调整的公告"],
        "announcements": [f"关于开展{topic}的通知", f"关于做好{year}年{subject}工作的通知",
                          f"关于{subject}系统升级暂停服务的通知"],
        "regulations": [f"宁夏公安厅{subject}{doc}", f"宁夏回族自治区公安厅关于{subject}的{doc}",
                        f"宁夏公安厅{subject}{doc}（试行）"],
        "lists": [f"宁夏公安厅{subject}权责清单", f"{subject}行政处罚裁量基准", f"{subject}收费项目及标准"],
        "recruitment": [f"{year}年全区公安机关招录{rng.choice(ROLES)}公告",
                        f"{year}年{rng.choice(ROLES)}招聘体检结果公示",
                        f"{year}年公安厅{rng.choice(ROLES)}拟录用人员名单公示"],
        "budget": [f"宁夏公安厅{year}年部门预算公开", f"宁夏公安厅{year}年部门决算公开",
                   f"宁夏公安厅{year}年“三公”经费预算说明"],
        "procurement": [f"宁夏公安厅{rng.choice(PROCUREMENT)}采购项目公开招标公告",
                        f"{rng.choice(PROCUREMENT)}项目中标结果公告", f"{rng.choice(PROCUREMENT)}项目竞争性磋商公告"],
        "projects": [f"{place}公安业务技术用房建设项目批准情况", f"公安大数据智能化建设项目实施情况（{year}年）"],
        "supervision": [f"{year}年第{rng.randint(1, 4)}季度警务督察工作情况通报", f"关于{topic}执法检查情况的通报"],
        "cyber_alerts": [f"警惕！{rng.choice(CRIMES)}新套路", f"网安提示：关于{topic}的风险提示",
                         f"关于“{rng.choice(CRIMES)}”谣言的澄清说明"],
        "site_reports": [f"宁夏公安厅门户网站{year}年工作年度报表"],
        "secrecy_notes": [f"保密宣传月：{topic}中的保密常识", "保密法规知识问答"],
        "public_order": [f"{year}年全区治安形势分析", f"{place}{topic}统计数据", f"关于加强{subject}的通告"],
        "wanted": [f"{place}公安局关于{rng.choice(CRIMES)}案件的悬赏通告",
                   f"宁夏公安厅A级通缉令（{year}年第{rng.randint(1, 9)}号）"],
        "crime": [f"{place}警方成功侦破一起{rng.choice(CRIMES)}案", f"全区公安机关{topic}战果通报",
                  f"{place}公安局破获特大{rng.choice(CRIMES)}案"],
        "traffic": [f"{year}年全区道路交通安全形势通报", f"{place}交警关于{topic}的提示", "节假日道路交通安全出行提示"],
        "household": [f"{subject}办事指南", f"{place}户籍窗口{subject}便民措施"],
        "vehicles": [f"{subject}办事指南", f"关于{subject}“跨省通办”的公告"],
        "exit_entry": [f"{subject}办事指南", f"出入境管理局关于{topic}的公告"],
        "interviews": [f"在线访谈：{topic}答网友问", f"{org}负责人就{topic}答记者问"],
        "integrity": [f"{year}年政务诚信建设工作情况", "民警诚信教育专题培训"],
        "procurement_credit": [f"{year}年政府采购不良行为记录公示", "招标代理机构信用信息公开"],
        "annual_reports": [f"宁夏公安厅{year}年政府信息公开工作年度报告"],
        "leaders": ["厅领导简介及分工", f"{year}年厅领导分工调整情况"],
        "organization": ["宁夏公安厅职责及内设机构", "厅属各部门办公地址及联系方式"],
    }
    return rng.choice(choices.get(section, [f"关于{topic}的情况说明"]))


def generate(rng: random.Random, section: str, year: int, paragraphs: int | None = None) -> Generated:
    count = paragraphs or rng.randint(3, 6)
    body, tokens = [], []
    for _ in range(count):
        sentences = [_fill(rng, rng.choice(SENTENCES), year) for _ in range(rng.randint(2, 4))]
        body.append("".join(s for s, _ in sentences))
        tokens += [t for _, t in sentences]
    number = f"宁公{rng.choice(['通', '发', '办', '字'])}〔{year}〕{rng.randint(1, 199)}号"
    return Generated(title_for(rng, section, year), body, number, " ".join(tokens))


@lru_cache(maxsize=200_000)
def segmented(sentence: str) -> str:
    from zwgk.catalog.search import segment

    return " ".join(segment(sentence))


def dates(rng: random.Random, start: date, end: date, n: int) -> Iterator[date]:
    """``n`` publication dates between ``start`` and ``end``, sorted, on weekdays."""
    span = (end - start).days
    days = sorted(rng.randint(0, span) for _ in range(n))
    for offset in days:
        day = start + timedelta(days=offset)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        yield max(day, start)
