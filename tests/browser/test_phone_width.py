"""At a phone's width (390×844) no page scrolls sideways (issue #13): every public page in both modes,
and the workbench pages a clerk works in all day (to-do, applications, messages, catalog drafts);
wide workbench tables scroll inside their own container instead of widening the page."""

from __future__ import annotations

from tests.browser.a11y import care_on, public_pages

PHONE = {"width": 390, "height": 844}
OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll("body *")].filter(el => {
    const r = el.getBoundingClientRect();
    return r.right > width + 1 && getComputedStyle(el).position !== "absolute"
      && !el.closest(".table-wrap, .scroll-x");
  }).slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""));
  return {scroll: document.documentElement.scrollWidth, inner: width, wide};
}"""
# A column heading broken into one character a line is unreadable: each stays on one line.
BROKEN_HEADINGS = """() => [...document.querySelectorAll("main thead th")].filter(th => {
  const line = parseFloat(getComputedStyle(th).lineHeight);
  return th.getBoundingClientRect().height > 2.5 * line;
}).map(th => th.textContent.trim())"""


def _sideways(page, urls: list[str], label: str = "") -> list[str]:
    found = []
    for url in urls:
        page.goto(url)
        seen = page.evaluate(OVERFLOW)
        if seen["scroll"] > seen["inner"]:
            found.append(f"{label}{url}: scrollWidth {seen['scroll']} > {seen['inner']} ({', '.join(seen['wide'])})")
    return found


def test_no_public_page_scrolls_sideways_on_a_phone(page, browser_demo):
    page.set_viewport_size(PHONE)
    pages = public_pages()
    found = _sideways(page, pages)
    care_on(page)
    found += _sideways(page, pages, "关怀模式 ")
    assert not found, "pages wider than the phone:\n" + "\n".join(found)


def test_the_main_workbench_pages_fit_a_phone(page, login):
    from zwgk.applications.models import Application
    from zwgk.interaction.models import Message

    page.set_viewport_size(PHONE)
    login("clerk")
    page.wait_for_url("**/workbench/")
    application = Application.objects.order_by("pk").first()
    message = Message.objects.order_by("pk").first()
    urls = ["/workbench/", "/workbench/applications/", f"/workbench/applications/{application.number}/",
            "/workbench/messages/", f"/workbench/messages/{message.number}/", "/workbench/catalog/"]
    found = _sideways(page, urls)
    assert not found, "workbench pages wider than the phone:\n" + "\n".join(found)
    for url in urls:
        page.goto(url)
        assert page.evaluate(BROKEN_HEADINGS) == [], f"{url}: column headings squeezed at 390 px"
