"""Generate a large labelled corpus for the private-data bench: citizens' messages and catalog paragraphs.

The hand-written corpus (``privacy_corpus_src.txt``, ~300 messages) was written while the detector
was tuned.  This generator builds a second, larger one (2,400 records, plus 400 from held-out templates)
from templates and value lists of its own — names from its own given-name list, not from the detector's data; IDs with
valid and invalid check characters; mobiles, landlines, WeChat ids, QQ numbers, passports, bank
cards, home addresses, health conditions in and outside the detector's word list — and hard
negatives: ordinary words shaped like names (王者荣耀, 高速, 李子, 张开, 周到), place names that are
not home addresses, index numbers, dates, case and receipt numbers, office phone numbers, hotlines,
epidemic statistics.  Every private item carries its exact span; a finding that overlaps no item
of its kind is a false positive.

The seed is fixed: the same corpus every run.  ``bench/privacy_recall.py`` builds it in memory;
``--write`` also writes ``bench/privacy_corpus_large.jsonl`` for reading.

Run: ``.venv/bin/python bench/privacy_corpus_gen.py --write``
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zwgk.privacy.ids import luhn_valid, resident_id_check_char  # noqa: E402

OUT = ROOT / "bench" / "privacy_corpus_large.jsonl"
SEED = 20261201
SIZE = 2400

SURNAMES = [
    *"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁沈姚卢",
    "纳", "海", "拜", "冶", "虎", "撒", "妥", "锁", "欧阳", "司马",
]
GIVEN = (
    "建国 秀兰 志强 丽娟 子轩 浩然 雨桐 文博 海燕 玉兰 成林 德福 晓东 春梅 俊杰 桂芳 国庆 金花 明辉 淑珍 永红 "
    "嘉怡 思远 一鸣 欣怡 宇航 梓涵 雪梅 振华 红霞 立新 玉梅 国强 凤英 学军 小龙 家乐 静 勇 敏 军 芳 磊 婷 伟 刚"
).split()
CITIES_COUNTIES = [
    ("银川市", "兴庆区"), ("银川市", "金凤区"), ("银川市", "西夏区"), ("银川市", "贺兰县"), ("石嘴山市", "大武口区"),
    ("吴忠市", "利通区"), ("吴忠市", "同心县"), ("固原市", "原州区"), ("固原市", "西吉县"), ("中卫市", "沙坡头区"),
    ("中卫市", "海原县"), ("吴忠市", "盐池县"),
]
STREETS = ["北京中路", "解放西街", "文化东街", "正源北街", "宁安大街", "贺兰山路", "鼓楼南街", "民族北街", "长城路"]
COMPOUNDS = ["阅海万家", "丽景湖畔嘉苑", "福星花园", "金色家园", "朔方新村", "民乐小区", "幸福里小区", "枫林湾"]
TOWNS = [
    ("三河镇", "富有村"), ("官厅镇", "后川村"), ("掌政镇", "强家庙村"), ("河西镇", "旱天岭村"), ("兴仁镇", "团结村"),
]
HEALTH_LISTED = ["抑郁症", "糖尿病", "高血压", "癫痫", "乙肝", "尿毒症", "精神分裂症", "脑梗", "白血病", "乳腺癌"]
HEALTH_UNLISTED = ["腰椎间盘突出症", "慢性支气管炎", "类风湿性关节炎", "肾结石", "冠心病", "强直性脊柱炎", "胆囊炎"]
HEALTH_PHRASES = ["患有{c}", "确诊为{c}", "被诊断为{c}", "查出了{c}", "得了{c}"]
REGIONS = ["640104", "640105", "640106", "640121", "640122", "640181", "640202", "640302", "640402", "640502",
           "640522", "620102", "610113", "150102", "410105", "110105", "510107"]
MOBILE_PREFIXES = ["133", "135", "138", "139", "150", "151", "158", "159", "177", "180", "186", "187", "189", "199"]


class Record:
    """Text assembled piece by piece; private pieces remember their kind and span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.private: list[dict[str, object]] = []
        self.length = 0

    def add(self, text: str, kind: str | None = None) -> None:
        if kind:
            self.private.append({"kind": kind, "text": text, "start": self.length})
        self.parts.append(text)
        self.length += len(text)

    def as_dict(self, source: str) -> dict[str, object]:
        return {"text": "".join(self.parts), "private": self.private, "source": source}


class Values:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    def _id17(self) -> str:
        born = date(1940, 1, 1) + timedelta(days=self.rng.randrange(365 * 68))
        return self.rng.choice(REGIONS) + born.strftime("%Y%m%d") + f"{self.rng.randrange(1000):03d}"

    def resident_id(self) -> str:
        first = self._id17()
        return first + resident_id_check_char(first)

    def bad_resident_id(self) -> str:
        first = self._id17()
        good = resident_id_check_char(first)
        return first + self.rng.choice([c for c in "0123456789X" if c != good])

    def mobile(self) -> str:
        number = self.rng.choice(MOBILE_PREFIXES) + "".join(str(self.rng.randrange(10)) for _ in range(8))
        style = self.rng.random()
        if style < 0.15:
            return f"{number[:3]}-{number[3:7]}-{number[7:]}"
        if style < 0.25:
            return f"{number[:3]} {number[3:7]} {number[7:]}"
        return number

    def landline(self) -> str:
        area = self.rng.choice(["0951", "0952", "0953", "0954", "0955"])
        local = str(self.rng.randint(2, 8)) + "".join(str(self.rng.randrange(10)) for _ in range(6))
        return self.rng.choice([f"{area}-{local}", f"{area}{local}", f"（{area}）{local}"])

    def card(self) -> str:
        body = self.rng.choice(["622202", "622848", "621700", "623058"])
        length = self.rng.choice([16, 19])
        body += "".join(str(self.rng.randrange(10)) for _ in range(length - len(body) - 1))
        return next(body + c for c in "0123456789" if luhn_valid(body + c))

    def wechat(self) -> str:
        letters = "abcdefghijklmnopqrstuvwxyz"
        head = self.rng.choice(["zhang", "ma", "li", "wang", "nx", "yc", "hai", "xiaoyu", "sunny", "tom"])
        tail = self.rng.choice(["", "_", "-"]) + "".join(self.rng.choice(letters + "0123456789") for _ in range(4))
        return self.rng.choice(["wxid_" + "".join(self.rng.choice(letters + "0123456789") for _ in range(10)),
                                head + tail + str(self.rng.randrange(10, 99))])

    def qq(self) -> str:
        return str(self.rng.randint(1, 9)) + "".join(str(self.rng.randrange(10)) for _ in range(self.rng.randint(5, 9)))

    def passport(self) -> str:
        digits = "".join(str(self.rng.randrange(10)) for _ in range(8))
        return self.rng.choice(["E" + digits, "G" + digits, "E" + self.rng.choice("ABCDEFGH") + digits[:7]])

    def address_tail(self) -> str:
        if self.rng.random() < 0.4:
            town, village = self.rng.choice(TOWNS)
            return f"{town}{village}{self.rng.randint(1, 9)}组"
        street = self.rng.choice(STREETS)
        compound = self.rng.choice(COMPOUNDS)
        building, unit = self.rng.randint(1, 30), self.rng.randint(1, 6)
        room = f"{self.rng.randint(1, 30)}0{self.rng.randint(1, 4)}"
        return f"{street}{compound}{building}号楼{unit}单元{room}室"

    def health(self) -> str:
        condition = self.rng.choice(HEALTH_LISTED + HEALTH_UNLISTED)
        return self.rng.choice(HEALTH_PHRASES).format(c=condition)

    def date(self) -> str:
        day = date(2026, 1, 1) + timedelta(days=self.rng.randrange(365))
        return self.rng.choice([f"{day.year}年{day.month}月{day.day}日", day.isoformat(), f"{day:%Y%m%d}"])

    def index_number(self) -> str:
        year, serial = self.rng.choice([2025, 2026]), self.rng.randrange(1, 999)
        return f"11640000MB{self.rng.randrange(10**6, 10**7)}X/{year}-{serial:05d}"

    def case_number(self) -> str:
        county = self.rng.choice(["0104", "0105", "0106", "0202", "0302"])
        return self.rng.choice([
            f"（2026）宁{county}刑初{self.rng.randrange(1, 999)}号",
            f"宁公（刑）立字〔2026〕{self.rng.randrange(1, 9999)}号",
            f"J64{county}2026{self.rng.randrange(10**9, 10**10)}",
            f"受理编号A{self.rng.randrange(10**15, 10**16)}",
        ])


# Templates: literal text with slots {kind} (private) and {neg:what} (hard negatives, unlabelled).
MESSAGES = [
    "尊敬的领导您好，我叫{name}，身份证号{resident_id}，联系电话{mobile}，想咨询户口迁移需要什么材料。",
    "本人{name}，家住{county_address}，{health}，行动不便，能否上门办理身份证？电话{mobile}。",
    "我的身份证号码是{suspected_id}，在网上办理居住证时系统提示信息有误，请帮忙查一下。",
    "举报人{name}，手机{mobile}，举报邻居{name}经常半夜在小区里吵闹，已经报警多次。",
    "我父亲{name}{health}，一直{hospital}，想申请异地就医备案，需要派出所开什么证明？",
    "有人加我微信{wechat}说能办理加急护照，收了我两千元就把我拉黑了，我的QQ是{qq}，请警方调查。",
    "我是{name}，护照号{passport}，护照快过期了，想问换发护照要预约吗？我的微信号：{wechat}",
    "民警{name}态度很好，帮我找回了丢失的钱包，特此表扬！我的电话是{mobile}。",
    "请问{neg:date}在{neg:office}办理的驾驶证什么时候能拿到？受理回执号{neg:case}，我叫{name}。",
    "我被骗了，对方让我往银行卡{card}转账，对方QQ号：{qq}，对方自称姓王。我叫{name}，电话{mobile}。",
    "我家座机{landline}经常接到骚扰电话，我住在{county_address}，请帮忙处理。",
    "孩子{name}今年上小学，户口在{neg:place}，现在住{county_address}，入学需要居住证吗？",
    "你好，我玩{neg:common_game}被人骗了装备，对方微信{wechat}，这个能立案吗？",
    "上了{neg:common_road}之后被测速拍了，我的车牌是{plate}，想问扣分多少，我的手机{mobile}。",
    "服务很{neg:common_adj}，感谢{neg:office}的民警。我是{name}，{neg:date}去办的业务。",
    "我叫{name}，身份证{suspected_id}，是去年换的新证，号码录错了一位，怎么更正？",
    "朋友{name}的护照{passport}在机场丢失了，他现在在国外，我们家属能代办挂失吗？",
    "我母亲{health}多年，{disability}证也办了，请问户籍业务能否优先办理？联系人{name}，电话{mobile}。",
    "咨询电话{neg:office_phone}一直打不通，请问{neg:office}的上班时间？我的号码是{mobile}。",
    "邻居家李子树伸到我家院子里，{neg:common_name_verb}嘴就骂人，这个归派出所管吗？我叫{name}。",
    "{neg:date}晚上十点左右，我在{neg:place}{neg:street}路口被一辆电动车撞了，对方跑了，我的电话{mobile}。",
    "我丈夫{name}酒后经常打我，我想申请人身安全保护令，我们住在{county_address}，我的手机{mobile}。",
    "请问{neg:office}的地址在哪里？我要去办理无犯罪记录证明，身份证号{resident_id}，谢谢。",
    "我儿子{name}，身份证号{resident_id}，去年{health}，现在想把户口从{neg:place}迁回来。",
    "小区门口的高速出口每天都堵，希望交警多派人指挥，服务要周到一些。",
    "我在网上买东西被骗，客服让我加QQ{qq}，然后让我往{card}转了三千块。我叫{name}，身份证{suspected_id}。",
    "请问{neg:date}以后办理护照还需要单位开证明吗？我以前的护照号是{passport}。",
    "邻居{name}家的狗咬伤了我孩子，孩子{hospital}，对方不赔钱，我家在{county_address}。",
    "我是{neg:place}人，在{neg:office}办居住证的时候，工作人员态度很周到，点赞！",
    "我叫{name}，微信号{wechat}，手机{mobile}，我的电动车在{neg:place}{neg:street}被偷了，报案回执{neg:case}。",
]
PARAGRAPHS = [
    "索引号：{neg:index}　发布机构：宁夏回族自治区公安厅　成文日期：{neg:date}　关于进一步做好户籍管理工作的通知。",
    "根据《中华人民共和国治安管理处罚法》，对违法行为人{name}（身份证号{resident_id}）处以行政拘留十日。",
    "当事人{name}，男，现住{county_address}，联系电话{mobile}，因盗窃被依法处理，案号{neg:case}。",
    "经查，申请人{name}（证件号码{suspected_id}）提交的材料齐全，准予办理。",
    "{neg:date}，全区累计报告确诊病例{neg:small}例，各地公安机关配合做好疫情防控工作，{neg:office}住院部实行封闭管理。",
    "咨询电话：{neg:office_phone}，监督电话：12389，办公地址：{neg:office_address}。",
    "我厅于{neg:date}在{neg:place}召开全区高速公路交通安全工作会议，{neg:official}出席会议并讲话。",
    "失主{name}于{neg:date}在{neg:place}丢失护照一本，护照号码{passport}，声明作废。",
    "现将{neg:date}第{neg:small}批次公开招聘拟录用人员名单公示如下，公示期间如有异议请致电{neg:office_phone}。",
    "收款账户：{neg:office}，开户行：中国工商银行银川分行，案件编号{neg:case}，请于{neg:date}前缴纳。",
    "经调查，{name}患有{neg:none}严重的{health_bare}，依法暂予监外执行。",
    "网友反映的{neg:place}路段交通拥堵问题，{neg:office}已安排警力疏导，感谢您的监督。服务周到，群众满意。",
    "{neg:date}，{neg:office}接到群众报警称，在{neg:place}{neg:street}附近有人打架，民警迅速到场处置。",
    "答复：您好！您反映的问题已转{neg:office}办理。经核实，{name}（手机{mobile}）已于{neg:date}到所说明情况。",
    "关于{neg:place}{neg:street}改造期间交通管制的通告（{neg:docno}），请过往车辆绕行高速公路。",
    "依据《政府信息公开条例》第十六条，申请人{name}申请公开的信息不属于本机关公开职责，答复书编号{neg:docno}。",
    "表彰决定：{neg:office}民警在抢险救灾中表现突出，授予集体三等功，{neg:date}印发。",
    "本次抽检共{neg:small}家单位，合格率{neg:small}%，王者归来专项行动共查处违法行为{neg:small}起。",
]
# Written after the detector was tuned on the templates above, and never tuned on: the bench reports
# the records built from them separately ("held-out").
HOLDOUT = [
    "你好，我是{name}的家属，他{health}，上周在{neg:place}走失了，穿灰色外套，有线索请打{mobile}。",
    "我姐姐{name}被人冒用身份证{resident_id}注册了公司，她本人从来不知道，请公安机关调查。",
    "反映一下，{neg:office}门口{neg:common_road}路段晚上总有人飙车，希望加强巡逻。",
    "房东{name}不退押金，还把我的东西扔了出来，我租住在{county_address}，微信{wechat}可以联系我。",
    "我的护照{passport}和身份证{suspected_id}在{neg:place}一起丢了，补办需要先挂失哪个？",
    "{neg:date}我厅召开新闻发布会，通报{neg:small}起典型案例，{neg:docno}同时废止。",
    "关于{name}同志任职的通知：经研究决定，{neg:date}起试用期一年。",
    "我在{neg:place}开了一家李子批发店，营业执照上的地址写错了，去哪里改？电话{landline}。",
    "我老伴{name}{hospital}，医生说要长期{dialysis}，能不能帮忙把户口本上的信息改一下？QQ{qq}。",
    "申请人{name}于{neg:date}提交政府信息公开申请，申请公开{neg:place}交通事故统计数据，本机关已依法答复。",
]
HOLDOUT_SIZE = 400

NEG = {
    "office": [
        "兴庆区胜利街派出所", "金凤区公安分局", "银川市车管所", "出入境管理大厅", "交警支队", "西夏区政务服务中心",
    ],
    "office_phone": ["0951-6136088", "0951-5045110", "0952-2011110", "12345", "110"],
    "office_address": ["银川市金凤区北京中路159号", "银川市兴庆区解放西街2号"],
    "place": ["银川市兴庆区", "吴忠市利通区", "固原市原州区", "中卫市沙坡头区", "贺兰县", "宁夏", "甘肃省"],
    "common_game": ["王者荣耀"],
    "common_road": ["高速", "高速公路"],
    "common_adj": ["周到", "周到热情"],
    "common_name_verb": ["张开", "张口"],
    "official": ["厅党委书记", "副厅长", "局长"],
    "none": [""],
    "street": ["北京中路", "解放西街", "文化东街", "正源北街", "宁安大街", "长城路与北京路交叉口", "鼓楼南街"],
    "docno": ["宁公通〔2026〕12号", "宁公办发〔2026〕35号", "宁公信复〔2026〕第108号", "银公交〔2026〕7号"],
}


def _fill(template: str, v: Values, rng: random.Random) -> Record:
    record = Record()
    pos = 0
    for m in re.finditer(r"\{([a-z_:0-9]+)\}", template):
        record.add(template[pos : m.start()])
        slot = m.group(1)
        pos = m.end()
        if slot.startswith("neg:"):
            what = slot[4:]
            if what == "date":
                record.add(v.date())
            elif what == "index":
                record.add(v.index_number())
            elif what == "case":
                record.add(v.case_number())
            elif what == "small":
                record.add(str(rng.randrange(1, 60)))
            else:
                record.add(rng.choice(NEG[what]))
            continue
        if slot == "county_address":
            city, county = rng.choice(CITIES_COUNTIES)
            record.add(city + county if rng.random() < 0.7 else county)
            record.add(v.address_tail(), "address")
            continue
        if slot == "plate":
            record.add(f"宁{rng.choice('ABCDE')}{rng.randrange(10000, 99999)}", "plate")
            continue
        if slot == "dialysis":
            record.add("透析", "health")
            continue
        if slot == "disability":
            record.add("残疾", "health")
            continue
        if slot == "hospital":
            record.add(rng.choice(["在医院住院治疗", "住院", "在市人民医院住院"]), "health")
            continue
        if slot == "health_bare":
            record.add(rng.choice(HEALTH_LISTED + HEALTH_UNLISTED), "health")
            continue
        value = {
            "name": v.name, "resident_id": v.resident_id, "suspected_id": v.bad_resident_id, "mobile": v.mobile,
            "landline": v.landline, "card": v.card, "wechat": v.wechat, "qq": v.qq, "passport": v.passport,
            "health": v.health,
        }[slot]()
        record.add(value, "bank_card" if slot == "card" else slot)
    record.add(template[pos:])
    return record


def build(size: int = SIZE, seed: int = SEED, *, holdout: bool = True) -> list[dict[str, object]]:
    """``size`` records, two thirds citizens' messages and one third catalog paragraphs, then
    (with ``holdout``) 400 records from the held-out templates."""
    rng = random.Random(seed)
    values = Values(rng)
    records = []
    for i in range(size):
        source = "catalog" if i % 3 == 2 else "message"
        template = rng.choice(PARAGRAPHS if source == "catalog" else MESSAGES)
        records.append(_fill(template, values, rng).as_dict(source))
    for _ in range(HOLDOUT_SIZE if holdout else 0):
        template = rng.choice(HOLDOUT)
        source = "catalog" if template.startswith(("{neg:date}我厅", "关于", "申请人")) else "message"
        records.append(_fill(template, values, rng).as_dict(source) | {"holdout": True})
    return records


def main(argv: list[str]) -> None:
    records = build()
    items = sum(len(r["private"]) for r in records)  # type: ignore[arg-type]
    if "--write" in argv:
        with OUT.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{len(records)} records, {items} private items -> {OUT.relative_to(ROOT)}")
    else:
        print(f"{len(records)} records, {items} private items (use --write to write {OUT.name})")


if __name__ == "__main__":
    main(sys.argv[1:])
