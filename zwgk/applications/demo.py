"""Demo applications (never in production): a dozen cases in varied states with 2026 dates, made
through the services so each has its events, letters and deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

from zwgk.applications import services
from zwgk.applications.models import Application
from zwgk.org.models import Staff
from zwgk.privacy.ids import credit_code_check_char, resident_id_check_char

MARK = "（演示）"


def _rid(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def _credit(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


PERSON = {"applicant_type": "natural_person", "id_type": "resident_id", "delivery": "email"}
CASES: list[dict[str, Any]] = [
    {"name": "张明", "id_number": _rid("64010419850312123"), "phone": "13909510001", "email": "zhangming@example.cn",
     "description": "2025年全区道路交通事故统计年报", "channel": "online", "received_on": date(2026, 3, 2),
     "steps": [("transfer", "clerk", {"lead": "traffic"}, date(2026, 3, 3))]},
    {"name": "李娟", "id_number": _rid("64020219900105234"), "phone": "13909510002", "email": "lijuan@example.cn",
     "description": "银川市户籍迁入政策文件及办理流程", "channel": "mail", "received_on": date(2026, 3, 10),
     "steps": [("request_supplement", "clerk", {"items": ["请说明所需文件的年份或文号"]}, date(2026, 3, 12))]},
    {"name": "王强", "id_number": _rid("64030319781120345"), "phone": "13909510003", "email": "",
     "delivery": "pickup", "description": "本人2025年申领护照的审批记录", "channel": "in_person",
     "received_on": date(2026, 4, 7),
     "steps": [("reply", "clerk", {"outcome": "not_an_application", "content": "请向出入境管理部门咨询。"},
                date(2026, 4, 7))]},
    {"applicant_type": "legal_person", "id_type": "credit_code", "name": "赵律师",
     "organization": "宁夏某某律师事务所", "organization_type": "legal_service",
     "id_number": _credit("91640100MA76ABCD1"), "phone": "0951-5550101", "email": "office@lawfirm.example.cn",
     "description": "2025年全厅行政处罚案件数量统计", "channel": "email", "received_on": date(2026, 5, 6),
     "steps": [
         ("transfer", "clerk", {"lead": "legal", "assisting": ["public_order"]}, date(2026, 5, 7)),
         ("draft_reply", "legal_handler", {"outcome": "disclosed", "content": "随本答复书附统计表一份。",
                                           "reviews": ["legal"]}, date(2026, 5, 15)),
         ("sign_off", "legal_head", {"decision": "approve"}, date(2026, 5, 18)),
         ("sign_off", "legal_handler", {"decision": "approve"}, date(2026, 5, 18)),
         ("sign_off", "clerk", {"decision": "approve"}, date(2026, 5, 19)),
         ("sign_off", "leader", {"decision": "approve"}, date(2026, 5, 20)),
         ("reply", "legal_handler", {}, date(2026, 5, 21)),
     ]},
    {"name": "陈红", "id_number": _rid("64050219821230456"), "phone": "13909510005", "email": "chenhong@example.cn",
     "description": "某小区周边治安巡逻安排及警力部署情况", "channel": "online", "received_on": date(2026, 6, 1),
     "steps": [
         ("transfer", "clerk", {"lead": "public_order"}, date(2026, 6, 2)),
         ("draft_reply", "public_order_handler", {"outcome": "not_disclosed", "reason": "security_stability",
                                                  "content": "警力部署信息公开后可能危及社会稳定。",
                                                  "reviews": ["secrecy"]}, date(2026, 6, 10)),
         ("sign_off", "public_order_head", {"decision": "approve"}, date(2026, 6, 11)),
     ]},
    {"applicant_type": "legal_person", "id_type": "credit_code", "name": "刘经理",
     "organization": "宁夏某某科技有限公司", "organization_type": "commercial",
     "id_number": _credit("91640100MA76EFGH2"), "phone": "0951-5550202", "email": "liu@tech.example.cn",
     "description": "2026年全厅信息化建设项目招标文件", "channel": "online", "received_on": date(2026, 7, 1),
     "steps": [
         ("transfer", "clerk", {"lead": "tech", "assisting": ["logistics"]}, date(2026, 7, 2)),
         ("consult_third_party", "tech_handler", {"party": "宁夏某某信息技术公司", "contact": "0951-5550303"},
          date(2026, 7, 6)),
         ("third_party_replied", "tech_handler",
          {"consent": False, "opinion": "涉及本公司商业秘密，不同意公开报价明细。"},
          date(2026, 7, 16)),
         ("request_extension", "tech_handler", {"days": 10, "reason": "需对招标文件作区分处理"},
          date(2026, 7, 20)),
         ("approve_extension", "chief", {}, date(2026, 7, 21)),
         ("draft_reply", "tech_handler", {"outcome": "partly_disclosed", "reason": "third_party_rights",
                                          "content": "删除报价明细后提供。"},
          date(2026, 7, 30)),
     ]},
    {"name": "马丽", "id_number": _rid("64010419950618567"), "phone": "13909510007", "email": "mali@example.cn",
     "description": "2025年全区电信网络诈骗案件发案数", "channel": "fax", "received_on": date(2026, 8, 3),
     "steps": [("withdraw", "clerk", {"reason": "申请人来电表示已从公开渠道获得"}, date(2026, 8, 5))]},
    {"name": "李娟", "id_number": _rid("64020219900105234"), "phone": "13909510002", "email": "lijuan@example.cn",
     "description": "银川市户籍迁入政策文件及具体办理流程", "channel": "online", "received_on": date(2026, 9, 14),
     "steps": []},
    {"name": "周涛", "id_number": _rid("64040219880808678"), "phone": "13909510009", "email": "",
     "delivery": "paper", "address": "宁夏银川市兴庆区某某路1号",
     "description": "2024年度厅机关部门预算公开文本", "channel": "mail", "received_on": date(2026, 10, 12),
     "steps": [("reply", "clerk", {"outcome": "already_public",
                                   "content": "该信息已在本厅门户网站“警务公开—财政预决算”栏目公开。"},
                date(2026, 10, 13))]},
    {"applicant_type": "legal_person", "id_type": "credit_code", "name": "孙教授",
     "organization": "宁夏某大学法学院", "organization_type": "research",
     "id_number": _credit("12640000MB1234561"), "phone": "0951-5550404", "email": "sun@univ.example.cn",
     "description": "近三年交通违法处理程序规定的执行情况", "channel": "online", "received_on": date(2026, 11, 2),
     "steps": [("transfer", "clerk", {"lead": "traffic"}, date(2026, 11, 3)),
               ("draft_reply", "traffic_handler", {"outcome": "needs_creation"}, date(2026, 11, 16))]},
    {"name": "吴芳", "id_number": _rid("64010419700101789"), "phone": "13909510011", "email": "",
     "delivery": "pickup", "description": "出入境证件办理窗口设置情况", "channel": "in_person",
     "received_on": date(2026, 11, 20), "steps": [("transfer", "clerk", {"lead": "exit_entry"}, date(2026, 11, 20))]},
    {"name": "郑伟", "id_number": _rid("64020219920909890"), "phone": "13909510012", "email": "zhengwei@example.cn",
     "description": "公安厅机关2026年公务用车配备情况", "channel": "online", "received_on": date(2026, 11, 26),
     "steps": []},
]


def load() -> str:
    if Application.objects.filter(purpose=MARK).exists():
        return f"已有演示申请{Application.objects.count()}件"
    clerk = Staff.objects.get(username="clerk")
    for case in CASES:
        data = {**PERSON, **{k: v for k, v in case.items() if k != "steps"}, "purpose": MARK}
        application, _ = services.do_submit(data, actor=clerk)
        for action, username, body, on in case["steps"]:
            actor = Staff.objects.get(username=username)
            application = services.ACTIONS.perform(Application.objects.get(pk=application.pk), action,
                                                   actor=actor, body={**body, "on": on})
    return f"演示申请{len(CASES)}件"
