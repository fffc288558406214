"""关怀模式 reaches every element (issue #13; GB/T 37668 and the 适老化 rules for websites): in care
mode no text is smaller than the body's care size, every line height is at least 1.3 times its font
size, and the breadcrumb, the metadata table, radio buttons, checkboxes and form controls grow too."""

from __future__ import annotations

from tests.browser.a11y import EXPLAIN, care_on

# Every element that shows text of its own, or is a form control, with what the eye sees of it.
MEASURE = """() => {
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const own = el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  return [...document.body.querySelectorAll("*")]
    .filter(el => shown(el) && (own(el) || el.matches("input, select, textarea, button")))
    .map(el => {
      const s = getComputedStyle(el);
      const size = parseFloat(s.fontSize);
      const line = s.lineHeight === "normal" ? 1.2 * size : parseFloat(s.lineHeight);
      const r = el.getBoundingClientRect();
      return {what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "")
                + (el.type ? "[" + el.type + "]" : "") + " " + (el.textContent || "").trim().slice(0, 12),
              size, ratio: line / size, width: r.width, height: r.height, type: el.type || ""};
    });
}"""


def _entry_url() -> str:
    from zwgk.catalog.models import Entry

    return Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None).order_by("pk").first() \
        .get_absolute_url()


def _too_small(page, url: str, care_size: float) -> list[str]:
    page.goto(url)
    found = []
    for el in page.evaluate(MEASURE):
        if el["type"] in ("radio", "checkbox"):
            if min(el["width"], el["height"]) < care_size:
                found.append(f"{url} {el['what']}: {el['width']:.0f}×{el['height']:.0f}px < {care_size}px")
            continue
        if el["type"] == "hidden":
            continue
        if el["size"] < care_size:
            found.append(f"{url} {el['what']}: font-size {el['size']}px < {care_size}px")
        # Chromium draws a <select>'s single line at its own fixed line height (``normal``) whatever
        # the author sets; line spacing cannot apply to one line, and the control grows by padding.
        if el["ratio"] < 1.3 and not el["what"].startswith("select"):
            found.append(f"{url} {el['what']}: line-height {el['ratio']:.2f} × font-size < 1.3")
    return found


def test_care_mode_enlarges_every_element_with_line_height_of_at_least_1_3(page, browser_demo):
    care_on(page)
    care_size = float(page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)"))
    assert care_size >= 22
    found: list[str] = []
    for url in ["/", "/channel/disclosure/", "/catalog/section/news/", "/catalog/?q=%E5%85%AC%E5%AE%89",
                _entry_url(), "/apply/", "/apply/status/", "/interaction/mailbox/", "/interaction/mailbox/public/",
                EXPLAIN, "/guide/"]:
        found += _too_small(page, url, care_size)
    assert not found, "too small in 关怀模式:\n" + "\n".join(found)


def test_care_mode_strengthens_breadcrumb_metadata_table_and_choices(page, browser_demo):
    """The elements issue #13 names, one by one, against normal mode."""
    def sizes(url: str, selector: str) -> list[float]:
        page.goto(url)
        return page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().height)")

    entry = _entry_url()
    checks = [(entry, ".breadcrumb"), (entry, ".entry-meta th"), (entry, ".entry-meta td"),
              ("/interaction/mailbox/", "input[type=radio]"), ("/apply/", "input[type=checkbox]"),
              ("/apply/", "input[type=text]"), ("/apply/", "select"), ("/apply/", "textarea"), ("/apply/", "button")]
    normal = {check: sizes(*check) for check in checks}
    care_on(page)
    for check in checks:
        before, after = normal[check], sizes(*check)
        assert before and after, f"{check}: nothing to measure"
        assert min(after) > min(before), f"{check}: {min(after)}px in 关怀模式, {min(before)}px normally"
