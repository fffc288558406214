"""The inspection corps reads the security audit log (Art. 40, 41; API.md "Audit")."""

from django.db import migrations


def grant(apps, schema_editor):
    Role = apps.get_model("org", "Role")
    for role in Role.objects.filter(code="inspector"):
        if "audit.view" not in role.permissions:
            role.permissions = [*role.permissions, "audit.view"]
            role.save(update_fields=["permissions"])


class Migration(migrations.Migration):
    dependencies = [("org", "0003_staff_identity")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
