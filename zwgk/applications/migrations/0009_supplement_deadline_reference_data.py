"""Reference data of the online supplement (Art. 15 ¶2; national regulation Art. 30): the days the
applicant has to supplement (``supplement_days``, working days from the notice, in every policy
profile), the notice stating that deadline, the letter that closes a case not supplemented in
time (视为放弃) and the text that tells the applicant so. Also run by ``manage.py setup``
(``org.reference_load``): what staff changed since is kept."""

from django.db import migrations

SUPPLEMENT_DAYS = 15  # working days: the "reasonable period" of the national regulation, Art. 30

SUPPLEMENT = (
    "{applicant}：\n　　本机关于{received_on}收到{you}提出的政府信息公开申请（编号：{number}）。"
    "经审查，{you}的申请内容不够明确，请对以下事项作出补正，进一步明确内容后重新提交申请：\n{items}\n"
    "　　请于{supplement_due_on}前补正。{you}可凭申请编号和查询码在本机关门户网站“办理进度查询”页面在线补正"
    "（可上传材料），也可以书面补正。答复期限自本机关收到{you}重新提交的申请之日起算。"
    "无正当理由逾期不补正的，视为放弃申请。\n　　特此告知。"
)
ABANDONED = (
    "{applicant}：\n　　本机关于{received_on}收到{you}提出的政府信息公开申请（编号：{number}）。"
    "本机关已于{supplement_requested_on}以《政府信息公开申请补正告知书》{supplement_number}一次性书面告知{you}补正，"
    "补正期限至{supplement_due_on}。\n　　补正期限届满，本机关未收到{you}的补正。{you}的申请视为放弃，本机关不再处理。"
    "{you}仍可以重新提出政府信息公开申请。\n　　特此告知。"
)
TEXTS = [
    ("application_abandoned", "视为放弃申请告知",
     "{site}：您的政府信息公开申请{number}在补正期限内未补正，视为放弃申请。请凭编号和查询码在门户网站查看告知书。",
     "政府信息公开申请{number}视为放弃",
     "您的政府信息公开申请{number}在补正告知书载明的期限内未补正，视为放弃申请：{note}\n"
     "告知书可凭编号和查询码在{site}门户网站查看。您仍可以重新提出申请。"),
]


def seed(apps, schema_editor):
    PolicyProfile = apps.get_model("workdays", "PolicyProfile")
    for profile in PolicyProfile.objects.all():
        if "supplement_days" not in profile.limits:
            profile.limits = {**profile.limits, "supplement_days": SUPPLEMENT_DAYS}
            profile.save(update_fields=["limits"])
    LetterTemplate = apps.get_model("applications", "LetterTemplate")
    LetterTemplate.objects.filter(code="supplement").exclude(body__contains="{supplement_due_on}").update(
        body=SUPPLEMENT)
    LetterTemplate.objects.get_or_create(code="abandoned", defaults={
        "name": "视为放弃申请告知书", "title": "政府信息公开申请视为放弃告知书", "body": ABANDONED,
        "legal_basis": "《中华人民共和国政府信息公开条例》第三十条；本机关政务公开工作实施办法第十五条第二款",
        "remedy": True, "number_kind": "letter_reply"})
    NotificationText = apps.get_model("events", "NotificationText")
    for code, name, sms, subject, body in TEXTS:
        NotificationText.objects.get_or_create(
            code=code, defaults={"name": name, "sms": sms, "email_subject": subject, "email_body": body})


def remove(apps, schema_editor):
    PolicyProfile = apps.get_model("workdays", "PolicyProfile")
    for profile in PolicyProfile.objects.all():
        profile.limits = {k: v for k, v in profile.limits.items() if k != "supplement_days"}
        profile.save(update_fields=["limits"])


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0008_supplement_deadline_online_supplement_reply_attachments"),
        ("workdays", "0003_due_soon_threshold"),
        ("events", "0003_notifications"),
    ]
    operations = [migrations.RunPython(seed, remove)]
