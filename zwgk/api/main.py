"""The v1 API (API.md): django-ninja, thin routers from each app, one error format."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from zwgk.api import errors
from zwgk.core.discovery import app_modules
from zwgk.core.errors import ServiceError
from zwgk.core.transitions import TransitionRefused


class ZwgkAPI(NinjaAPI):
    """The API; its OpenAPI document declares the bearer token scheme (API.md "General"). Tokens
    are checked by ``org.middleware.ApiTokenMiddleware``; public reads need none (``{}``)."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("securitySchemes", {})["bearerAuth"] = {
            "type": "http", "scheme": "bearer",
            "description": "POST /api/v1/auth/token 取得的令牌：Authorization: Bearer <token>",
        }
        schema["security"] = [{"bearerAuth": []}, {}]
        return schema


api = ZwgkAPI(
    title="zwgk 政务公开 API",
    version="1",
    description="政务公开平台集成接口（v1）。员工接口使用 `Authorization: Bearer <token>`；"
    "写操作可带 `Idempotency-Key`。",
    urls_namespace="api-v1",
)

import zwgk.catalog.admin_api  # noqa: E402, F401  (adds the section administration to the catalog router)

# Each app's api.py lists its routers as ROUTERS = [(prefix, router), ...].
for _config, _module in app_modules("api"):
    for _prefix, _router in getattr(_module, "ROUTERS", ()):
        api.add_router(_prefix, _router)


@api.exception_handler(ServiceError)
def _service_error(request: HttpRequest, exc: ServiceError):
    return errors.service_error_response(exc)


@api.exception_handler(TransitionRefused)
def _transition_refused(request: HttpRequest, exc: TransitionRefused):
    return errors.transition_refused_response(exc)


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError):
    return errors.validation_response(exc.errors)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404):
    return errors.not_found_response(request)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError):
    return errors.error_response(401, "not_authenticated", "请先登录。")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    return errors.error_response(exc.status_code, "http_error", str(exc))


@api.exception_handler(OverflowError)
def _overflow(request: HttpRequest, exc: OverflowError):
    """A date near the end of the calendar (``start=9999-12-31``): counting past it is bad input."""
    return errors.error_response(422, "validation_error", "日期超出可计算的范围。", {"date": "日期超出范围"})
