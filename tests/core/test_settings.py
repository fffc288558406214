"""Production mode refuses unsafe settings; ``check --deploy`` is clean when configured."""

import os
import subprocess
import sys

import pytest

SAFE = {
    "ZWGK_ENV": "production",
    "SECRET_KEY": "x" * 20 + "-Kq8#mZ2pL9vR4tW7yB1nC5xE3gH6jD0aS",
    "ALLOWED_HOSTS": "gk.example.gov.cn",
}


def run_check(**env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "zwgk.settings", **env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_production_with_safe_settings_passes_check_deploy():
    result = run_check(**SAFE)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("override", "message"),
    [({"SECRET_KEY": ""}, "SECRET_KEY"), ({"DEBUG": "1"}, "DEBUG"), ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS")],
)
def test_production_refuses_unsafe_settings(override, message):
    env = {**SAFE, **override}
    if not env["SECRET_KEY"]:
        del env["SECRET_KEY"]
    result = run_check(**env)
    assert result.returncode != 0
    assert message in result.stderr
