"""Background work of static publishing: re-render what a change shows, the whole tree, and the
periodic tamper check (Art. 40)."""

from __future__ import annotations

from celery import shared_task

from zwgk.publishing import services


@shared_task(name="publishing.publish_changed")
def publish_changed(model: str, object_id: str) -> int:
    """Re-render the pages that show one entry, message or section."""
    return services.publish_urls(services.affected_urls(model, object_id))


@shared_task(name="publishing.publish_sitemaps")
def publish_sitemaps(entry_id: str) -> int:
    return services.publish_urls(services.sitemap_urls(int(entry_id)))


@shared_task(name="publishing.publish_site")
def publish_site_task() -> int:
    return services.publish_site()


@shared_task(name="publishing.check_links")
def check_links_task() -> int:
    from zwgk.publishing.links import check_links

    return len(check_links())


@shared_task(name="publishing.tamper_check")
def tamper_check_task() -> int:
    return len(services.tamper_check().findings)
