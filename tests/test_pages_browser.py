"""Every page type in the system's Chromium (Playwright, executable_path=/usr/bin/chromium):
no sideways scrolling at 320 px, chart text of at least 12 px at 390 px, and no WCAG 2.1 A/AA
violation found by axe-core (node_modules/axe-core, installed by .ci/run); and the W3C Nu checker
(node_modules/vnu-jar, run with Java) finds no error.

The pages: the shipped reviews' documents (one a DRAFT, with a logo and the questions box),
the index, the report overview and the report pages, and the same for reviews imported from
the shared corpus.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from page_tools import AXE, CHROMIUM, CHROMIUM_FLAGS, VNU, import_sample, require, require_command, tiny_png
from test_build_support import add_identity

IMPORTED = 20
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
HANDOUT = """
[handout]
organisation = "Example Health Trust"
logo = "logo.png"
logo_alt = "Example Health Trust logo"
contact = "Questions about this leaflet: write to patient.info@example.org."
questions = ["Is this treatment right for me?"]
"""


def _site(root: Path, imported: bool) -> Path:
    if imported:
        import_sample(root / "content", IMPORTED, offset=3)
        config = (REPO / "plainsum.toml").read_text(encoding="utf-8")
    else:
        shutil.copytree(REPO / "content", root / "content")
        config = (REPO / "plainsum.toml").read_text(encoding="utf-8").replace(
            "max_flesch_kincaid_grade = 13", "max_flesch_kincaid_grade = 12")  # the ILSP summary is a DRAFT
        config += HANDOUT
        (root / "templates" / "assets").mkdir(parents=True)
        (root / "templates" / "assets" / "logo.png").write_bytes(tiny_png())
    (root / "plainsum.toml").write_text(config, encoding="utf-8")
    if not imported:
        add_identity(root)
    built = run_cli("build", "--formats", "html,md,txt", "--draft", "--no-progress", cwd=root)
    assert built.returncode in (0, 1), built.stdout + built.stderr
    reported = run_cli("report", cwd=root)
    assert reported.returncode == 0, reported.stdout + reported.stderr
    return root / "output"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    return {"shipped": _site(tmp_path_factory.mktemp("shipped"), False),
            "imported": _site(tmp_path_factory.mktemp("imported"), True)}


def page_types(output: Path) -> dict[str, list[Path]]:
    return {
        "summary": sorted(output.glob("*/summary.html")),
        "abstract": sorted(output.glob("*/abstract.html")),
        "index": [output / "index.html"],
        "report overview": [output / "report" / "index.html"],
        "report page": sorted((output / "report" / "reviews").glob("*.html")),
    }


def every_page(sites: dict[str, Path]) -> list[Path]:
    pages = [page for output in sites.values() for group in page_types(output).values() for page in group]
    assert all(page.is_file() for page in pages)
    return pages


@pytest.fixture(scope="module")
def browser():
    require(CHROMIUM.is_file(), "Chromium (/usr/bin/chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def test_there_is_a_page_of_every_type(sites):
    for name, output in sites.items():
        for kind, pages in page_types(output).items():
            assert pages, f"no {kind} page in the {name} site"
    assert 'class="draft-banner"' in (sites["shipped"] / "ilsp-immunotherapy" / "summary.html").read_text(encoding="utf-8")


def test_no_page_scrolls_sideways_at_320_px(sites, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    for path in every_page(sites):
        page.goto(path.as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            culprit = page.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.table-scroll'))
                .slice(-1).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60))""")
            wide.append(f"{path}: {width} px ({culprit})")
    context.close()
    assert wide == []


def test_chart_text_is_at_least_12_px_at_390_px(sites, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for output in sites.values():
        page.goto((output / "report" / "index.html").as_uri())
        sizes = page.evaluate("""() => [...document.querySelectorAll('svg.chart text')].map(t => {
            const svg = t.ownerSVGElement; const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return parseFloat(getComputedStyle(t).fontSize) * scale; })""")
        assert sizes, "no chart text"
        assert min(sizes) >= 12, f"chart text as small as {min(sizes):.1f} px"
    context.close()


def test_no_chart_label_runs_past_its_chart(sites, browser):
    """Every text of a report chart lies inside the chart's box ("(45.2% passed" lost its ")")."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for output in sites.values():
        page.goto((output / "report" / "index.html").as_uri())
        outside = page.evaluate("""() => [...document.querySelectorAll('svg.chart text')].filter(t => {
            const box = t.getBBox(); const view = t.ownerSVGElement.viewBox.baseVal;
            return box.x < view.x - 0.5 || box.x + box.width > view.x + view.width + 0.5; }).map(t => t.textContent)""")
        assert outside == [], outside
    context.close()


def test_the_index_gives_each_document_one_line_at_1280_px(sites, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for output in sites.values():
        page.goto((output / "index.html").as_uri())
        lines = page.evaluate("""() => [...document.querySelectorAll('ul.documents li')].map(li => {
            const height = li.getBoundingClientRect().height; const line = parseFloat(getComputedStyle(li).lineHeight);
            return [li.textContent, Math.round(height / line)]; })""")
        assert lines and all(count == 1 for _, count in lines), lines
        assert any("HTML · Summary MD · Summary TXT" in text for text, _ in lines), lines  # "Summary " hidden on screen
    context.close()


def test_icon_array_figures_are_at_least_12_px_at_390_px(sites, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((sites["shipped"] / "general-health-checks" / "summary.html").as_uri())
    sizes = page.evaluate("""() => [...document.querySelectorAll('svg.icons')].map(svg => {
        const view = svg.viewBox.baseVal; const columns = view.width / 10;
        return svg.getBoundingClientRect().width / columns * 0.95; })""")  # a figure is 9.5 of its 10-unit cell
    assert len(sizes) == 2 and min(sizes) >= 12, sizes
    context.close()


def test_kept_together_text_stays_on_one_line_at_320_px(sites, browser):
    """Dates, a measure and its value, "95% CI" (no-break spaces) and names in a nobr span are
    never split across lines on a phone."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    split = []
    for output in sites.values():
        for path in sorted(output.glob("*/*.html")):
            page.goto(path.as_uri())
            split += page.evaluate("""() => {
                const found = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const text = node.textContent;
                    for (const match of text.matchAll(/\\S+(?:\\u00a0\\S+)+/g)) {
                        const range = document.createRange();
                        range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);
                        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (tops.size > 1) found.push(match[0]);
                    }
                }
                for (const span of document.querySelectorAll('.nobr')) {
                    const tops = new Set([...span.getClientRects()].map(r => Math.round(r.top)));
                    if (tops.size > 1) found.push(span.textContent);
                }
                return found; }""")
    context.close()
    assert split == []


@pytest.mark.parametrize("width", [1280, 320])
def test_summary_of_findings_cells_never_cut_a_word(sites, browser, width):
    """A cell may break a line between words or at a hyphenation point of the page's language, never
    inside a word ("Relativ/e" at 1280 px): no cell lets words break anywhere, none overflows."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    bad, checked = [], 0
    for output in sites.values():
        for path in sorted(output.glob("*/abstract.html")):
            page.goto(path.as_uri())
            cells = page.evaluate("""() => [...document.querySelectorAll('.summary-of-findings th, .summary-of-findings td')]
                .map(cell => { const style = getComputedStyle(cell);
                    const cut = style.overflowWrap !== 'normal' || style.wordBreak !== 'normal' || cell.scrollWidth > cell.clientWidth + 1;
                    return [cell.textContent.slice(0, 40), cut]; })""")
            checked += len(cells)
            bad += [text for text, cut in cells if cut]
    context.close()
    assert checked >= 40 and bad == [], (checked, bad)  # the health checks table: 5 rows of 8 cells and its head


def test_axe_core_finds_no_wcag_a_or_aa_violation(sites, browser):
    require(AXE.is_file(), f"axe-core ({AXE})")
    source = AXE.read_text(encoding="utf-8")
    # bypass_csp: the pages forbid scripts (default-src 'none'); the test injects axe itself
    context = browser.new_context(viewport={"width": 1024, "height": 768}, bypass_csp=True)
    page = context.new_page()
    found = []
    for path in every_page(sites):
        page.goto(path.as_uri())
        page.evaluate(source)
        result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            found.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    context.close()
    assert found == []


def test_the_nu_checker_finds_no_error(sites):
    require(VNU.is_file(), f"the Nu checker ({VNU})")
    java = require_command("java")
    pages = every_page(sites)
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages if m.get("type") == "error"]
    assert errors == []
    assert result.returncode == 0
