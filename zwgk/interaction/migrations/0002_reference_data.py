"""Reference data of the interaction app: number patterns, the intake's word lists (Art. 34, 35)
and reply templates per kind (Art. 30). All editable afterwards."""

from django.db import migrations

PATTERNS = [
    ("message", "网民信息（厅长信箱）", "TZXX-{year}-{serial:06d}"),
    ("newmedia", "政务新媒体留言", "XMT-{year}-{serial:06d}"),
]

WORDS = {
    # Art. 34: reports for 110 are not taken online.
    "emergency": "救命 抢劫 持刀 砍人 绑架 劫持 行凶 杀人 纵火 着火了 爆炸 跳楼 轻生 要自杀 正在打人 被人打了 家暴 "
                 "有人闯入 正在偷 撬门 紧急求助 快来人 快出警 有危险 人身安全受到威胁",
    # Art. 35: abuse needs no reply unless it carries a real issue.
    "abusive": "傻逼 傻B 操你 他妈的 狗东西 王八蛋 混蛋 滚蛋 去死 废物 草泥马 狗官 人渣",
    # Art. 35: anti-party, anti-socialist, attacks on leaders, other illegal content → cyber corps.
    "hostile": "反党 反社会主义 推翻政府 颠覆国家政权 分裂国家 暴恐 恐怖袭击 圣战 邪教 法轮功 出售枪支 买卖枪支 "
               "贩卖毒品 代开发票 办假证 赌博网站 翻墙代理",
    # Art. 35: complaints about the police → inspection corps.
    "police": "民警 警察 辅警 派出所 执法 出警 警务人员 态度恶劣 刁难 推诿 不作为 乱罚款 吃拿卡要",
    # Art. 29: a reply touching laws or policies goes to the legal corps.
    "legal": "法律 法规 条例 规章 规范性文件 政策 行政处罚 行政复议 行政诉讼 处罚决定 法律责任",
}

TEMPLATES = [
    ("consultation", "业务咨询答复", "您好！感谢您对公安工作的关注。关于您咨询的问题，答复如下：\n\n如有疑问，可拨打咨询电话。"),
    ("complaint", "涉警投诉答复", "您好！您反映的问题已收悉。经督察部门调查核实，情况如下：\n\n"
     "对调查中发现的问题，我们已责令整改。感谢您对公安工作的监督。"),
    ("tip_off", "线索举报答复", "您好！您举报的线索已收悉，已转相关部门核查处理。感谢您对打击违法犯罪工作的支持。"),
    ("tip_off", "线索举报解释说明", "您好！您举报的线索正在核查中，因侦查工作需要，暂不宜答复具体情况，请予理解（第三十一条）。"),
    ("suggestion", "意见建议答复", "您好！感谢您提出的宝贵意见和建议。我们认真研究后，答复如下：\n\n欢迎您继续关心支持公安工作。"),
    ("", "非公安职权范围", "您好！您反映的事项不属于公安机关职权范围，建议您向有关部门依法反映（第三十六条）。"),
    ("", "引导拨打110", "您好！如遇紧急情况，请立即拨打110报警电话。政务网站和新媒体原则上不受理报警信息（第三十四条）。"),
]


def seed(apps, schema_editor):
    NumberPattern = apps.get_model("core", "NumberPattern")
    WordList = apps.get_model("interaction", "WordList")
    ReplyTemplate = apps.get_model("interaction", "ReplyTemplate")
    for kind, label, pattern in PATTERNS:
        NumberPattern.objects.get_or_create(kind=kind, defaults={"label": label, "pattern": pattern})
    for kind, words in WORDS.items():
        WordList.objects.get_or_create(kind=kind, defaults={"words": "\n".join(words.split())})
    for order, (kind, name, text) in enumerate(TEMPLATES, start=1):
        ReplyTemplate.objects.get_or_create(name=name, defaults={"kind": kind, "text": text, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("interaction", "0001_initial"), ("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
