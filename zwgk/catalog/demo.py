"""Demo sections: every department keeps at least one (Art. 25, annex 4)."""

from __future__ import annotations

from zwgk.catalog.models import Section
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


def load() -> str:
    departments = {d.code: d for d in Department.objects.all()}
    for order, (code, name, channel, dept, description) in enumerate(SECTIONS, start=1):
        Section.objects.update_or_create(
            code=code,
            defaults={"name": name, "channel": channel, "department": departments[dept],
                      "description": description, "order": order},
        )
    return f"{len(SECTIONS)}个栏目"
