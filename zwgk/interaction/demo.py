"""Demo citizen messages (never in production): about thirty in every state, with 2026 dates,
some answered and shown publicly (masked), new-media accounts and items."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from zwgk.interaction import services
from zwgk.interaction.models import Message, PlatformAccount
from zwgk.org.models import Department, Staff

TZ = ZoneInfo("Asia/Shanghai")
ACCOUNTS = [("微信", "宁夏公安"), ("微博", "宁夏公安"), ("抖音", "宁夏公安"), ("今日头条", "宁夏公安")]

# (kind, title, body, name, phone, id_number, public, received "MM-DD HH:MM", plan, department, complexity)
# plans: new, routed, answered, legal (awaiting legal), legal_done, explained, closed (abusive),
# passed_on (answered after collective review), head (a complaint's reply awaiting the head's approval);
# complaints, tip-offs and major messages are answered with the department head's approval (Art. 29)
MAILBOX = [
    ("consultation", "身份证到期换领需要什么材料",
     "我的身份证下个月到期，请问在银川换领需要带什么材料？能否异地办理？", "李明", "13995012345", "", True,
     "01-05 09:12", "answered", "public_order", "simple"),
    ("consultation", "孩子落户咨询",
     "孩子在银川出生，父母户口在固原，孩子户口可以落在银川吗？我住在银川市兴庆区解放西街88号3单元501室。", "王芳",
     "13895123456", "", True, "01-12 15:40", "answered", "public_order", "simple"),
    ("suggestion", "建议增加出入境自助办证设备", "出入境大厅排队时间长，建议增加自助签注机。", "赵强", "18609512233",
     "", True, "02-03 10:05", "answered", "exit_entry", "complex"),
    ("complaint", "派出所民警办事态度差",
     "我于2026年3月2日到某派出所办理居住证，值班民警态度恶劣、推诿刁难。我的电话13709518888。", "孙丽",
     "13709518888", "640104198807150023", True, "03-04 11:20", "answered", "inspection", "simple"),
    ("tip_off", "举报小区内有人聚众赌博", "银川市金凤区某小区地下室每晚有人聚众赌博，请核查。", "周伟",
     "15009517766", "", False, "03-18 21:33", "answered", "criminal", "simple"),
    ("consultation", "驾驶证期满换证", "驾驶证明年到期，可以提前多久换证？体检在哪里做？", "吴静", "13519201122", "",
     True, "04-07 08:50", "answered", "traffic", "simple"),
    ("consultation", "港澳通行证续签", "港澳通行证签注能否网上办理？", "郑洁", "18295012345", "", True,
     "04-20 14:00", "answered", "exit_entry", "simple"),
    ("suggestion", "建议公开交通违法处理流程", "建议在网站公开交通违法处理流程和时限，方便群众。", "冯涛",
     "13079512345", "", True, "05-11 16:45", "legal_done", "traffic", "complex"),
    ("consultation", "行政处罚决定不服怎么办", "我对交警作出的行政处罚决定不服，可以申请行政复议吗？依据什么法规？",
     "陈刚", "13895234567", "", True, "05-26 10:10", "legal_done", "legal", "complex"),
    ("complaint", "辅警执法不规范", "交通路口辅警执法时言语粗暴，请督察部门核查。", "褚红", "13619512345", "", True,
     "06-08 09:30", "answered", "inspection", "complex"),
    ("consultation", "居住证办理进度",
     "我5月提交的居住证申请还没有消息，身份证号640102199001011237，电话13995012345。", "李明", "13995012345", "",
     True, "06-22 17:05", "answered", "public_order", "simple"),
    ("tip_off", "举报网络诈骗团伙", "有人在网上冒充客服实施诈骗，涉及多名受害人，请网安部门查处。", "卫东",
     "17795123456", "", True, "07-06 20:15", "explained", "criminal", "complex"),
    ("consultation", "人民网留言：户籍迁移政策", "（人民网·地方领导留言板转来）父母投靠子女迁移户口的政策是什么？",
     "蒋华", "13909512222", "", True, "07-20 09:00", "passed_on", "public_order", "complex"),
    ("suggestion", "建议延长户籍窗口周末服务时间", "上班族工作日没时间，建议户籍窗口周六全天服务。", "沈燕",
     "13469512345", "", True, "08-03 12:00", "answered", "public_order", "simple"),
    ("complaint", "报警后出警慢", "8月15日晚我报警后40分钟民警才到，希望改进。", "韩梅", "13995098765", "", True,
     "08-17 08:30", "answered", "inspection", "simple"),
    ("consultation", "护照丢失补办", "护照在国外丢失，回国后如何补办？", "杨光", "15809512345", "", True,
     "09-07 10:00", "answered", "exit_entry", "simple"),
    ("complaint", "国庆前投诉：窗口推诿", "9月29日在车管所办理业务时工作人员推诿，请核查。", "朱琳", "13895111222",
     "", True, "09-30 16:00", "head", "inspection", "simple"),
    ("consultation", "节后驾驶证业务办理时间", "国庆节后车管所哪天开始办公？", "秦松", "13709512468", "", True,
     "10-05 09:00", "routed", "traffic", "simple"),
    ("tip_off", "举报非法销售烟花爆竹", "某村有人无证销售烟花爆竹，存在安全隐患。", "尤佳", "13519512345", "", True,
     "10-20 11:00", "routed", "public_order", "simple"),
    ("suggestion", "建议开通户籍业务网上预约", "希望户籍业务可以网上预约取号。", "许诺", "18009512345", "", True,
     "11-02 15:30", "routed", "public_order", "simple"),
    ("consultation", "无犯罪记录证明怎么开", "出国留学需要无犯罪记录证明，去哪里开？", "何琪", "13995076543", "",
     True, "11-16 09:45", "legal", "criminal", "simple"),
    ("complaint", "对处理结果不满意", "我反映的噪音扰民问题派出所处理后仍未解决。", "吕翔", "13895176543", "", False,
     "11-20 10:30", "routed", "public_order", "complex"),
    ("consultation", "驾照扣分查询", "怎样查询驾驶证扣分情况？", "施瑶", "13619576543", "", True, "11-24 14:20",
     "new", "", ""),
    ("suggestion", "网站建议增加无障碍功能", "建议门户网站为视障人士提供读屏支持。", "张帆", "15009576543", "", True,
     "11-25 16:10", "new", "", ""),
    ("tip_off", "救命！有人持刀闯入邻居家", "现在有人持刀闯入隔壁邻居家，正在打人，地址兴庆区某小区。", "孔亮",
     "13995011111", "", True, "11-26 22:05", "new", "", ""),
    ("complaint", "垃圾警察", "你们这帮狗东西，什么都不管！", "匿名", "13000000001", "", True, "11-26 23:10",
     "closed", "", ""),
    ("complaint", "谩骂夹杂问题：路口红绿灯坏了没人管", "他妈的，某路口红绿灯坏了三天，交警也不管！", "曹勇",
     "13000000002", "", True, "11-27 08:15", "routed", "traffic", "simple"),
]

NEW_MEDIA = [
    ("微博", "宁夏公安", "wb-20261120-001", "塞上江南", "请问电动自行车上牌需要什么材料？", "11-20 19:30",
     "answered", "traffic"),
    ("微信", "宁夏公安", "wx-20261125-017", "贺兰山下", "小区门口总有车辆违停，能否处理？", "11-25 08:10", "routed",
     "traffic"),
    ("微博", "宁夏公安", "wb-20261126-088", "某代理", "低价出售枪支，私信详谈", "11-26 03:00", "new", ""),
    ("抖音", "宁夏公安", "dy-20261127-233", "黄河之滨", "户口本丢了怎么补办？", "11-27 12:45", "new", ""),
]

REPLIES = {
    "consultation": "您好！感谢您对公安工作的关注。经了解，您咨询的事项可携带本人身份证件"
                    "到户籍所在地或居住地办证窗口办理，具体材料清单可在门户网站“服务大厅”查询。"
                    "如有疑问，请拨打咨询电话。",
    "complaint": "您好！您反映的问题已收悉。经督察部门调查核实，已责令相关单位整改，"
                 "并对相关人员进行了批评教育。感谢您对公安工作的监督。",
    "tip_off": "您好！您举报的线索已收悉，已转相关部门核查处理。感谢您对打击违法犯罪工作的支持。",
    "suggestion": "您好！感谢您提出的宝贵意见和建议，我们已认真研究，将在今后工作中改进。欢迎您继续关心支持公安工作。",
}


def _at(text: str) -> datetime:
    month_day, hm = text.split()
    month, day = map(int, month_day.split("-"))
    hour, minute = map(int, hm.split(":"))
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def _handler(dept: str) -> Staff:
    return Staff.objects.get(username=f"{dept}_handler")


def _advance(message: Message, plan: str, dept: str, complexity: str, clerk: Staff) -> None:
    if plan == "new":
        return
    if plan == "closed":
        services.do_close(message, actor=clerk, note="谩骂性言论，不予回复（第三十五条）")
        return
    if plan == "passed_on":
        message = services.do_mark_passed_on(message, actor=clerk, source="人民网·地方领导留言板")
    if message.status == Message.RECEIVED:
        message = services.do_triage(message, actor=clerk, complexity=complexity or "simple", department=dept)
    elif complexity:
        message = services.do_triage(message, actor=clerk, complexity=complexity)
    handler = _handler(dept)
    if plan == "routed":
        return
    if plan == "explained":
        services.do_explain_delay(message, actor=handler,
                                  content="您举报的线索正在核查中，因侦查工作需要暂不宜答复具体情况，请予理解。")
        return
    if plan == "passed_on":
        message = services.do_collective_review(message, actor=clerk, note="经厅务会研究，按户籍迁移政策答复。")
    reply = REPLIES[message.kind]
    if plan in ("legal", "legal_done"):
        legal = "依据《中华人民共和国行政复议法》的规定，您可在法定期限内申请行政复议。"
        message = services.do_reply(message, actor=handler, content=reply + legal, legal_review=True)
        if plan == "legal_done":
            message = services.do_legal_review(message, actor=Staff.objects.get(username="legal_head"),
                                               decision="approve", opinion="同意")
    else:
        message = services.do_reply(message, actor=handler, content=reply)
    if message.status == Message.AWAITING_HEAD and plan not in ("legal", "head"):
        # Art. 29: complaints, tip-offs and major messages are answered with the head's approval.
        services.do_head_approve(message, actor=Staff.objects.get(username=f"{dept}_head"), opinion="同意")


def load() -> str:
    publicity = Department.objects.filter(code="publicity").first()
    for platform, name in ACCOUNTS:
        PlatformAccount.objects.get_or_create(platform=platform, name=name, defaults={"department": publicity})
    phones = {row[4] for row in MAILBOX}
    if Message.objects.filter(phone__in=phones).exists():
        return f"网民信息已存在（{Message.objects.count()}条），未重复加载"
    clerk = Staff.objects.get(username="clerk")
    for kind, title, body, name, phone, id_number, public, at, plan, dept, complexity in MAILBOX:
        message, _ = services.do_submit(kind=kind, title=title, body=body, name=name, phone=phone,
                                        id_number=id_number, public=public, received_at=_at(at))
        _advance(message, plan, dept, complexity, clerk)
    for platform, account, external_id, author, content, at, plan, dept in NEW_MEDIA:
        result = services.do_submit_new_media(actor=clerk, platform=platform, account=account, external_id=external_id,
                                              author=author, content=content, posted_at=_at(at))
        _advance(result.message, plan, dept, "", clerk)
    answered = Message.objects.filter(status=Message.ANSWERED).count()
    return f"网民信息{Message.objects.count()}条（已答复{answered}条），政务新媒体账号{len(ACCOUNTS)}个"
