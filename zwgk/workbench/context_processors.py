from django.http import HttpRequest
from django.urls import reverse

from zwgk.core.discovery import project_apps
from zwgk.org.permissions import can


def navigation(request: HttpRequest) -> dict:
    """The workbench's menu: each app's ``workbench_nav`` items that this person may use."""
    if not request.path.startswith("/workbench/") or not request.user.is_authenticated:
        return {}
    items = []
    for config in project_apps():
        for key, label, url_name, action in getattr(config, "workbench_nav", ()):
            if action is None or can(request.user, action):
                items.append({"key": key, "label": label, "url": reverse(url_name)})
    return {"workbench_nav": items}
