"""The web page in a real browser: Debian's chromium driven by Playwright against uvicorn.

Skips when chromium is not at /usr/bin/chromium (``scripts/install-browser.sh`` installs it;
``playwright install`` is never used). Screenshots go to a temp folder, whose path the test
output prints; with ``NEWSWEAVE_DOCS_SCREENSHOTS=1`` the brief is also saved to ``docs/img/``.
"""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsweave.models import (
    Brief,
    Claim,
    Entity,
    Mention,
    Quote,
    Statement,
    TimelineEvent,
)
from newsweave.report.common import brief_title
from newsweave.serve import ServeSettings
from newsweave.serve.app import create_app
from newsweave.serve.server import running
from newsweave.summarize import DEFAULT_ALGORITHM, available

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
XSS_OUTLET = '<b onmouseover="window.__xss = 3">Evil Times</b>'
XSS_TEXT = (
    'Protesters in Bishkek carried signs reading <img src=x onerror="window.__xss = 1"> '
    "outside the parliament building on Wednesday. "
    "Police said the crowd of <script>window.__xss = 2</script> people dispersed by evening. "
    "The interim government said the capital was calm again after the protests."
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="chromium is not installed at /usr/bin/chromium (run scripts/install-browser.sh)",
)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"screenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A fresh chromium profile for this module's tests."""
    with sync_api.sync_playwright() as playwright:
        browser_context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport=DESKTOP,
        )
        yield browser_context
        browser_context.close()


@pytest.fixture
def page(context: Any, live_url: str) -> Iterator[Any]:
    """The page at ``/``; fails the test if any script error happened on it."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(live_url)
    yield tab
    tab.close()
    assert not errors


def _post_json(url: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(url, method="POST", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _api_brief(live_url: str, articles: list[dict[str, str]]) -> Brief:
    """What the API answers for the same reports: the page must show exactly this summary
    (the analysis does not change it, so it is left out here to save time)."""
    return Brief.from_dict(_post_json(f"{live_url}/briefs?words=150&analysis=false",
                                      {"articles": articles}))


def _paste(page: Any, reports: list[tuple[str, str]]) -> None:
    """Fill one report box per (outlet, text), adding boxes as needed, and submit."""
    while page.locator("#reports .report").count() < len(reports):
        page.click("#add-report")
    for box, (outlet, text) in zip(page.locator("#reports .report").all(), reports,
                                   strict=False):
        box.locator(".source").fill(outlet)
        box.locator(".text").fill(text)
    page.click("#submit")
    page.wait_for_selector("#summary li")


def test_pasted_reports_give_the_brief_and_exact_source_highlights(
    page: Any, live_url: str, example_files: list[Path], shots: Path
) -> None:
    texts = [path.read_text(encoding="utf-8") for path in example_files]
    expected = _api_brief(live_url, [{"text": text} for text in texts])
    _paste(page, [("", text) for text in texts])
    items = page.locator("#summary li")
    assert [items.nth(i).locator("button.sentence").text_content()
            for i in range(items.count())] == [s.sentence.text for s in expected.summary]
    for i, item in enumerate(expected.summary):
        assert page.locator("#summary li .attribution").nth(i).text_content() == (
            " · also ".join([expected.sources_of(item)[0],
                             ", ".join(expected.sources_of(item)[1:])]).removesuffix(" · also ")
        )
    assert page.locator("#brief-title").text_content() == brief_title(expected)
    page.screenshot(path=shots / "brief.png", full_page=True)

    chosen = max(range(len(expected.summary)), key=lambda i: len(expected.summary[i].support))
    item = expected.summary[chosen]
    assert item.support, "the example has sentences reported by several outlets"
    items.nth(chosen).locator("button.sentence").click()
    columns = page.locator("#source-columns .source-column")
    assert columns.count() == 1 + len(item.support)
    refs = [item.sentence.ref, *item.support]
    for column, ref in zip(columns.all(), refs, strict=True):
        article = expected.story.article(ref.article_id)
        assert column.locator("h3").text_content() == article.label
        assert column.locator(".article-text").text_content() == article.text
        mark = column.locator("mark")
        assert mark.count() == 1
        assert mark.text_content() == expected.story.sentence(ref).text
        assert mark.get_attribute("class") == ("primary" if ref == refs[0] else "support")
        assert mark.is_visible()
    page.screenshot(path=shots / "sources.png")
    if os.environ.get("NEWSWEAVE_DOCS_SCREENSHOTS") == "1":
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        _screenshot_between(page, "#summary", "#sources", DOCS_IMG / "serve-sources.png")
        conflicts = page.locator("#analysis section.conflict")
        if conflicts.count():  # the analysis of the example finds conflicting figures
            conflicts.screenshot(path=DOCS_IMG / "serve-analysis.png")


def test_reports_without_headlines_are_titled_as_the_markdown_titles_them(
    page: Any, live_url: str
) -> None:
    reports = [
        ("AP", "Germany's second doping trial against former East German sports officials "
               "opened Tuesday with coaches and doctors confessing they gave drugs to young "
               "swimmers. The trial resumes Monday in Berlin."),
        ("Reuters", "Two former East German swimming coaches admitted in a Berlin court on "
                    "Tuesday that they gave anabolic steroids to teenage swimmers. Their "
                    "lawyers said the doses were small."),
    ]
    expected = _api_brief(live_url, [{"source": s, "text": t} for s, t in reports])
    assert not any(article.title for article in expected.story.articles)
    _paste(page, reports)
    title = page.locator("#brief-title").text_content()
    assert title == brief_title(expected)
    assert title.endswith(" \u2026") and len(title.split()) == 13


def test_an_outlet_with_several_reports_is_named_with_their_numbers(page: Any) -> None:
    _paste(page, [
        ("AP", "A magnitude 6.1 earthquake struck central Chile on Monday, the USGS said. "
               "Buildings swayed in Santiago but no damage was reported."),
        ("Reuters", "A magnitude 6.1 earthquake struck central Chile on Monday, the USGS said. "
                    "Mining companies said their operations were not affected."),
        ("AP", "Officials in Chile said on Monday evening that the earthquake caused no "
               "deaths. Schools will open as usual on Tuesday."),
    ])
    items = page.locator("#summary li")
    shown = {items.nth(i).locator("button.sentence").text_content():
             items.nth(i).locator(".attribution").text_content() for i in range(items.count())}
    assert shown["A magnitude 6.1 earthquake struck central Chile on Monday, the USGS said."] \
        == "AP 1 · also Reuters"
    assert shown["Schools will open as usual on Tuesday."] == "AP 3"


def _screenshot_between(page: Any, top: str, bottom: str, path: Path) -> None:
    """A screenshot of the page from ``top``'s element to the end of ``bottom``'s."""
    scroll = page.evaluate("window.scrollY")
    first, last = page.locator(top).bounding_box(), page.locator(bottom).bounding_box()
    y = first["y"] + scroll - 24
    height = last["y"] + scroll + last["height"] - y + 16
    page.screenshot(path=path, full_page=True,
                    clip={"x": 0, "y": y, "width": DESKTOP["width"], "height": height})


def test_uploaded_files_give_the_same_brief_on_a_phone(
    page: Any, live_url: str, example_files: list[Path], shots: Path
) -> None:
    page.set_viewport_size(PHONE)
    page.set_input_files("#files", [str(path) for path in example_files])
    page.click("#submit")
    page.wait_for_selector("#summary li")
    assert page.locator("#brief-meta").text_content().endswith(
        "from 4 reports · mmr, 150 words")  # what the default chose for 150 of ~2,000 words
    assert page.locator("#summary li").count() >= 3
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "nothing forces sideways scrolling on a phone"
    page.locator("#summary li button.sentence").first.click()
    assert page.locator("#source-columns mark.primary").is_visible()
    page.screenshot(path=shots / "phone.png")


def test_markup_in_a_report_is_shown_as_text_and_never_run(
    page: Any, shots: Path
) -> None:
    _paste(page, [(XSS_OUTLET, XSS_TEXT)])
    assert page.evaluate("window.__xss") is None
    assert page.locator("#brief img, #brief script, #brief b").count() == 0
    summary = page.locator("#summary").text_content()
    assert '<img src=x onerror="window.__xss = 1">' in summary
    assert XSS_OUTLET in page.locator("#summary .attribution").first.text_content()
    page.locator("#summary li button.sentence").first.click()
    assert "<script>window.__xss = 2</script>" in page.locator(".article-text").text_content()
    page.locator("#summary .attribution").first.hover()
    assert page.evaluate("window.__xss") is None
    page.screenshot(path=shots / "xss.png", full_page=True)


@pytest.fixture(scope="module")
def stored_url(tmp_path_factory: pytest.TempPathFactory, example_payload: dict[str, Any]
               ) -> Iterator[str]:
    """A service whose store holds the example, ingested through ``POST /articles``."""
    db = tmp_path_factory.mktemp("store") / "example.db"
    with running(create_app(ServeSettings(db=str(db)))) as url:
        _post_json(f"{url}/articles", example_payload)
        yield url


def test_a_stored_story_is_offered_and_briefed(context: Any, stored_url: str,
                                               shots: Path) -> None:
    tab = context.new_page()
    tab.goto(stored_url)
    sync_api.expect(tab.locator("#stored")).to_be_visible()
    option = tab.locator("#story option")
    assert option.count() == 1
    assert option.text_content().endswith(" · 4 reports · Al Jazeera, BBC, CNN, RFE/RL")
    tab.click("#brief-story")
    tab.wait_for_selector("#summary li")
    assert "from 4 reports" in tab.locator("#brief-meta").text_content()
    tab.screenshot(path=shots / "stored.png")
    tab.close()


def test_no_stored_story_no_list(page: Any) -> None:
    sync_api.expect(page.locator("#add-report")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.locator("#stored").is_hidden()


def test_the_chosen_summarizer_is_the_one_used(page: Any, example_files: list[Path]) -> None:
    choices = page.locator("#algorithm option")
    sync_api.expect(choices.first).to_be_attached()
    names = [choices.nth(i).get_attribute("value") for i in range(choices.count())]
    assert set(names) == set(available())
    assert page.locator("#algorithm").input_value() == DEFAULT_ALGORITHM  # the service's default
    other = next((name for name in names if name != DEFAULT_ALGORITHM), None)
    if other is None:
        pytest.skip("only one summarizer is registered")
    page.select_option("#algorithm", other)
    page.set_input_files("#files", [str(path) for path in example_files])
    page.click("#submit")
    sync_api.expect(page.locator("#brief-meta")).to_contain_text(f"· {other}, 150 words")


def test_errors_are_shown_in_one_readable_line(page: Any) -> None:
    page.click("#submit")
    assert page.locator("#error").text_content() == (
        "Paste at least one report, or choose files to upload.")
    page.locator("#reports .report .text").first.fill("<p></p>")
    page.click("#submit")
    sync_api.expect(page.locator("#error")).to_contain_text("Could not make the brief")
    message = page.locator("#error").text_content()
    assert message.startswith("Could not make the brief: ")
    assert "no article text" in message
    assert page.locator("#brief").is_hidden()


ENTITIES = 20
"""Entities in the made-up analysis: more than the page lists before "Show all"."""
QUOTES = 15
"""Quotes in the made-up analysis: more than the page lists before "Show all" (12)."""


def _with_analysis(brief: Brief) -> Brief:
    """``brief`` with one item of every analysis section, pointing at its real sentences,
    some of them carrying markup: the page must render them all, generically and as text."""
    bbc, rferl = (next(a for a in brief.story.articles if a.source == name)
                  for name in ("BBC", "RFE/RL"))
    first = bbc.sentences[0]
    statement = Statement(first.ref, first.text, "Kazakhstan")
    other = Statement(rferl.sentences[0].ref, rferl.sentences[0].text, "<i>Kazakhstan</i>")
    return replace(
        brief,
        entities=(Entity("Kurmanbek Bakiyev", "PERSON", ("Kurmanbek Bakiyev", "Bakiev"),
                         (Mention(bbc.id, 0, 4, "Kurmanbek"),
                          Mention(rferl.id, 0, 4, "Bakiev"))),
                  *(Entity(f"Town {n}", "PLACE", (), (Mention(bbc.id, 0, 4, "Town"),))
                    for n in range(ENTITIES - 1))),
        timeline=(TimelineEvent(date(2010, 4, 15), "Thursday", first.text, (first.ref,)),
                  TimelineEvent(date(2010, 4, 16), "April 16", rferl.sentences[0].text,
                                (rferl.sentences[0].ref,), year_inferred=True),
                  TimelineEvent(None, "last Sunday", rferl.sentences[1].text,
                                (rferl.sentences[1].ref,))),
        claims=(Claim("conflict", "destination", (statement, other), "<b>figures differ</b>"),
                Claim("single_source", "injuries", (statement,)),
                Claim("agreement", "left the country", (statement, other))),
        quotes=tuple(Quote("Ilyas Omarov", f"He left on Sunday ({n})", rferl.sentences[1].ref)
                     for n in range(QUOTES)),
    )


def test_analysis_sections_render_from_the_models_json(
    page: Any, live_url: str, example_files: list[Path], shots: Path
) -> None:
    texts = [path.read_text(encoding="utf-8") for path in example_files]
    brief = _with_analysis(_api_brief(live_url, [{"text": text} for text in texts]))
    page.route("**/briefs?*", lambda route: route.fulfill(json=brief.to_dict()))
    _paste(page, [("", text) for text in texts])
    headings = page.locator("#analysis h2").all_text_contents()
    assert headings == ["People, places and organisations", "Timeline",
                        "Not on the timeline: dates in reports that give no date of their own",
                        "Where sources conflict", "Reported by one source only",
                        "What sources agree on", "Quotes"]
    row = page.locator("#analysis tbody tr").first
    assert row.locator("td").all_text_contents() == ["person", "Bakiev", "BBC, RFE/RL"]
    rows = page.locator("#analysis tbody tr")
    assert sum(r.is_visible() for r in rows.all()) == 15
    page.click("#analysis section.entities .show-all")
    assert sum(r.is_visible() for r in rows.all()) == ENTITIES
    quotes = page.locator("#analysis section.quotes li")
    assert sum(q.is_visible() for q in quotes.all()) == 12
    page.click("#analysis section.quotes .show-all")
    assert sum(q.is_visible() for q in quotes.all()) == QUOTES
    assert page.locator("#analysis .show-all").count() == 0
    dated = page.locator("#analysis .timeline li")
    assert dated.first.text_content().startswith("2010-04-15")
    assert "“April 16”, year from the other reports" in dated.nth(1).text_content()
    assert page.locator("#analysis .undated li").first.text_content().startswith("“last Sunday”")
    conflict = page.locator("#analysis section.conflict li").first
    assert conflict.locator(".badge").text_content() == "Conflict"
    assert "<b>figures differ</b>" in conflict.text_content()
    assert "<i>Kazakhstan</i>" in conflict.locator(".versions").text_content()
    assert page.locator("#analysis section.single-source .badge").text_content() == (
        "Single source")
    assert page.locator("#analysis b, #analysis i").count() == 0
    conflict.locator("button.row-text").click()
    marks = page.locator("#source-columns mark")
    assert marks.all_text_contents() == [s.text for s in brief.claims[0].statements]
    assert page.locator("#sources-caption").text_content().startswith("Each source's version")
    page.locator("#analysis").screenshot(path=shots / "analysis.png")


def test_the_openapi_docs_render_without_a_network(context: Any, live_url: str,
                                                   shots: Path) -> None:
    """/docs loads Swagger UI from the service itself, not a CDN (the browser here is offline
    to the world: anything fetched from outside would fail)."""
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda request: None if request.url.startswith(live_url)
           else outside.append(request.url))
    tab.goto(f"{live_url}/docs")
    sync_api.expect(tab.locator(".opblock-summary-path").first).to_be_visible()
    paths = tab.locator(".opblock-summary-path").all_text_contents()
    assert {"/briefs", "/briefs/files", "/healthz"} <= {p.replace("\u200b", "") for p in paths}
    assert outside == []
    tab.screenshot(path=shots / "docs.png")
    tab.close()
