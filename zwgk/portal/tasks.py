"""Celery finds the portal's tasks here."""

from zwgk.portal.visits import save_visits

__all__ = ["save_visits"]
