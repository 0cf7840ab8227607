"""Translations of the lay summary: the seed's Spanish and French, built in every format, checked for
fact parity, validated like reviews, and a language added with a catalog and a grid only."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import REPO, SHIPPED_EXAMPLES, run_cli

REVIEW = "ilsp-immunotherapy"
ES = f"content/{REVIEW}.es.yaml"
FR = f"content/{REVIEW}.fr.yaml"


@pytest.fixture
def project(project: Path) -> Path:
    """The shipped examples, and the seed's translations."""
    for language in ("es", "fr"):
        shutil.copy(REPO / "content" / f"{REVIEW}.{language}.yaml", project / "content")
    return project


def _copy_project(root: Path) -> Path:
    """The shipped examples and the seed's translations, copied into `root` (a new folder)."""
    (root / "content").mkdir(parents=True)
    for name in (*SHIPPED_EXAMPLES, f"{REVIEW}.es", f"{REVIEW}.fr"):
        shutil.copy(REPO / "content" / f"{name}.yaml", root / "content" / f"{name}.yaml")
    shutil.copy(REPO / "plainsum.toml", root / "plainsum.toml")
    return root


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once in every format, for the tests that only read its output (one full build,
    PDFs included, is the costly part of this file)."""
    root = _copy_project(tmp_path_factory.mktemp("translations") / "project")
    result = run_cli("build", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "output" / REVIEW


@pytest.fixture
def built(project, cli) -> Path:
    """The project built in its own folder, for the tests that edit it and build again."""
    result = cli("build")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "output" / REVIEW


def _position(path: Path, text: str) -> tuple[int, int]:
    """1-based line and column of `text` in a file."""
    source = path.read_text(encoding="utf-8")
    index = source.index(text)
    before = source[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_seed_is_built_in_spanish_and_french_in_every_format(built_once):
    built = built_once
    for language in ("es", "fr"):
        names = sorted(p.name for p in (built / language).iterdir())
        assert names == [f"summary.{ext}" for ext in ("html", "md", "pdf", "txt")]
        assert not (built / language / "abstract.html").exists()  # abstracts are not translated
    es = (built / "es" / "summary.txt").read_text(encoding="utf-8")
    assert es.startswith("Inmunoterapia para la plexopatía lumbosacra")
    assert "Pregunta de la revisión" in es and "Conclusiones de los autores:" in es
    assert "se realizaron el 15 de octubre de 2013." in es  # the date fact, in Spanish
    fr = (built / "fr" / "summary.md").read_text(encoding="utf-8")
    assert "## Question de la revue" in fr and "effectuées le 15 octobre 2013." in fr
    html = (built / "fr" / "summary.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "Les données probantes sont à jour jusqu'en octobre\u00a02013." in html.replace("&#39;", "'")  # kept on one line
    assert "Résumé en langage simplifié" in html


def test_language_versions_link_to_each_other_with_hreflang(built_once):
    built = built_once
    english = (built / "summary.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="es" href="es/summary.html">' in english
    assert '<link rel="alternate" hreflang="fr" href="fr/summary.html">' in english
    spanish = (built / "es" / "summary.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en" href="../summary.html">' in spanish
    assert '<link rel="alternate" hreflang="fr" href="../fr/summary.html">' in spanish
    # each version lists itself too, and x-default is the review's own (English) version
    assert '<link rel="alternate" hreflang="es" href="summary.html">' in spanish
    assert '<link rel="alternate" hreflang="x-default" href="../summary.html">' in spanish
    assert '<link rel="alternate" hreflang="en" href="summary.html">' in english
    assert '<link rel="alternate" hreflang="x-default" href="summary.html">' in english
    assert spanish.count('rel="alternate"') == english.count('rel="alternate"') == 4
    assert '<a href="summary.html"' not in spanish  # the visible list names the other versions only
    assert '<a href="../fr/summary.html" hreflang="fr" lang="fr">français</a>' in spanish
    for href in re.findall(r'hreflang="\w+" href="([^"]+)"', spanish):
        assert (built / "es" / href).resolve().is_file()


def test_a_pdf_names_its_other_languages_without_links_to_pages_beside_it(built_once):
    built = built_once
    pypdf = pytest.importorskip("pypdf")

    for pdf in (built / "summary.pdf", built / "es" / "summary.pdf"):
        reader = pypdf.PdfReader(str(pdf))
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "français" in text  # the other versions are named
        targets = [annotation.get_object().get("/A", {}).get("/URI", "")
                   for page in reader.pages for annotation in page.get("/Annots", [])]
        assert not [target for target in targets if target.endswith(".html")], (pdf, targets)


def test_the_index_lists_each_language_with_its_figures_and_gate(built_once):
    built = built_once
    index = (built.parent / "index.html").read_text(encoding="utf-8")
    for language in ("es", "fr"):
        row = re.search(rf'<tr id="{REVIEW}-{language}" class="translation">(.*?)</tr>', index, re.S)
        assert row, language
        assert f'href="{REVIEW}/{language}/summary.html"' in row.group(1)
        assert 'class="gate-pass">passed' in row.group(1)
        assert re.search(r"<td>\d+</td>", row.group(1))  # its word count


def test_translated_pdfs_have_their_language_and_fonts_that_cover_it(built_once):
    built = built_once
    pypdf = pytest.importorskip("pypdf")
    from fontTools.ttLib import TTFont

    for language in ("es", "fr"):
        reader = pypdf.PdfReader(str(built / language / "summary.pdf"))
        assert reader.trailer["/Root"]["/Lang"] == language
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "Pregunta de la revisión" in text if language == "es" else "Question de la revue" in text
        covered: set[int] = set()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
                data = descriptor["/FontFile2"].get_object().get_data()
                for table in TTFont(io.BytesIO(data))["cmap"].tables:
                    covered.update(table.cmap)
        letters = set((built / language / "summary.txt").read_text(encoding="utf-8")) - {"\n"}
        missing = sorted(ch for ch in letters if ord(ch) not in covered)
        assert not missing, f"{language}: characters without a glyph in the embedded fonts: {missing}"


def test_the_seed_translations_pass_fact_parity(cli, project):
    result = cli("check", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    translated = [d for d in data["documents"] if d["language"] != "en"]
    assert sorted(d["document"] for d in translated) == [f"{REVIEW}/es/summary", f"{REVIEW}/fr/summary"]
    assert not [f for d in translated for f in d["findings"] if f["check"].startswith("translation.")]
    assert {key: data["languages"]["es"][key] for key in ("passed", "documents")} == {"passed": 1, "documents": 1}


def test_a_changed_fact_reaches_every_language(project, cli, built):
    _edit(project / "content" / f"{REVIEW}.yaml", "search_date: 2013-10-15", "search_date: 2016-03-02")
    result = cli("build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "were run on 2 March 2016." in (built / "summary.txt").read_text(encoding="utf-8")
    assert "se realizaron el 2 de marzo de 2016." in (built / "es" / "summary.txt").read_text(encoding="utf-8")
    assert "effectuées le 2 mars 2016." in (built / "fr" / "summary.txt").read_text(encoding="utf-8")


def test_a_wrong_number_fails_check_at_its_line(project, cli):
    path = project / ES
    _edit(path, "No encontramos ningún ensayo en la PLSI", "Encontramos 2 ensayos en la PLSI")
    result = cli("check", ES)
    assert result.returncode == 1, result.stdout + result.stderr
    line, column = _position(path, "2 ensayos")
    assert f"{ES}:{line}:{column}: error [translation.numbers] 2 in the translation of sections.main_results.plain" in result.stdout
    assert f"{REVIEW}/es/summary: FAIL" in result.stdout and f"{REVIEW}/fr/summary: pass" in result.stdout


def test_a_new_number_in_the_source_fails_the_translations_that_lack_it(project, cli):
    # a fact the English uses in words changes: the translations, written without it, are flagged
    _edit(project / "content" / f"{REVIEW}.yaml", "included_studies: 0", "included_studies: 3")
    result = cli("check")
    assert result.returncode == 1
    for path in (ES, FR):
        assert re.search(rf"{path}:\d+:\d+: error \[translation.numbers\] the number three of the source text of "
                         r"sections.main_results.plain is missing", result.stdout), result.stdout


def test_an_out_of_date_translation_names_its_fields(project, cli):
    _edit(project / "content" / f"{REVIEW}.yaml", "Some experts think that", "Some doctors think that")
    result = cli("check", "--format", "github")
    assert result.returncode == 1
    for path in (ES, FR):
        line, column = _position(project / path, "La PLSI es un trastorno" if path == ES else "La PLSI est une maladie")
        assert f"file={path},line={line},col={column}" in result.stdout
    assert "sections.background.plain is out of date" in result.stdout
    assert result.stdout.count("is out of date") == 2  # only the changed field, in each language


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("language: es ", "language: pt ", "language 'pt' does not match the file name"),
        ("translators: [plainsum contributors]\n", "", "missing required key 'translators'"),
        ("plain_title: >-\n  Inmunoterapia", "plain_titel: >-\n  Inmunoterapia", "unknown key 'plain_titel' in a translation (did you mean 'plain_title'?)"),
        ("summary:\n  review_question:", "facts:\n  search_date: 2013-10-15\nsummary:\n  review_question:", "'facts' does not belong in a translation"),
        ("  sections.background.plain: 219343ed4af6\n", "", "'source_version' has no entry for 'sections.background.plain' (its source text's version now: 219343ed4af6)"),
        ("  background:\n    plain:", "  backgroud:\n    plain:", "unknown key 'backgroud'"),
        ("date: 2026-12-01", "date: yesterday", "'date' must be a date written as YYYY-MM-DD"),
        ("se inflaman por", "se inflaman {{ serch_date }} por", "undefined fact 'serch_date'"),
    ],
)
def test_an_invalid_translation_is_reported_at_its_line(project, cli, old, new, message):
    path = project / ES
    _edit(path, old, new)
    before = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()} if (project / "output").exists() else {}
    result = cli("build")
    assert result.returncode == 2, result.stdout + result.stderr
    assert re.search(rf"^{re.escape(ES)}:\d+:\d+: .*{re.escape(message)}", result.stderr, re.M), result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()} == before or not before


def test_a_translation_for_a_language_without_a_catalog_is_an_error(project, cli):
    shutil.copy(project / ES, project / f"content/{REVIEW}.xx.yaml")
    _edit(project / f"content/{REVIEW}.xx.yaml", "language: es", "language: xx")
    result = cli("check")
    assert result.returncode == 2
    assert f"content/{REVIEW}.xx.yaml:5:11: no catalog for the language 'xx'" in result.stderr


ITALIAN_CATALOG = '''\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: it\\n"

msgid "Review question"
msgstr "Domanda della revisione"

msgid "Database searches for this review were run on %(date)s."
msgstr "Le ricerche nelle banche dati per questa revisione sono state eseguite il %(date)s."

msgid "Authors' conclusions:"
msgstr "Conclusioni degli autori:"

msgid "Plain language summary"
msgstr "Riassunto in linguaggio semplice"

msgctxt "number"
msgid "three"
msgstr "tre"
'''


def test_a_project_adds_a_language_with_a_catalog_alone(project, cli):
    """Italian: a catalog in the project's templates folder and a translation; no code changes."""
    catalog = project / "templates" / "locale" / "it" / "LC_MESSAGES" / "plainsum.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(ITALIAN_CATALOG, encoding="utf-8")
    translation = (project / ES).read_text(encoding="utf-8").replace("language: es", "language: it")
    (project / f"content/{REVIEW}.it.yaml").write_text(translation, encoding="utf-8")
    with (project / "plainsum.toml").open("a", encoding="utf-8") as config:
        config.write("\n[gate.summary.languages.it]\nmax_words_per_sentence = 25\n")  # its gate: configuration
    result = cli("build", "--formats", "html,txt")
    assert result.returncode == 0, result.stdout + result.stderr
    out = project / "output" / REVIEW / "it"
    text = (out / "summary.txt").read_text(encoding="utf-8")
    assert "Domanda della revisione" in text and "Conclusioni degli autori:" in text
    assert "sono state eseguite il 15 ottobre 2013." in text  # Italian month names from CLDR
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert '<html lang="it">' in html and "Riassunto in linguaggio semplice" in html
    assert '<link rel="alternate" hreflang="it" href="it/summary.html">' in (out.parent / "summary.html").read_text(encoding="utf-8")


def test_changing_only_a_translation_renders_its_review_again(project, cli, built):
    _edit(project / ES, "Es posible que", "Puede que")
    result = cli("build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rendered 1 of" in result.stdout
    assert "Puede que los medicamentos" in (built / "es" / "summary.txt").read_text(encoding="utf-8")


def test_the_catalog_template_matches_the_templates():
    """templates/locale/plainsum.pot holds every message of the templates (pybabel extract, as
    docs/translations.md says to run it), and every shipped catalog has every message."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    mapping = [("templates/**.j2", "jinja2"), ("plainsum/content/locale.py", "python")]
    options = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}}
    extracted = set()
    for _, _, message, _, context in extract_from_dir(str(REPO), mapping, options_map=options):
        extracted.add((context, message if isinstance(message, str) else message[0]))
    with open(REPO / "templates" / "locale" / "plainsum.pot", "rb") as stream:
        template = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(stream) if m.id}  # a plural by its singular
    assert template == extracted, "run: pybabel extract -F babel.cfg ... (docs/translations.md)"
    for language in ("es", "fr", "de", "pt"):
        with open(REPO / "templates" / "locale" / language / "LC_MESSAGES" / "plainsum.po", "rb") as stream:
            catalog = read_po(stream)
        ids = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}
        assert ids == template, language
        untranslated = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
                        and m.id not in ("no", "one")]
        assert not untranslated, f"{language}: {untranslated}"


def test_a_missing_certainty_statement_fails_check_at_its_field(project, cli, tmp_path):
    from test_checks_translation import GHC, GHC_FOUND, GHC_RESULT, _certainty_project

    made = _certainty_project(tmp_path / "made", GHC_FOUND.replace(GHC_RESULT, "No sabemos si cambian algo."))
    path = project / "content" / f"{GHC}.es.yaml"
    shutil.copy(made / f"{GHC}.es.yaml", path)
    result = cli("check", f"content/{GHC}.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    line, column = _position(path, "Encontramos")
    assert (f"content/{GHC}.es.yaml:{line}:{column}: error [translation.certainty] the source text of summary.what_we_found "
            "says of result 'total_mortality' (high certainty)") in result.stdout
    # the other results are worded by the Spanish grid, with the translation's terms
    shutil.copy(made / f"{GHC}.es.yaml", path)
    _edit(path, "No sabemos si cambian algo.", GHC_RESULT)
    # (built as a draft: this made-up translation keeps English text, and so lacks some of the source's numbers)
    result = cli("build", "--draft", "--formats", "txt", f"content/{GHC}.yaml")
    assert result.returncode in (0, 1), result.stdout + result.stderr
    assert "translation.certainty" not in result.stdout
    text = (project / "output" / GHC / "es" / "summary.txt").read_text(encoding="utf-8")
    assert "Los controles de salud generales producen poca o ninguna diferencia en la probabilidad de morir por cualquier causa." in text
    assert "Mensajes clave" in text and "La evidencia está actualizada hasta" in text
    # natural frequencies, with the translation's words for what happens to people (terms: event)
    assert "De cada 100 personas sin los controles de salud generales, unas 7 mueren por cualquier causa." in text
    assert "die from any cause" not in text  # the review's English event words never reach the page


def test_every_report_format_says_the_language_of_a_translations_findings(project, cli):
    """text: a per-language line before the closing count; json: `languages`; junit: a language
    property per document; sarif: each result's language; github: the language in each title."""
    import xml.etree.ElementTree as ET

    _edit(project / ES, "No encontramos ningún ensayo en la PLSI", "Encontramos 2 ensayos en la PLSI")
    text = cli("check", ES)
    assert text.returncode == 1
    lines = text.stdout.strip().splitlines()
    assert lines[-2:] == ["by language: en 2 of 2, es 0 of 1, fr 1 of 1", "3 of 4 documents passed the gate"], lines[-3:]

    junit = ET.fromstring(cli("check", ES, "--format", "junit").stdout.split("\n", 1)[1])
    languages = {suite.get("name"): suite.find("properties/property[@name='language']").get("value")
                 for suite in junit.iter("testsuite")}
    assert languages == {f"{REVIEW}/summary": "en", f"{REVIEW}/abstract": "en", f"{REVIEW}/es/summary": "es",
                         f"{REVIEW}/fr/summary": "fr"}

    sarif = json.loads(cli("check", ES, "--format", "sarif").stdout)
    numbers = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "translation.numbers"]
    assert numbers and {r["properties"]["language"] for r in numbers} == {"es"}
    assert {r["properties"]["language"] for r in sarif["runs"][0]["results"] if "/es/" not in r["properties"]["document"]} <= {"en", "fr"}

    github = cli("check", ES, "--format", "github").stdout
    assert f"title=translation.numbers ({REVIEW}/es/summary%2C es)::" in github
    assert "plainsum: by language: en 2 of 2, es 0 of 1, fr 1 of 1" in github


# --- template text: every visible string is a message of the catalogs --------------------------

# The templates a translated page is made of: its structure, its page, its figures, md and txt
TRANSLATED_PAGE_TEMPLATES = sorted(
    [str(p.relative_to(REPO / "templates")) for p in (REPO / "templates" / "summary").glob("*.md.j2")]
    + ["html/document.html.j2", "html/icon-array.html.j2", "md/document.md.j2", "txt/summary.txt.j2", "txt/reference.txt.j2"]
)
VISIBLE_ATTRIBUTES = {"aria-label", "alt", "title", "placeholder", "label"}
GETTEXT = {"_", "gettext", "ngettext", "pgettext", "npgettext"}


def _words(text: str) -> list[str]:
    """Words a reader sees: not parts of identifiers (icons-without), CSS functions (counter(), URLs."""
    text = re.sub(r"https?://\S*", " ", text)
    return re.findall(r"(?<![\w\-@.#(])([A-Za-z]{2,})(?![\w(\-])", text)


def _untranslated(name: str) -> list[str]:
    """The English a template would show that no gettext call or trans block wraps."""
    from html.parser import HTMLParser

    from jinja2 import Environment, nodes

    env = Environment(extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    tree = env.parse((REPO / "templates" / name).read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(node: nodes.Node) -> None:
        if isinstance(node, (nodes.Compare, nodes.Test, nodes.Include, nodes.Import, nodes.FromImport, nodes.Getitem)):
            return  # names and values the template compares or loads, not text
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name in GETTEXT:
            for keyword in node.kwargs:  # the message is translated; what fills it in must be too
                walk(keyword)
            return
        if isinstance(node, nodes.Const) and isinstance(node.value, str):
            value = node.value
            if _words(value) and (" " in value.strip() or value.strip()[:1].isupper() or value != value.strip()):
                found.append(repr(value))
            return
        for child in node.iter_child_nodes():
            walk(child)

    walk(tree)
    skeleton = "".join(data.data for data in tree.find_all(nodes.TemplateData))

    class Visible(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.hidden += tag in ("style", "script")
            shown = VISIBLE_ATTRIBUTES | ({"content"} if dict(attrs).get("name") == "description" else set())
            found.extend(f"{tag}[{key}]: {value}" for key, value in attrs if key in shown and value and _words(value))

        def handle_endtag(self, tag: str) -> None:
            self.hidden -= tag in ("style", "script")

        def handle_data(self, data: str) -> None:
            if not self.hidden and _words(data):
                found.append(repr(data.strip()))

    if name.endswith(".html.j2"):
        Visible().feed(skeleton)
    elif _words(skeleton):
        found.append(repr(skeleton.strip()))
    return found


@pytest.mark.parametrize("name", TRANSLATED_PAGE_TEMPLATES)
def test_no_template_text_of_a_translated_page_is_left_out_of_the_catalogs(name):
    """Every word a translated page shows from its templates is in a gettext call or a trans block,
    so `pybabel extract` puts it in the catalogs (and test_the_catalog_template_matches_the_templates
    makes every catalog translate it)."""
    assert _untranslated(name) == [], f"templates/{name}: mark these for translation (docs/translations.md)"


def test_the_untranslated_text_finder_finds_english(tmp_path, monkeypatch):
    """The finder above, on template text written the way the page-navigation links once were."""
    folder = tmp_path / "templates" / "html"
    folder.mkdir(parents=True)
    (folder / "page.html.j2").write_text(
        '<nav aria-label="Documents of this review"><a href="x">{{ label }} of this review</a>'
        '<h2>{{ heading if x else "Contact" }}</h2>{% set w = "without " ~ name %}'
        '<p>{{ _("Key messages") }} {% trans %}From the review{% endtrans %}</p></nav>', encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    assert sorted(_untranslated("html/page.html.j2")) == sorted([
        "'Contact'", "'without '", "nav[aria-label]: Documents of this review", "'of this review'"])


def test_a_translated_page_shows_no_english_template_text(project, cli):
    """The Spanish page with every part of the page on: the handout box, the printed date, the
    citation and DOI, the links to the other documents, the page numbers of the PDF."""
    pypdf = pytest.importorskip("pypdf")
    _edit(project / "content" / f"{REVIEW}.yaml", "language: en", "language: en\ncitation: A Author. The review. 2014.\ndoi: 10.1002/14651858.CD000000")
    with (project / "plainsum.toml").open("a", encoding="utf-8") as config:
        config.write('\n[handout]\ncontact = "info@example.org"\nprinted_on = true\n')
    result = cli("build", f"content/{REVIEW}.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    out = project / "output" / REVIEW / "es"
    html = (out / "summary.html").read_text(encoding="utf-8")
    for spanish in ('aria-label="Documentos de esta revisión"', '<a href="../../index.html">Todas las revisiones</a>',
                    '<a href="../abstract.html" hreflang="en">Resumen de esta revisión</a> (inglés)',
                    ">Contacto</h2>", '<span class="label">Cita:</span>', 'content="Resumen en términos sencillos: '):
        assert spanish in html, spanish
    for english in ("of this review", "All reviews", "Documents of", ">Contact<", "Cite as", "Printed on"):
        assert english not in html, english
    assert "Cita: A Author." in (out / "summary.md").read_text(encoding="utf-8")
    assert "Cita: A Author." in (out / "summary.txt").read_text(encoding="utf-8")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(out / "summary.pdf")).pages)
    assert re.search(r"Página 1 de \d", text) and "Impreso el " in text and "Page 1" not in text, text[-300:]
    assert (project / "output" / "index.html").is_file()  # the link above leads there


def _small_grid() -> str:
    """A wording grid for Italian, written out cell by cell as a project would (here from four
    patterns: the grid's validation wants every certainty, size and verb)."""
    sure = {"high": "{{ intervention }} {v} {{ outcome }}", "moderate": "{{ intervention }} probabilmente {v} {{ outcome }}",
            "low": "{{ intervention }} potrebbe{{ 'ro' if v('s') == '' }} {inf} {{ outcome }}",
            "very low": "non sappiamo se {{ intervention }} {v} {{ outcome }}"}
    verbs = {"reduce": ("riduce", "ridurre"), "increase": ("aumenta", "aumentare"), "improve": ("migliora", "migliorare"),
             "worsen": ("peggiora", "peggiorare")}
    lines = ["statements:"]
    for certainty, pattern in sure.items():
        lines.append(f"  {certainty}:")
        for size in ("large", "moderate", "small"):
            lines.append(f"    {size}:")
            for verb, (third, infinitive) in verbs.items():
                cell = pattern.replace("{v}", third + "{{ 'no' if v('s') == '' }}").replace("{inf}", infinitive)
                lines.append(f"      {verb}: \"{cell}\"")
        cell = pattern.replace("{v}", "fa{{ 'nno' if v('s') == '' }} poca o nessuna differenza per").replace("{inf}", "fare poca o nessuna differenza per")
        lines.append(f"    little or no difference: \"{cell}\"")
    lines.append("numbers: \"{{ measure }} {{ estimate }} ({{ ci_low }}-{{ ci_high }})\"")
    lines.append("contractions:\n  di il: del")
    return "\n".join(lines) + "\n"


def test_a_project_adds_a_language_with_a_catalog_and_a_grid(project, cli, tmp_path):
    """Italian for a review with results: a catalog, a grid (and the translation) in the project's
    folders; plainsum's code and templates unchanged."""
    from test_checks_translation import GHC, GHC_FOUND, _certainty_project

    made = _certainty_project(tmp_path / "made", GHC_FOUND, terms={
        "intervention": "i controlli sanitari", "intervention_plural": True,
        "total_mortality": {"outcome": "il rischio di morire per qualsiasi causa"}})
    translation = (made / f"{GHC}.es.yaml").read_text(encoding="utf-8").replace("language: es", "language: it")
    (project / "content" / f"{GHC}.it.yaml").write_text(translation, encoding="utf-8")
    catalog = project / "templates" / "locale" / "it" / "LC_MESSAGES" / "plainsum.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(ITALIAN_CATALOG + '\nmsgid "Key messages"\nmsgstr "Messaggi chiave"\n', encoding="utf-8")
    grid = project / "templates" / "grade" / "it" / "grid.yaml"
    grid.parent.mkdir(parents=True)
    grid.write_text(_small_grid(), encoding="utf-8")
    result = cli("build", "--draft", "--formats", "txt,html", f"content/{GHC}.yaml")
    assert result.returncode in (0, 1), result.stdout + result.stderr
    text = (project / "output" / GHC / "it" / "summary.txt").read_text(encoding="utf-8")
    assert "Messaggi chiave" in text
    # the grid's high-certainty, no-difference cell with the translation's names, the verb agreeing
    assert "I controlli sanitari fanno poca o nessuna differenza per il rischio di morire per qualsiasi causa." in text
    assert '<html lang="it">' in (project / "output" / GHC / "it" / "summary.html").read_text(encoding="utf-8")


def test_a_translated_page_marks_the_reviews_title_in_its_language(built_once):
    built = built_once
    spanish = (built / "es" / "summary.html").read_text(encoding="utf-8")
    assert '<p class="review-title">De la revisión: <span lang="en">Immunotherapy for idiopathic lumbosacral plexopathy</span></p>' in spanish
    assert '<span lang="en">' not in (built / "summary.html").read_text(encoding="utf-8")


def test_a_regional_code_falls_back_to_its_languages_catalog(project, cli):
    """es-MX has no catalog: it reads the es one (as gettext does), and the region's CLDR formats."""
    text = (project / ES).read_text(encoding="utf-8").replace("language: es", "language: es-MX")
    (project / f"content/{REVIEW}.es-MX.yaml").write_text(text, encoding="utf-8")
    result = cli("build", "--formats", "html,txt")
    assert result.returncode == 0, result.stdout + result.stderr
    page = project / "output" / REVIEW / "es-MX" / "summary.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="es-MX">' in html and "Pregunta de la revisión" in html
    assert "es-MX 1 of 1" in result.stdout


def test_a_language_code_is_read_in_any_case(project, cli):
    _edit(project / FR, "language: fr", "language: FR")
    result = cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fr 1 of 1" in result.stdout


def test_a_regional_locale_reads_the_languages_catalog_and_grid():
    from plainsum.content.locale import Locale, normal_code
    from plainsum.render.templates import TemplateSet

    dirs = TemplateSet(None).dirs
    mexican, spanish = Locale.load("es-MX", dirs), Locale.load("es", dirs)
    assert mexican.code == "es-MX" and mexican.catalogs == spanish.catalogs
    assert mexican.gettext("Review question") == "Pregunta de la revisión"
    assert mexican.grid == spanish.grid and mexican.claims == spanish.claims
    assert (mexican.decimal_symbol, spanish.decimal_symbol) == (".", ",")  # CLDR's es_MX writes 0.5
    assert Locale.load("ES", dirs).code == "es"
    assert [normal_code(c) for c in ("ES", "es_mx", "PT-br", "zh-hant")] == ["es", "es-MX", "pt-BR", "zh-Hant"]
    with pytest.raises(LookupError):
        Locale.load("xx-MX", dirs)


def test_the_documented_command_prints_the_installed_catalog_template(tmp_path):
    """docs/translations.md gives a command that finds the .pot from a project (which has none)."""
    import subprocess

    docs = (REPO / "docs" / "translations.md").read_text(encoding="utf-8")
    command = re.search(r"^\s+python -c '([^']+)'\s*$", docs, re.M)
    assert command is not None
    printed = subprocess.run([sys.executable, "-c", command.group(1)], cwd=tmp_path, capture_output=True, text=True,
                             check=True).stdout.strip()
    assert printed.endswith("plainsum.pot") and Path(printed).is_file()
    assert "msgid \"Review question\"" in Path(printed).read_text(encoding="utf-8")
    adding = docs[docs.index("## Adding or correcting a language"):]
    assert "[languages]" in adding and 'ca = "es"' in adding


def test_french_text_has_a_narrow_no_break_space_before_high_punctuation():
    """French typography: a no-break space (U+202F, narrow) before : ; ? ! and inside « », so that a line
    never breaks before them; in the French catalog, the shipped French translation and the French grid."""
    from babel.messages.pofile import read_po

    ordinary = re.compile(r"\S [:;?!»]|« |\d %(?![}(])")
    with (REPO / "templates" / "locale" / "fr" / "LC_MESSAGES" / "plainsum.po").open("rb") as catalog:
        messages = [m for m in read_po(catalog) if m.id]
    strings = [s for m in messages for s in ([m.string] if isinstance(m.string, str) else list(m.string))]
    assert any("\u202f:" in s for s in strings) and any("\u202f?" in s for s in strings)
    assert [s for s in strings if ordinary.search(s)] == []
    for path in (REPO / "content" / f"{REVIEW}.fr.yaml", REPO / "templates" / "grade" / "fr" / "grid.yaml"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
        assert [line for line in lines if ordinary.search(line)] == [], path
    assert "(PLSI)\u202f?" in (REPO / "content" / f"{REVIEW}.fr.yaml").read_text(encoding="utf-8")
