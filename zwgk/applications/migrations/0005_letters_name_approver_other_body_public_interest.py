"""Letter templates (data): the extension notice names the office head who really agreed (Art. 15);
the 答复书（三） prints the body that holds the information (Art. 16 (四)); a new notice tells the
third party of a disclosure in the public interest (Art. 18, annex 3). Letters issued before keep
the legal basis and remedy they were sent with."""

from django.db import migrations

OLD_REMEDY = (
    "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，"
    "或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。"
)

PUBLIC_INTEREST = (
    "public_interest", "决定公开告知书", "政府信息公开决定告知书（第三方）",
    "{party}：\n　　本机关于{started_on}就“{description}”的政府信息公开申请（编号：{number}）书面征求您（单位）的意见。"
    "{answer_text}\n　　经审查，本机关认为不公开该政府信息可能对公共利益造成重大影响，决定予以公开。"
    "决定公开的内容和理由如下：\n{content}\n　　特此告知。",
    "本机关政务公开工作实施办法第十八条；《中华人民共和国政府信息公开条例》第十五条", False,
)


def forwards(apps, schema_editor):
    LetterTemplate = apps.get_model("applications", "LetterTemplate")
    Letter = apps.get_model("applications", "Letter")
    extension = LetterTemplate.objects.filter(pk="extension").first()
    if extension and "{approver}" not in extension.body:
        extension.body = extension.body.replace("经政务公开办公室负责人同意", "经政务公开办公室负责人{approver}同意")
        extension.save()
    reply_3 = LetterTemplate.objects.filter(pk="reply_3").first()
    if reply_3 and "{other_body_text}" not in reply_3.body:
        reply_3.body = reply_3.body.replace("经审查，{outcome_text}。", "经审查，{outcome_text}。{other_body_text}")
        reply_3.save()
    code, name, title, body, basis, remedy = PUBLIC_INTEREST
    LetterTemplate.objects.update_or_create(
        code=code, defaults={"name": name, "title": title, "body": body, "legal_basis": basis, "remedy": remedy}
    )
    for letter in Letter.objects.select_related("template").filter(legal_basis="", remedy=""):
        letter.legal_basis = letter.template.legal_basis
        letter.remedy = OLD_REMEDY if letter.template.remedy else ""
        letter.save(update_fields=["legal_basis", "remedy"])


class Migration(migrations.Migration):
    dependencies = [("applications", "0004_extension_requests_signoff_fingerprints_policy_profile")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
