"""Errors a service raises; views and the API turn them into Chinese messages (API.md, "General")."""

from __future__ import annotations


class ServiceError(Exception):
    """A refused action: nothing was changed. ``code`` is snake_case, ``message`` is Chinese."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        fields: dict[str, str] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.code
        self.fields = fields or {}
        if status is not None:
            self.status = status

    def as_dict(self) -> dict:
        return {"error": {"code": self.code, "message": self.message, "fields": self.fields}}


class InvalidInput(ServiceError):
    """Bad input: the message names the field."""

    status = 422
    code = "validation_error"


class NotAuthenticated(ServiceError):
    status = 401
    code = "not_authenticated"

    def __init__(self, message: str = "请先登录。", **kwargs) -> None:
        super().__init__(message, **kwargs)


class Forbidden(ServiceError):
    status = 403
    code = "forbidden"

    def __init__(self, message: str = "您无权进行此操作。", **kwargs) -> None:
        super().__init__(message, **kwargs)


class NotFound(ServiceError):
    """Also what a person outside a case's department gets (DESIGN.md: 404, not 403)."""

    status = 404
    code = "not_found"

    def __init__(self, message: str = "未找到。", **kwargs) -> None:
        super().__init__(message, **kwargs)


class Conflict(ServiceError):
    """The action does not fit the object's current state."""

    status = 409
    code = "conflict"
