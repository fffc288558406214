"""How the project's apps plug in without editing shared files: an app may have ``api.py`` with
``ROUTERS``, ``demo.py`` with ``load()``, and an AppConfig attribute ``workbench_nav``. (URLs are
listed in ``zwgk.urls``, explicitly, so a reader can follow them.)"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator
from types import ModuleType

from django.apps import AppConfig, apps


def project_apps() -> Iterator[AppConfig]:
    for config in apps.get_app_configs():
        if config.name.startswith("zwgk."):
            yield config


def app_modules(name: str) -> Iterator[tuple[AppConfig, ModuleType]]:
    """Each project app's module ``name`` (e.g. ``api``), in INSTALLED_APPS order, where it exists."""
    for config in project_apps():
        module_name = f"{config.name}.{name}"
        if importlib.util.find_spec(module_name) is not None:
            yield config, importlib.import_module(module_name)
