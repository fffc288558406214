"""Spreadsheet cells that cannot run: every CSV and XLSX export writes its values through
``safe_cell`` (issue 9, formula injection). A title typed as ``=HYPERLINK(...)`` or ``@SUM(...)``
would otherwise be a live formula in the workbench's XLSX files (openpyxl writes any text starting
with ``=`` as a formula) and in the public CSV opened by a citizen's spreadsheet program. The
OWASP rule: text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading apostrophe, so it is shown as the text it is; numbers and dates are left alone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]


def safe_record(row: Mapping[str, Any]) -> dict[str, Any]:
    return {name: safe_cell(value) for name, value in row.items()}
