"""Letters as official documents (GB/T 9704): a 发文字号 per kind of letter from a sequence kept as
data, templates that read as a person wrote them ("您" or "贵单位", never "您（单位）"), and the
受理回执 for applicants who wrote or came in person (Art. 15, 19)."""

from django.db import migrations, models

SEQUENCES = [
    ("letter_reply", "依申请公开答复及告知文书", "宁公开〔{year}〕{serial}号"),
    ("letter_transfer", "依申请公开转办单", "宁公开转〔{year}〕{serial}号"),
    ("letter_consult", "征求第三方意见书", "宁公开征〔{year}〕{serial}号"),
]
KINDS = {"transfer_slip": "letter_transfer", "third_party": "letter_consult", "public_interest": "letter_consult"}
TO_THIRD_PARTIES = ("third_party", "public_interest")
RECEIPT = (
    "{applicant}：\n　　本机关于{received_on}收到{you}提出的政府信息公开申请，已登记，编号为{number}。"
    "本机关将于{due_on}前作出答复；需要补正、征求第三方意见或者延期答复的，将另行书面告知。\n"
    "　　{you}可凭申请编号和查询码在本机关门户网站查询办理情况。\n　　特此回执。"
)


def forward(apps, schema_editor):
    NumberPattern = apps.get_model("core", "NumberPattern")
    for kind, label, pattern in SEQUENCES:
        NumberPattern.objects.update_or_create(kind=kind, defaults={"label": label, "pattern": pattern})
    LetterTemplate = apps.get_model("applications", "LetterTemplate")
    LetterTemplate.objects.update_or_create(
        code="receipt",
        defaults={"name": "受理回执", "title": "政府信息公开申请受理回执", "body": RECEIPT,
                  "legal_basis": "本机关政务公开工作实施办法第十五条、第十九条", "remedy": False},
    )
    for template in LetterTemplate.objects.all():
        template.number_kind = KINDS.get(template.code, "letter_reply")
        template.body = template.body.replace("您（单位）", "贵方" if template.code in TO_THIRD_PARTIES else "{you}")
        template.save()


class Migration(migrations.Migration):
    dependencies = [("applications", "0005_letters_name_approver_other_body_public_interest"), ("core", "0001_initial")]
    operations = [
        migrations.AddField("lettertemplate", "number_kind", models.CharField(
            "发文字号序列", max_length=40, blank=True, help_text="core.NumberPattern 的种类；留空则不编发文字号")),
        migrations.AddField("letter", "document_number", models.CharField("发文字号", max_length=60, blank=True)),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
