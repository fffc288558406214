"""``manage.py setup``: the reference data of every installation and the first administrator (issue 10)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from zwgk.catalog.models import Category, Section
from zwgk.org.models import Department, MessageRoute, Staff
from zwgk.org.reference import DEPARTMENTS


def setup(**options) -> str:
    out = io.StringIO()
    call_command("setup", "--no-migrate", stdout=out, **options)
    return out.getvalue()


def test_setup_loads_departments_sections_routes_and_creates_the_first_admin(db):
    output = setup()
    assert Department.objects.count() == len(DEPARTMENTS)
    assert Category.objects.count() == 22
    assert Section.objects.filter(channel=Section.INTERACTION).exists()
    assert set(Section.objects.values_list("department__code", flat=True)) == {code for code, _, _ in DEPARTMENTS}
    assert MessageRoute.objects.exists()
    admin = Staff.objects.get(username="admin")
    assert admin.has_role("sysadmin") and admin.must_change_password
    password = re.search(r"一次性密码：(\S+)", output).group(1)
    assert admin.check_password(password)
    assert "网站标识码" in output  # the site profile still to complete


def test_setup_run_again_keeps_what_staff_changed_and_creates_no_second_admin(db):
    setup()
    Department.objects.filter(code="traffic").update(name="交通警察总队")
    Section.objects.filter(code="news").update(name="警务要闻")
    output = setup()
    assert Department.objects.get(code="traffic").name == "交通警察总队"
    assert Section.objects.get(code="news").name == "警务要闻"
    assert Staff.objects.filter(roles__code="sysadmin").count() == 1
    assert "一次性密码" not in output


def test_setup_runs_in_production_and_loads_no_demo_accounts(tmp_path: Path):
    env = {**os.environ, "ZWGK_ENV": "production", "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "gk.example.gov.cn",
           "ZWGK_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "DJANGO_SETTINGS_MODULE": "zwgk.settings", "ZWGK_FAST_HASHER": "1"}
    env.pop("REDIS_URL", None)
    run = subprocess.run([sys.executable, "manage.py", "setup"], env=env, capture_output=True, text=True, timeout=300,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    assert "一次性密码" in run.stdout
    check = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from zwgk.org.models import Staff; print(sorted(Staff.objects.values_list('username', flat=True)))"],
        env=env, capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert check.stdout.strip().splitlines()[-1] == "['admin']"


@pytest.mark.parametrize("username", ["root"])
def test_setup_names_the_first_admin_as_asked(db, username):
    setup(admin=username)
    assert Staff.objects.get(username=username).has_role("sysadmin")


def test_setup_keeps_the_due_soon_threshold_of_the_policy_profiles(db):
    from zwgk.workdays.models import PolicyProfile

    setup()
    assert all(profile.limits["due_soon"] == 3 for profile in PolicyProfile.objects.all())
