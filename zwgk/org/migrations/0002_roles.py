"""The roles of DESIGN.md "Who may do what", with the permission codes each grants (reference data)."""

from django.db import migrations

CLERK = ["application.register", "application.view_all", "message.route", "message.view_all",
         "catalog.view_all", "report.view"]
ROLES = [
    ("clerk", "政务公开办公室工作人员", CLERK),
    ("office_head", "政务公开办公室负责人", [*CLERK, "application.approve_extension", "assessment.view",
                                       "calendar.manage", "org.view"]),
    ("handler", "部门承办人", []),
    ("dept_head", "部门负责人", []),
    ("secrecy", "厅保密办审查人员", []),
    ("legal", "法制总队审核人员", ["application.legal"]),
    ("leader", "分管厅领导", ["application.view_all", "assessment.view", "report.view"]),
    ("inspector", "督察总队监督人员", ["application.view_all", "message.view_all", "catalog.view_all",
                                  "assessment.view", "report.view", "org.view"]),
    ("sysadmin", "科信局系统管理员", ["calendar.manage", "org.manage", "security.manage"]),
]


def seed(apps, schema_editor):
    Role = apps.get_model("org", "Role")
    for code, name, permissions in ROLES:
        Role.objects.update_or_create(code=code, defaults={"name": name, "permissions": permissions})


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
