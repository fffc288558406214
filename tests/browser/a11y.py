"""What the accessibility browser tests share (the brief; issue #13; GB/T 37668 适老化): the list of
public pages, the switch into 关怀模式, and the axe-core run (WCAG 2.1 A/AA)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# npm's axe-core, pinned in package.json / package-lock.json and installed by `make install`.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
     targets: v.nodes.map(n => n.target.join(" ")), summary: (v.nodes[0] || {}).failureSummary || ""})))"""

# A working-day count the explain page can show (the demo's first application, received 2026-03-02).
EXPLAIN = "/workdays/explain/?start=2026-03-02&days=20"


def public_pages() -> list[str]:
    """Every public page reachable by GET with the demo data: home, each channel, each section's list,
    a catalog entry, the catalog and its search, the guide, the application form and its status
    lookup, the mailbox form and query, the public replies and one of them, the explain page, 404."""
    from zwgk.catalog.models import Entry, Section
    from zwgk.interaction.selectors import public_messages

    entry = Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None).order_by("pk").first()
    sections = [s.get_absolute_url() for s in Section.objects.order_by("order", "pk")]
    pages = ["/", *(f"/channel/{code}/" for code in ("disclosure", "services", "interaction", "integrity")),
             *(url for url in sections if url.startswith("/catalog/section/")),
             entry.get_absolute_url(), "/catalog/", "/catalog/?q=%E5%85%AC%E5%AE%89", "/guide/",
             "/apply/", "/apply/status/", "/interaction/mailbox/", "/interaction/mailbox/query/",
             "/interaction/mailbox/public/", EXPLAIN, "/no-such-page/"]
    shown = public_messages().first()
    if shown is not None:
        pages.append(f"/interaction/mailbox/public/{shown.number}/")
    return list(dict.fromkeys(pages))


def care_on(page) -> None:
    """关怀模式 the way a visitor turns it on: the header's link sets the cookie (no JavaScript)."""
    page.goto("/care/?on=1&next=/")
    assert page.locator("body").get_attribute("class") == "care"


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as loaded (needs a ``bypass_csp`` context:
    see the ``axe_page`` fixture)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def describe(url: str, violations: list[dict]) -> list[str]:
    """One line per failing element: page, rule id, target (what a failing test prints)."""
    return [f"{url}  {v['id']} ({v['impact']}): {target}  — {v['help']}"
            for v in violations for target in v["targets"]]
