"""Departments, staff and roles (Art. 6; DESIGN.md "Who may do what"), and the responsibility
table that routes citizen messages (Art. 29, annex 4)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

OFFICE = "office"


class Department(models.Model):
    """A department of the department of public security (厅属部门), by the codes of API.md."""

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=60, unique=True)
    duties = models.TextField("职责", blank=True, help_text="Art. 6")
    order = models.PositiveSmallIntegerField("排序", default=100)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "部门"
        verbose_name_plural = verbose_name
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_office(self) -> bool:
        return self.code == OFFICE


class Role(models.Model):
    """A role with the permission codes it grants; roles are data so an office can adjust them."""

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=60)
    permissions = models.JSONField("权限", default=list, blank=True)

    class Meta:
        verbose_name = "角色"
        verbose_name_plural = verbose_name
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Staff(AbstractUser):
    """A member of staff: belongs to one department and holds roles."""

    full_name = models.CharField("姓名", max_length=40, blank=True)
    department = models.ForeignKey(
        Department, verbose_name="部门", null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )
    roles = models.ManyToManyField(Role, verbose_name="角色", blank=True, related_name="staff")
    # Art. 40, 41 (加强账号及密码管理): an initial or reset password must be changed at the next login;
    # every password expires after ZWGK_PASSWORD_MAX_AGE_DAYS.
    must_change_password = models.BooleanField("须修改密码", default=False)
    password_changed_at = models.DateTimeField("密码修改时间", default=timezone.now)

    class Meta:
        verbose_name = "工作人员"
        verbose_name_plural = verbose_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    def role_codes(self) -> frozenset[str]:
        cached = getattr(self, "_role_codes", None)
        if cached is None:
            cached = frozenset(self.roles.values_list("code", flat=True))
            self._role_codes = cached
        return cached

    def permission_codes(self) -> frozenset[str]:
        cached = getattr(self, "_permission_codes", None)
        if cached is None:
            codes: set[str] = set()
            for perms in self.roles.values_list("permissions", flat=True):
                codes.update(perms or [])
            cached = frozenset(codes)
            self._permission_codes = cached
        return cached

    def has_role(self, *codes: str) -> bool:
        return bool(self.role_codes() & set(codes))


class MessageRoute(models.Model):
    """Routing by responsibility (业务归口, Art. 29, annex 4): which department answers messages
    of a kind or about a matter. ``keywords`` help the office's routing suggestion."""

    KINDS = [
        ("consultation", "业务咨询"),
        ("complaint", "监督投诉"),
        ("tip_off", "线索举报"),
        ("suggestion", "意见建议"),
    ]
    matter = models.CharField("业务事项", max_length=60)
    kind = models.CharField("信息类别", max_length=20, choices=KINDS, blank=True, help_text="留空表示各类")
    keywords = models.CharField("关键词", max_length=500, blank=True, help_text="以空格或逗号分隔")
    department = models.ForeignKey(Department, verbose_name="承办部门", on_delete=models.PROTECT)
    priority = models.PositiveSmallIntegerField("优先级", default=100)

    class Meta:
        verbose_name = "网民信息归口"
        verbose_name_plural = verbose_name
        ordering = ["priority", "matter"]

    def __str__(self) -> str:
        return f"{self.matter} → {self.department}"

    def keyword_list(self) -> list[str]:
        return [w for w in self.keywords.replace("，", ",").replace(",", " ").split() if w]


class ApiToken(models.Model):
    """A bearer token for the API (API.md "General"): expires, can be revoked. Only a hash is kept."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    revoked_at = models.DateTimeField(null=True, blank=True)


class PasswordHistory(models.Model):
    """The hashes of a person's last passwords, so a new one cannot repeat them (Art. 41)."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]


class LoginThrottle(models.Model):
    """Login attempts counted per key (``account|address`` and ``address``), reserved before the
    password is checked so that parallel guesses cannot check more passwords than allowed; each
    lock-out doubles the next one (Art. 40: 身份认证、访问控制). Locking per account and address
    means nobody can keep a clerk locked out from another machine."""

    key = models.CharField(max_length=250, unique=True)
    failures = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField(default=timezone.now)
    locked_until = models.DateTimeField(null=True, blank=True)
    lockouts = models.PositiveIntegerField(default=0)
