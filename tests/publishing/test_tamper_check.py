"""网页防篡改 (Art. 40): the tree is compared with the fingerprints recorded when it was rendered;
what differs or is missing is restored, what is not ours is removed, and the technology bureau
and the cyber security corps are alerted in the workbench and by e-mail."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

from zwgk.publishing import services
from zwgk.publishing.models import TamperAlert


@pytest.fixture
def mailboxes(staff):
    for username in ("tech_handler", "cyber_head", "publicity_head"):
        person = staff(username)
        person.email = f"{username}@gat.example.gov.cn"
        person.save(update_fields=["email"])


def test_an_altered_an_added_and_a_deleted_file_are_all_found_and_repaired(published, mailboxes, live):
    home = published / "index.html"
    original = home.read_bytes()
    home.write_bytes(original.replace("政务公开".encode(), "此网站已被黑".encode(), 1))
    (published / "catalog" / "hacked.html").write_text("<h1>defaced</h1>")
    channel = published / "channel/services/index.html"
    channel.unlink()

    with pytest.raises(SystemExit) as exit_code:
        call_command("tamper_check", stdout=open("/dev/null", "w"))
    assert exit_code.value.code == 1

    assert home.read_bytes() == original == live("/")
    assert channel.read_bytes() == live("/channel/services/")
    assert not (published / "catalog" / "hacked.html").exists()
    alerts = {a.path: a for a in TamperAlert.objects.all()}
    assert alerts["index.html"].kind == TamperAlert.Kind.ALTERED
    assert "此网站已被黑" in alerts["index.html"].difference
    extra = alerts["catalog/hacked.html"]
    assert extra.kind == TamperAlert.Kind.EXTRA and "defaced" in extra.difference
    assert alerts["channel/services/index.html"].kind == TamperAlert.Kind.MISSING
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"tech_handler@gat.example.gov.cn", "cyber_head@gat.example.gov.cn"}
    assert "catalog/hacked.html" in mail.outbox[0].body and "此网站已被黑" in mail.outbox[0].body


def test_an_untouched_tree_passes_and_alerts_nobody(published, capsys):
    call_command("tamper_check")
    assert "发现 0 处异常" in capsys.readouterr().out
    assert not TamperAlert.objects.exists() and not mail.outbox


def test_the_alert_is_on_the_to_do_list_of_tech_and_cyber_and_they_confirm_it(published, staff, client):
    (published / "index.html").write_text("defaced")
    services.tamper_check()
    client.force_login(staff("cyber_handler"))
    assert "网页防篡改告警" in client.get("/workbench/").content.decode()
    page = client.get("/workbench/publishing/alerts/")
    assert page.status_code == 200 and "index.html" in page.content.decode()
    alert = TamperAlert.objects.get()
    client.post(f"/workbench/publishing/alerts/{alert.pk}/acknowledge/")
    alert.refresh_from_db()
    assert alert.acknowledged_by == staff("cyber_handler")
    client.force_login(staff("publicity_head"))
    assert "网页防篡改告警" not in client.get("/workbench/").content.decode()
    assert client.get("/workbench/publishing/alerts/").status_code in (403, 404)


def test_the_check_runs_every_five_minutes(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["publishing-tamper-check"]
    assert schedule["task"] == "publishing.tamper_check"
    assert str(schedule["schedule"]._orig_minute) == "*/5"
