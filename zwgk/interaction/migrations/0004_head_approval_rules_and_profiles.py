"""Reference data: the replies that need the department head's approval (Art. 29: complaints,
tip-offs and every major message), and the policy profile of the messages already received (the
one in force when this migration runs)."""

from django.conf import settings
from django.db import migrations

RULES = [("complaint", ""), ("tip_off", ""), ("", "major")]


def seed(apps, schema_editor):
    Rule = apps.get_model("interaction", "HeadApprovalRule")
    for kind, complexity in RULES:
        Rule.objects.get_or_create(kind=kind, complexity=complexity)
    Profile = apps.get_model("workdays", "PolicyProfile")
    Message = apps.get_model("interaction", "Message")
    if Profile.objects.filter(pk=settings.ZWGK_POLICY_PROFILE).exists():
        Message.objects.filter(policy_profile=None).update(policy_profile_id=settings.ZWGK_POLICY_PROFILE)


def unseed(apps, schema_editor):
    Rule = apps.get_model("interaction", "HeadApprovalRule")
    for kind, complexity in RULES:
        Rule.objects.filter(kind=kind, complexity=complexity).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("interaction", "0003_head_approval_reclassification_policy_profile"),
        ("workdays", "0003_due_soon_threshold"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
