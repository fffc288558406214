"""The masking word lists are kept in the database and edited by the system administrator in the
workbench (issue 10; Art. 32): every change is an audit entry, bad lists are refused in Chinese and
change nothing, and the detectors follow an edit at once (compiled lists cached, rebuilt on change)."""

from __future__ import annotations

import pytest
from django.test import Client

from zwgk.privacy import find_private_data
from zwgk.privacy.detect import lexicon
from zwgk.privacy.models import WordListText
from zwgk.security.models import AuditEntry

pytestmark = pytest.mark.django_db
TEXT = "小区的巡逻岗亭里，巡更员马小军说了这件事。"


@pytest.fixture
def admin(staff) -> Client:
    client = Client()
    client.force_login(staff("sysadmin"))
    return client


def _with_cue(cue: str) -> str:
    return WordListText.objects.get(filename="name_cues.txt").text.replace("[strong]\n", f"[strong]\n{cue}\n")


def test_the_lists_are_seeded_from_the_shipped_files(db):
    assert set(WordListText.objects.values_list("filename", flat=True)) == set(lexicon.filenames())
    assert WordListText.objects.get(filename="surnames.txt").text == lexicon.shipped_text("surnames.txt")


def test_an_edited_list_is_used_by_the_detector_at_once_and_audited(admin):
    assert not [f for f in find_private_data(TEXT) if f.kind == "name"]
    page = admin.get("/workbench/admin/word-lists/").content.decode()
    assert "姓名提示词" in page and "屏蔽词表" in page
    response = admin.post("/workbench/admin/word-lists/name_cues.txt/", {"text": _with_cue("巡更员")})
    assert response.status_code == 302
    assert [f.text for f in find_private_data(TEXT) if f.kind == "name"] == ["马小军"]
    entry = AuditEntry.objects.get(kind="word_list_changed")
    assert entry.actor == "sysadmin" and entry.detail["added"] == ["巡更员"] and entry.detail["removed"] == []


def test_a_list_without_a_needed_section_is_refused_and_changes_nothing(admin):
    before = WordListText.objects.get(filename="name_cues.txt").text
    response = admin.post("/workbench/admin/word-lists/name_cues.txt/",
                          {"text": before.replace("[strong]", "")})
    assert response.status_code == 200 and "缺少分节[strong]" in response.content.decode()
    assert WordListText.objects.get(filename="name_cues.txt").text == before
    assert not AuditEntry.objects.filter(kind="word_list_changed").exists()


def test_a_word_with_regex_symbols_is_refused(admin):
    response = admin.post("/workbench/admin/word-lists/name_cues.txt/", {"text": _with_cue("巡(更员")})
    assert "含有不允许的符号" in response.content.decode()
    assert "巡(更员" not in WordListText.objects.get(filename="name_cues.txt").text


def test_restoring_the_shipped_list_undoes_an_edit(admin):
    admin.post("/workbench/admin/word-lists/name_cues.txt/", {"text": _with_cue("巡更员")})
    admin.post("/workbench/admin/word-lists/name_cues.txt/", {"step": "restore"})
    assert WordListText.objects.get(filename="name_cues.txt").text == lexicon.shipped_text("name_cues.txt")
    assert not [f for f in find_private_data(TEXT) if f.kind == "name"]
    assert AuditEntry.objects.filter(kind="word_list_changed").count() == 2


def test_only_the_system_administrator_edits_the_lists(staff):
    client = Client()
    client.force_login(staff("clerk"))
    assert client.get("/workbench/admin/word-lists/").status_code in (403, 404)
    assert client.post("/workbench/admin/word-lists/name_cues.txt/", {"text": "x"}).status_code in (403, 404)
