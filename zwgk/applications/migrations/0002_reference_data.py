"""Reference data: the number pattern of applications (Art. 15) and the letter templates (Art. 15,
16, 18, annex 3). Templates are data: staff may edit the wording; placeholders in braces are filled
from the application (zwgk.applications.letters.placeholders)."""

from django.db import migrations

BASIS_16 = "《中华人民共和国政府信息公开条例》；本机关政务公开工作实施办法第十六条"

TEMPLATES = [
    ("access_route", "告知获取途径", "政府信息公开告知书（获取途径）",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "申请获取“{description}”。\n　　经审查，您申请获取的信息{outcome_text}。您可以通过以下方式、途径获取：\n"
     "{content}\n　　特此告知。",
     BASIS_16 + "第（一）项、第（九）项", True),
    ("reply_1", "答复书（一）", "政府信息公开答复书（一）",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "申请获取“{description}”。\n　　经审查，您申请获取的政府信息属于可以公开的政府信息，现予以公开。"
     "获取该政府信息的方式、途径和时间如下：\n{content}\n　　特此答复。",
     BASIS_16 + "第（二）项", True),
    ("reply_2", "答复书（二）", "政府信息公开答复书（二）",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "申请获取“{description}”。\n　　经审查，您申请获取的政府信息{reason_text}，属于不予公开的范围，本机关不予公开。"
     "理由说明如下：\n{content}\n　　特此答复。",
     BASIS_16 + "第（三）项", True),
    ("reply_3", "答复书（三）", "政府信息公开答复书（三）",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "申请获取“{description}”。\n　　经审查，{outcome_text}。\n{content}\n　　特此答复。",
     BASIS_16 + "第（四）项；第十七条", True),
    ("reply_4", "答复书（四）", "政府信息公开答复书（四）",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "申请获取“{description}”。\n　　经审查，您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理，"
     "现向您提供可以公开的信息内容：\n{content}\n　　特此答复。",
     BASIS_16 + "第（五）项", True),
    ("reply_5", "答复书（五）", "政府信息公开答复书（五）",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "申请获取“{description}”。\n　　经审查，本机关已就您（单位）提出的相同或者相似申请作出答复，"
     "对本次重复申请不予重复处理。\n{content}\n　　特此告知。",
     BASIS_16 + "第（六）项", True),
    ("reply_6", "答复书（六）", "政府信息公开答复书（六）",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "申请获取“{description}”。\n　　经审查，您申请获取的政府信息已经移交自治区档案馆，"
     "请按照有关档案管理的法律、法规和国家有关规定办理。\n{content}\n　　特此答复。",
     BASIS_16 + "第（七）项", True),
    ("notice", "告知书", "政府信息公开告知书",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "申请获取“{description}”。\n　　经审查，{outcome_text}。\n{content}\n　　特此告知。",
     "《中华人民共和国政府信息公开条例》；本机关政务公开工作实施办法第十五条、第十六条", True),
    ("not_processed", "告知不予处理", "政府信息公开申请不予处理告知书",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}），"
     "内容为“{description}”。\n　　经审查，您以政府信息公开申请的形式提出咨询要求或者进行信访、投诉、举报等活动，"
     "不属于政府信息公开申请，本机关不作为政府信息公开申请处理。您可以通过信访、投诉举报等渠道反映。\n{content}\n"
     "　　特此告知。",
     BASIS_16 + "第（八）项", True),
    ("supplement", "补正告知书", "政府信息公开申请补正告知书",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}）。"
     "经审查，您的申请内容不够明确，请对以下事项作出补正，进一步明确内容后重新提交申请：\n{items}\n"
     "　　答复期限自本机关收到您重新提交的申请之日起算。无正当理由逾期不补正的，视为放弃申请。\n　　特此告知。",
     "本机关政务公开工作实施办法第十五条第二款", False),
    ("extension", "延期答复告知书", "政府信息公开申请延期答复告知书",
     "{applicant}：\n　　本机关于{received_on}收到您（单位）提出的政府信息公开申请（编号：{number}）。"
     "因{extension_reason}，本机关不能在规定期限内作出答复。经政务公开办公室负责人同意，答复期限延长{extended_days}个工作日，"
     "本机关将于{due_on}前作出答复。\n　　特此告知。",
     "本机关政务公开工作实施办法第十五条第三款", False),
    ("third_party", "征求第三方意见书", "政府信息公开征求第三方意见书",
     "{party}：\n　　本机关收到关于“{description}”的政府信息公开申请（编号：{number}）。"
     "本机关认为该信息可能涉及您（单位）的商业秘密或者个人隐私，公开后可能损害您（单位）的合法权益，现书面征求您（单位）的意见。"
     "请自收到本意见书之日起15个工作日内（{party_due_on}前）书面答复本机关；逾期不答复的，由本机关依法决定。\n　　特此函询。",
     "本机关政务公开工作实施办法第十八条", False),
    ("transfer_slip", "转办单", "依申请公开政府信息转办单",
     "{lead}：\n　　现将申请人{applicant}的政府信息公开申请（编号：{number}，收到日期：{received_on}）转你部门办理，"
     "协办部门：{assisting}。申请内容：“{description}”。\n　　请于{due_on}前按规定程序审核审签后答复申请人；"
     "确需延期的，应经政务公开办公室负责人同意。",
     "本机关政务公开工作实施办法第十五条第三款、第二十条", False),
]


def seed(apps, schema_editor):
    NumberPattern = apps.get_model("core", "NumberPattern")
    NumberPattern.objects.update_or_create(
        kind="application", defaults={"label": "政府信息公开申请", "pattern": "YSQ-{year}-{serial:05d}"}
    )
    LetterTemplate = apps.get_model("applications", "LetterTemplate")
    for code, name, title, body, basis, remedy in TEMPLATES:
        LetterTemplate.objects.update_or_create(
            code=code, defaults={"name": name, "title": title, "body": body, "legal_basis": basis, "remedy": remedy}
        )


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial"), ("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
