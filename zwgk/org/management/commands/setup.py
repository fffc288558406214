"""First install and every upgrade (issue 10): migrate, load the reference data every installation
needs, and create the first system administrator with a one-time password. Idempotent; runs in
production. Demo data is never loaded here (``manage.py load_demo``)."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

from zwgk.org.reference_load import first_administrator, load_reference_data
from zwgk.security import audit
from zwgk.security.models import AuditKind


class Command(BaseCommand):
    help = ("初始化或升级：迁移数据库、载入基础数据（部门、角色、类别、栏目、归口规则、模板），"
            "创建首个系统管理员。可重复运行。")

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--admin", default="admin", help="首个系统管理员的用户名（默认 admin）")
        parser.add_argument("--no-migrate", action="store_true", help="不运行数据库迁移")

    def handle(self, *args: object, **options: object) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
            self.stdout.write("数据库迁移：已完成")
        for line in load_reference_data():
            self.stdout.write(line)
        created = first_administrator(str(options["admin"]))
        audit.log(AuditKind.SETUP, detail={"first_admin": created[0].username if created else None})
        if created is None:
            self.stdout.write("系统管理员：已存在，未新建。")
            return
        staff, password = created
        self.stdout.write(self.style.WARNING(
            f"已创建系统管理员 {staff.username}，一次性密码：{password}\n"
            "此密码只显示这一次；首次登录须修改密码并启用双因素认证。"))
