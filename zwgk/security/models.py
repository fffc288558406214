"""The security audit log (Art. 40 安全审计): append-only, each entry chained to the one before it by
a hash, so that a changed, removed or reordered entry is found by ``manage.py verify_audit``."""

from __future__ import annotations

from django.db import models


class AuditKind(models.TextChoices):
    LOGIN = "login", "登录"
    LOGIN_FAILED = "login_failed", "登录失败"
    LOCKOUT = "lockout", "登录锁定"
    LOGOUT = "logout", "退出登录"
    PASSWORD_CHANGED = "password_changed", "修改密码"
    PASSWORD_RESET = "password_reset", "重置密码"
    OTP_ENROLLED = "otp_enrolled", "启用双因素认证"
    OTP_RESET = "otp_reset", "重置双因素认证"
    ACCOUNT_CREATED = "account_created", "新建账号"
    ACCOUNT_CHANGED = "account_changed", "变更账号"
    ROLES_CHANGED = "roles_changed", "变更角色"
    DEPARTMENT_CHANGED = "department_changed", "变更部门"
    SECTION_CHANGED = "section_changed", "变更栏目"
    ROUTE_CHANGED = "route_changed", "变更归口规则"
    TEMPLATE_CHANGED = "template_changed", "变更答复模板"
    SITE_CHANGED = "site_changed", "变更网站信息"
    PERSONAL_DATA_EXPORT = "personal_data_export", "导出或下载个人信息"
    CASE_EVENT = "case_event", "办件状态变化"
    AUDIT_EXPORT = "audit_export", "导出审计日志"
    AUDIT_PRUNED = "audit_pruned", "清理过期审计日志"
    BACKUP = "backup", "数据备份"
    RESTORE = "restore", "数据恢复"
    SETUP = "setup", "系统初始化"
    REAUTH = "reauth", "再次验证密码"
    WORD_LIST_CHANGED = "word_list_changed", "变更屏蔽词表"


class AuditResult(models.TextChoices):
    SUCCESS = "success", "成功"
    FAILURE = "failure", "失败"
    REFUSED = "refused", "拒绝"


class AuditEntry(models.Model):
    """One audited action: who, when, from which address, what, on which object, with what result.
    ``actor`` is the account name as text so the entry outlives any change to the account."""

    seq = models.BigIntegerField("序号", unique=True)
    at = models.DateTimeField("时间", db_index=True)
    actor = models.CharField("操作人", max_length=150, blank=True, db_index=True)
    ip = models.GenericIPAddressField("地址", null=True, blank=True)
    kind = models.CharField("类别", max_length=30, choices=AuditKind.choices, db_index=True)
    object = models.CharField("对象", max_length=200, blank=True)
    result = models.CharField("结果", max_length=10, choices=AuditResult.choices, default=AuditResult.SUCCESS)
    detail = models.JSONField("详情", default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = verbose_name
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.get_kind_display()} {self.object}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[override]
        raise ValueError("audit entries are append-only; old entries leave only by the retention rule")


class AuditHead(models.Model):
    """The end of the chain (one row): the last entry's number and hash, so removing the newest
    entries is found too, and the anchor left by retention pruning (Art. 40: kept ≥ 6 months)."""

    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)
    pruned_through = models.BigIntegerField(default=0)
    anchor_hash = models.CharField(max_length=64, default="0" * 64)
