"""Reference data every installation needs, demo or production (``manage.py setup`` and the demo
loader both read it): the departments of Art. 6 with their duties and the routing of the four kinds
of citizen message by responsibility (业务归口, Art. 29, annex 4). Staff change both afterwards."""

from __future__ import annotations

DEPARTMENTS = [
    ("office", "办公室（政务公开办公室）", "组织协调、指导推进、监督检查政务公开工作；门户网站运行维护监管（第六条）"),
    ("personnel", "人训处", "政务公开工作力量；领导及机构信息栏目；政务诚信建设"),
    ("publicity", "宣传处", "政务新媒体；公安要闻、在线访谈及会议活动栏目"),
    ("logistics", "警保部", "经费保障；预决算、重大建设项目、招投标信息公开"),
    ("legal", "法制总队", "网上办事平台；涉法信息审核；法规及规范性文件栏目；行政复议与诉讼"),
    ("inspection", "督察总队", "监督各部门履行政务公开及门户网站工作职责"),
    ("cyber", "网安总队", "门户网站安全防范技术指导、漏洞监测、攻击处置"),
    ("tech", "科信局", "门户网站技术开发及网络与信息安全"),
    ("secrecy", "厅保密办", "对是否涉密不能确定的信息作出审查决定（第四条）"),
    ("public_order", "治安总队", "治安、户籍业务信息公开与互动"),
    ("criminal", "刑侦总队", "刑事案件侦破、通缉令信息公开"),
    ("traffic", "交警总队", "道路交通安全管理信息公开与互动"),
    ("exit_entry", "出入境管理局", "出入境业务信息公开与互动"),
]

# Routing rules: (matter, kind or "" for every kind, keywords, department code).
ROUTES = [
    ("户籍业务", "", "户籍 户口 落户 迁移 身份证 居住证 改名", "public_order"),
    ("治安管理", "", "治安 噪音 扰民 娱乐场所 旅馆 养犬 烟花", "public_order"),
    ("出入境业务", "", "护照 港澳 通行证 签证 出入境 出国", "exit_entry"),
    ("交通管理", "", "驾驶证 驾照 车辆 违章 违法停车 交通 车牌 年检 事故", "traffic"),
    ("违法犯罪线索", "tip_off", "诈骗 盗窃 赌博 吸毒 传销 犯罪 团伙 涉黑", "criminal"),
    ("网络安全", "", "网络 网站 诈骗电话 网上 谣言 黑客 个人信息泄露", "cyber"),
    ("涉警投诉", "complaint", "民警 警察 辅警 态度 执法 刁难 推诿", "inspection"),
    ("人事招录", "", "招录 招聘 辅警 录用 考试", "personnel"),
    ("采购与经费", "", "采购 招标 投标 中标 经费", "logistics"),
    ("法规与复议", "", "法规 规范性文件 复议 诉讼 处罚决定", "legal"),
    ("政务公开与其他", "", "", "office"),
]
