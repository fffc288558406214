"""API: creating and changing the portal's sections (API.md "Administration"). The operations join
the catalog router's ``/sections`` path (a second router on the same path would shadow its GET);
``zwgk.api.main`` imports this module before the routers are mounted."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Schema

from zwgk.api.schemas import ErrorOut, StrictSchema
from zwgk.catalog import admin_services
from zwgk.catalog.api import router

Channel = Literal["disclosure", "services", "interaction", "integrity"]


class SectionIn(StrictSchema):
    code: str
    name: str
    channel: Channel
    department: str
    description: str = ""


class SectionPatch(StrictSchema):
    name: str | None = None
    department: str | None = None


class SectionOut(Schema):
    code: str
    name: str
    channel: str
    department: str


def _out(section) -> dict:  # type: ignore[no-untyped-def]
    return {"code": section.code, "name": section.name, "channel": section.channel,
            "department": section.department.code}


ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.post("/sections", response={201: SectionOut, **ERRORS}, tags=["系统管理"])
def create_section(request: HttpRequest, payload: SectionIn):
    """A new section kept by a department (system administrator or office head)."""
    return 201, _out(admin_services.do_create_section(request.user, **payload.model_dump()))


@router.patch("/sections/{code}", response={200: SectionOut, **ERRORS}, tags=["系统管理"])
def change_section(request: HttpRequest, code: str, payload: SectionPatch):
    """Rename a section or reassign it to another department."""
    return _out(admin_services.do_change_section(request.user, code, **payload.model_dump(exclude_unset=True)))
