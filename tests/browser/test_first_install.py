"""The first install in a real browser (issue 10 "Done when"): after ``manage.py setup`` the first
administrator logs in with the one-time password, must change it and enrol two-factor, creates a
department, a section and a handler; the handler logs in with the initial password, must change it
and enrol too, and drafts an entry in the new section."""

from __future__ import annotations

import io
import re
from base64 import b32decode

from django.core.management import call_command
from django_otp.oath import totp
from playwright.sync_api import expect


def otp_code(page) -> str:  # type: ignore[no-untyped-def]
    secret = page.locator(".otp-secret").inner_text().strip()
    return f"{totp(b32decode(secret), step=30, digits=6):06d}"


def change_password_and_enrol(page, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_url("**/workbench/password/")
    assert "初始密码" in page.locator("main").inner_text()
    page.get_by_label("原密码").fill(old)
    page.get_by_label(re.compile(r"^新密码")).fill(new)
    page.get_by_label("再次输入新密码").fill(new)
    page.get_by_role("button", name="修改密码").click()
    page.wait_for_url("**/workbench/otp/")
    page.get_by_label("身份验证器显示的6位动态口令").fill(otp_code(page))
    page.get_by_role("button", name="完成绑定").click()
    expect(page.locator(".backup-codes li")).to_have_count(10)


def log_in(page, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/workbench/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label(re.compile(r"^密码")).fill(password)
    page.get_by_role("button", name="登录").click()


def test_first_administrator_sets_up_a_department_and_a_handler_who_then_enrols(page, settings):
    settings.ZWGK_OTP_REQUIRED = True
    out = io.StringIO()
    call_command("setup", "--no-migrate", stdout=out)
    initial = re.search(r"一次性密码：(\S+)", out.getvalue()).group(1)

    log_in(page, "admin", initial)
    change_password_and_enrol(page, initial, "Guanli#2026-10-08")
    page.get_by_role("link", name="进入工作台").click()
    page.get_by_role("link", name="系统管理").click()

    page.get_by_role("link", name="部门", exact=True).click()
    page.get_by_label("部门代码（小写字母、数字、下划线）").fill("food_safety")
    page.get_by_label("部门名称").fill("食品药品犯罪侦查总队")
    page.get_by_role("button", name="新增").click()
    page.wait_for_load_state()
    assert "部门已新增。" in page.locator("main").inner_text()

    page.get_by_role("link", name="栏目", exact=True).click()
    form = page.locator("form", has=page.get_by_role("heading", name="新增栏目"))
    form.get_by_label("栏目代码（字母、数字、下划线）").fill("food_cases")
    form.get_by_label("栏目名称").fill("食药案件通报")
    form.get_by_label("维护部门").select_option(label="食品药品犯罪侦查总队")
    form.get_by_role("button", name="新增").click()
    page.wait_for_load_state()
    assert "栏目已新增。" in page.locator("main").inner_text()

    page.get_by_role("link", name="工作人员").click()
    form = page.locator("form", has=page.get_by_role("heading", name="新增工作人员"))
    form.get_by_label("用户名").fill("food_handler")
    form.get_by_label("姓名").fill("陈静")
    form.locator("select[name=department]").select_option(label="食品药品犯罪侦查总队")
    form.get_by_label("部门承办人").check()
    form.get_by_role("button", name="新增").click()
    page.wait_for_load_state()
    handler_password = page.locator(".initial-password").inner_text().strip()
    page.get_by_role("button", name="退出").click()

    log_in(page, "food_handler", handler_password)
    change_password_and_enrol(page, handler_password, "Chengban#2026-09-28")
    page.get_by_role("link", name="进入工作台").click()
    page.wait_for_load_state()
    assert "陈静（食品药品犯罪侦查总队）" in page.locator("header").inner_text()

    page.get_by_role("link", name="信息发布").click()
    page.get_by_role("link", name="起草信息").click()
    form = page.locator("form.draft-form")
    form.get_by_label("信息名称").fill("2026年第三季度食品药品犯罪案件通报")
    form.get_by_label("栏目").select_option(label="食药案件通报")
    form.get_by_label("主动公开类别（第八条）").select_option(index=1)
    form.get_by_label("正文（可粘贴带格式文本；保存时清理）").fill("第三季度共破获食品药品犯罪案件12起。")
    form.get_by_role("button", name="保存草稿").click()
    page.wait_for_load_state()
    assert "草稿已保存。" in page.locator("main").inner_text()

    from zwgk.catalog.models import Entry

    entry = Entry.objects.get(title="2026年第三季度食品药品犯罪案件通报")
    assert entry.status == Entry.DRAFT and entry.section.code == "food_cases"
    assert entry.department.code == "food_safety" and entry.created_by.username == "food_handler"
