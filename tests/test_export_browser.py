"""The exports in a real browser: Debian's headless Chromium driven by Playwright.

* the HTML page: events drawn and listed, details on click, a screenshot,
  no console error, no network request, and a hostile document runs nothing;
* the Mermaid text, rendered by the real ``mermaid`` package;
* the TimelineJS JSON, loaded by the real ``@knight-lab/timelinejs``;
* exports of the shared sample corpus and a corpus timeline of all of it.

The npm packages come from ``tests/browser/node_modules`` (``npm ci`` there).
Locally these tests skip when Chromium, Playwright or the npm packages are
missing; with ``CI=true`` they fail instead, so CI cannot pass without them.
Set ``CAREERNARR_SCREENSHOTS=DIR`` to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import load, load_all

from careernarr.export.html import to_html
from careernarr.export.mermaid import to_mermaid
from careernarr.export.timeline import build_timeline
from careernarr.export.timelinejs import to_timelinejs
from careernarr.model import Narrative

CHROMIUM = Path(os.environ.get("CAREERNARR_CHROMIUM", "/usr/bin/chromium"))
NODE_MODULES = Path(__file__).parent / "browser" / "node_modules"
MERMAID_JS = NODE_MODULES / "mermaid" / "dist" / "mermaid.min.js"
TIMELINE_JS = NODE_MODULES / "@knight-lab" / "timelinejs" / "dist" / "js" / "timeline.js"
TIMELINE_CSS = NODE_MODULES / "@knight-lab" / "timelinejs" / "dist" / "css" / "timeline.css"
REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = next((p for p in (REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")) if p.is_dir()), None)
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _require(ok: bool, what: str) -> None:
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{what}; CI is set, so browser tests must run (see .ci/run)")
    pytest.skip(what)


@pytest.fixture(scope="module")
def browser_context() -> Iterator[Any]:
    _require(CHROMIUM.exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "playwright is not installed (pip install -e '.[test]')")
        raise
    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="careernarr-chromium-") as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1360, "height": 900}, device_scale_factor=1,
        )
        try:
            yield context
        finally:
            context.close()


class Watched:
    """A page with everything that should not happen recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("dialog", self._dialog)
        page.route("**/*", self._route)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file://", "data:", "about:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def assert_clean(self) -> None:
        assert self.errors == [], "console errors"
        assert self.dialogs == [], "a dialog was opened: some script ran"
        assert self.requests == [], "the page tried to reach the network"
        assert self.page.evaluate("typeof window.__pwned") == "undefined", "an injected script ran"


@pytest.fixture
def watched(browser_context: Any) -> Iterator[Watched]:
    page = browser_context.new_page()
    try:
        yield Watched(page)
    finally:
        page.close()


def _screenshot(page: Any, path: Path, *, full_page: bool = True) -> bytes:
    png: bytes = page.screenshot(path=str(path), full_page=full_page)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    keep = os.environ.get("CAREERNARR_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return png


def _open_html(w: Watched, narratives: list[Narrative] | Narrative, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_text(to_html(narratives), "utf-8")
    w.page.goto(path.as_uri())
    w.page.wait_for_load_state("load")


# -- the HTML page ------------------------------------------------------------


def test_html_page_shows_events_and_details(watched: Watched, tmp_path: Path) -> None:
    narratives = load_all()[:3]
    tl = build_timeline(narratives)
    _open_html(watched, narratives, tmp_path, "corpus-fixtures")
    page = watched.page
    marks = page.locator("svg.chart g.ev")
    assert marks.count() == len(tl.dated)
    chart = page.locator("svg.chart").bounding_box()
    for i in range(marks.count()):
        box = marks.nth(i).locator(".m").bounding_box()
        assert box and box["width"] > 3 and box["height"] > 3
        assert chart["x"] <= box["x"] and box["x"] + box["width"] <= chart["x"] + chart["width"] + 1
    assert page.locator("li.row").count() == len(tl.entries)
    assert page.locator("li.row.undated").first.is_visible()
    # click a range on the chart: its evidence and source appear
    entry = next(e for e in tl.dated if e.event.when == "2023-10/2023-12")
    page.locator(f'g.ev[data-id="{entry.id}"]').click()
    detail = page.locator(f'article[data-for="{entry.id}"]')
    assert detail.is_visible()
    assert detail.locator("mark").inner_text() == "2023年底，我通过了年度考核"
    assert "review-zh-hans.txt, line 13" in detail.inner_text()
    assert page.locator(f'li.row[data-id="{entry.id}"]').get_attribute("class") == "row selected"
    # hover another one: a preview follows the pointer
    other = tl.dated[0]
    page.locator(f'g.ev[data-id="{other.id}"]').hover()
    assert page.locator("#tip").is_visible()
    assert page.locator("#tip .tip-text").inner_text() == other.event.text
    # click in the list: the details follow
    undated = tl.undated[0]
    page.locator(f'li.row[data-id="{undated.id}"]').click()
    assert page.locator(f'article[data-for="{undated.id}"]').is_visible()
    assert not detail.is_visible()
    # a kind filter hides that kind on the chart and in the list
    page.locator('button.chip[data-value="job_search"]').click()
    hidden = page.locator('g.ev[data-kind="job_search"]')
    assert hidden.count() > 0 and not hidden.first.is_visible()
    assert not page.locator('li.row[data-kind="job_search"]').first.is_visible()
    page.locator('button.chip[data-value="job_search"]').click()
    assert hidden.first.is_visible()
    page.locator(f'g.ev[data-id="{entry.id}"]').click()
    _screenshot(page, tmp_path / "html-corpus-fixtures.png")
    watched.assert_clean()


def test_hostile_html_runs_nothing(watched: Watched, tmp_path: Path) -> None:
    hostile = load("hostile")
    _open_html(watched, hostile, tmp_path, "hostile")
    page = watched.page
    assert page.title().startswith("Quitting <script>")
    for i in range(page.locator("g.ev").count()):
        page.locator("g.ev").nth(i).click()
        page.locator("g.ev").nth(i).hover()
    for i in range(page.locator("li.row").count()):
        page.locator("li.row").nth(i).click()
    for link in page.locator("a").all():
        assert link.get_attribute("href", timeout=1000).startswith(("http://", "https://"))
    assert "<script>window.__pwned='event'</script>" in page.locator("#events").inner_text()
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.querySelectorAll('iframe, img, object, embed').length") == 0
    _screenshot(page, tmp_path / "html-hostile.png")
    watched.assert_clean()


# -- Mermaid ----------------------------------------------------------------------


def _render_mermaid(w: Watched, text: str, security: str = "strict") -> dict[str, Any]:
    _require(MERMAID_JS.exists(), f"{MERMAID_JS} is missing (npm ci in tests/browser)")
    w.page.goto("about:blank")  # a new document: no CSP left over from a page opened before
    w.page.set_content("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><div id='out'></div></body></html>")
    w.page.add_script_tag(path=str(MERMAID_JS))
    result: dict[str, Any] = w.page.evaluate(
        """async ([text, security]) => {
            mermaid.initialize({startOnLoad: false, securityLevel: security});
            try {
                await mermaid.parse(text);
                const {svg} = await mermaid.render('diagram', text);
                document.getElementById('out').innerHTML = svg;
            } catch (e) {
                return {error: String(e && e.message || e)};
            }
            const root = document.querySelector('#out svg');
            return {
                texts: Array.from(root.querySelectorAll('text')).map(t => t.textContent.replace(/\\s+/g, '')),
                scripts: root.querySelectorAll('script, foreignObject script, iframe').length,
                handlers: Array.from(root.querySelectorAll('*')).filter(
                    el => Array.from(el.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length,
            };
        }""",
        [text, security],
    )
    return result


@pytest.mark.parametrize("name", ["review-zh-hans", "thread-zh-hant", "blog-en"])
def test_mermaid_renders_each_fixture(watched: Watched, name: str) -> None:
    n = load(name)
    result = _render_mermaid(watched, to_mermaid(n))
    assert "error" not in result, result.get("error")
    texts = "".join(result["texts"])
    for entry in build_timeline(n).dated:
        assert entry.event.text.replace(" ", "")[:6] in texts
    watched.assert_clean()


@pytest.mark.parametrize("security", ["strict", "loose"])
def test_mermaid_renders_the_hostile_fixture_inertly(watched: Watched, tmp_path: Path, security: str) -> None:
    result = _render_mermaid(watched, to_mermaid([*load_all()]), security)
    assert "error" not in result, result.get("error")
    assert result["scripts"] == 0 and result["handlers"] == 0
    texts = "".join(result["texts"])
    assert "<script>window." in texts, "markup is shown as text"
    assert "securityLevel" in texts
    watched.page.locator("#out svg").click()
    _screenshot(watched.page, tmp_path / f"mermaid-fixtures-{security}.png")
    watched.assert_clean()


# -- TimelineJS -----------------------------------------------------------------


def _load_timelinejs(w: Watched, data: dict[str, Any]) -> dict[str, Any]:
    _require(TIMELINE_JS.exists(), f"{TIMELINE_JS} is missing (npm ci in tests/browser)")
    w.page.goto("about:blank")
    w.page.set_content("<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
                       "<body><div id='tl' style='width:1300px;height:760px'></div></body></html>")
    w.page.add_style_tag(path=str(TIMELINE_CSS))
    w.page.add_script_tag(path=str(TIMELINE_JS))
    result: dict[str, Any] = w.page.evaluate(
        """(data) => new Promise((resolve) => {
            const timer = setTimeout(() => resolve({error: 'TimelineJS did not finish loading'}), 15000);
            try {
                // font: null keeps TimelineJS from fetching its web fonts from a CDN.
                const tl = new TL.Timeline('tl', data, {font: null, hash_bookmark: false});
                tl.on('loaded', () => { clearTimeout(timer); resolve({ok: true}); });
            } catch (e) { clearTimeout(timer); resolve({error: String(e)}); }
        })""",
        data,
    )
    message = w.page.locator(".tl-message-content")
    if message.count() and message.first.inner_text().strip():
        result["error"] = message.first.inner_text()
    result["markers"] = w.page.locator(".tl-timemarker").count()
    return result


def test_timelinejs_loads_a_corpus(watched: Watched, tmp_path: Path) -> None:
    narratives = load_all()
    data = to_timelinejs(narratives)
    result = _load_timelinejs(watched, data)
    assert "error" not in result, result["error"]
    assert result["markers"] == len(data["events"])
    page = watched.page
    for _ in range(4):
        page.locator(".tl-slidenav-next").first.click()
        page.wait_for_timeout(50)
    slides = page.locator(".tl-slide").all_inner_texts()
    assert any("<script>window.__pwned='event'</script>" in s for s in slides), "hostile markup shown as text"
    page.wait_for_timeout(1200)  # let the slide animation settle before the picture
    _screenshot(page, tmp_path / "timelinejs-fixtures.png", full_page=False)
    watched.assert_clean()


# -- the shared sample corpus -----------------------------------------------------


@pytest.fixture(scope="module")
def shared_corpus() -> list[Narrative]:
    if SHARED_CORPUS is None:
        pytest.skip("the shared sample corpus is not beside this checkout")
    import careernarr

    return [careernarr.parse(p) for p in sorted(SHARED_CORPUS.iterdir()) if p.is_file()]


def test_shared_corpus_pages_and_corpus_timeline(watched: Watched, shared_corpus: list[Narrative],
                                                  tmp_path: Path) -> None:
    for i, n in enumerate(shared_corpus):
        _open_html(watched, n, tmp_path, f"shared-{i}")
        assert watched.page.locator("li.row").count() == len(n.events)
        assert watched.page.locator("h1").inner_text().strip()
        _screenshot(watched.page, tmp_path / f"html-shared-{i}.png", full_page=False)
    _open_html(watched, shared_corpus, tmp_path, "shared-corpus")
    tl = build_timeline(shared_corpus)
    assert watched.page.locator("svg.chart g.ev").count() == len(tl.dated)
    assert watched.page.locator("section.card .narr").count() == len(shared_corpus)
    _screenshot(watched.page, tmp_path / "html-shared-corpus.png")
    watched.assert_clean()
    result = _render_mermaid(watched, to_mermaid(shared_corpus))
    assert "error" not in result, result.get("error")
    result = _load_timelinejs(watched, to_timelinejs(shared_corpus))
    assert "error" not in result or not tl.dated, result.get("error")
    watched.assert_clean()
