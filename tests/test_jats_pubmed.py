"""`--formats jats` and `--formats pubmed`: the shipped reviews and their translations as JATS 1.3 articles,
valid against the NLM Journal Publishing DTD (tests/data/jats-1.3) and following the JATS4R abstracts
recommendation, and as PubMed data-provider records that `plainsum import` reads back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SHIPPED_EXAMPLES
from lxml import etree

DTD_PATH = Path(__file__).parent / "data" / "jats-1.3" / "JATS-journalpublishing1-3.dtd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The abstract types the JATS4R abstracts recommendation (NISO RP-43-2022) lists.
JATS4R_TYPES = {"plain-language-summary", "graphical", "teaser", "key-points", "author-summary", "editor-summary",
                "executive-summary", "toc", "web-summary", "video", "structured", "short", "summary", "precis"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped reviews and translations built once in jats and pubmed."""
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("xmlformats")
    (root / "content").mkdir()
    for name in SHIPPED_EXAMPLES:
        shutil.copy(REPO / "content" / f"{name}.yaml", root / "content")
    for translation in (REPO / "content").glob("ilsp-immunotherapy.*.yaml"):
        shutil.copy(translation, root / "content")
    shutil.copy(REPO / "plainsum.toml", root / "plainsum.toml")
    result = subprocess.run([sys.executable, "-m", "plainsum", "build", "--formats", "jats,pubmed", "-j", "1", "--no-progress"],
                            cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root / "output"


@pytest.fixture(scope="module")
def dtd() -> etree.DTD:
    return etree.DTD(str(DTD_PATH))


def _parse(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False))


@pytest.mark.parametrize("review_id", SHIPPED_EXAMPLES)
def test_each_shipped_review_is_a_valid_jats_1_3_article(built, dtd, review_id):
    article = _parse(built / review_id / "abstract.jats.xml")
    assert dtd.validate(article), dtd.error_log.filter_from_errors()
    assert article.get("dtd-version") == "1.3"
    assert b"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN" in (built / review_id / "abstract.jats.xml").read_bytes()
    # one article per review, with the abstract: no summary.jats.xml
    assert not (built / review_id / "summary.jats.xml").exists()


def test_the_dtd_refuses_what_it_should(built, dtd):
    """The validation has teeth: an element out of place, or an abstract type on the wrong element, fails."""
    data = (built / "ilsp-immunotherapy" / "abstract.jats.xml").read_bytes()
    for broken in (data.replace(b"<front>", b"<front><plain-summary/>"),
                   data.replace(b"<title-group>", b"<title-group><p>x</p>", 1),
                   data.replace(b"<article-meta>", b"<article-meta><abstract><sec><p>no title</p></sec></abstract>", 1)):
        assert not dtd.validate(etree.fromstring(broken, etree.XMLParser(load_dtd=False, no_network=True)))


# --- the JATS4R abstracts recommendation, as tests ---------------------------------------------------

def _abstracts(article: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    meta = article.find("front/article-meta")
    return meta.findall("abstract"), meta.findall("trans-abstract")


@pytest.mark.parametrize("review_id", SHIPPED_EXAMPLES)
def test_jats4r_abstract_rules(built, review_id):
    article = _parse(built / review_id / "abstract.jats.xml")
    abstracts, translated = _abstracts(article)
    # one main abstract, without an abstract-type
    assert [a.get("abstract-type") for a in abstracts].count(None) == 1
    assert abstracts[0].get("abstract-type") is None, "the main abstract comes first"
    # every other abstract has a type from the recommendation's list, and a title
    for element in abstracts[1:] + translated:
        assert element.get("abstract-type") in JATS4R_TYPES
        assert element.find("title") is not None and element.findtext("title").strip()
    # the lay summary: abstract-type plain-language-summary, titled "Plain Language Summary"
    lay = [a for a in abstracts if a.get("abstract-type") == "plain-language-summary"]
    assert len(lay) == 1
    assert lay[0].findtext("title") == "Plain Language Summary"
    # a translation is a trans-abstract with its language, other than the article's, at most one per language and type
    languages = [(t.get(XML_LANG), t.get("abstract-type")) for t in translated]
    assert all(language and language != article.get(XML_LANG) for language, _ in languages)
    assert len(languages) == len(set(languages))
    # no abstract or trans-abstract is empty
    for element in abstracts + translated:
        assert "".join(element.itertext()).strip() != (element.findtext("title") or "").strip()


def test_translations_are_trans_abstracts_in_their_language(built):
    article = _parse(built / "ilsp-immunotherapy" / "abstract.jats.xml")
    _, translated = _abstracts(article)
    by_language = {t.get(XML_LANG): t for t in translated}
    assert set(by_language) == {"es", "fr"}
    assert by_language["es"].findtext("title") == "Resumen en términos sencillos"
    spanish = "".join(by_language["es"].itertext())
    assert "La PLSI es un trastorno poco frecuente" in spanish
    assert "15 de octubre de 2013" in spanish  # the facts as the Spanish summary states them
    # the plain title: the alt-title of the article, and first in the lay summary
    alt = article.find("front/article-meta/title-group/alt-title[@alt-title-type='plain-language-summary']")
    assert alt is not None and alt.text.startswith("Immune therapy for lumbosacral plexopathy")


def test_metadata_and_summary_of_findings_table(built):
    article = _parse(built / "general-health-checks" / "abstract.jats.xml")
    meta = article.find("front/article-meta")
    assert meta.findtext("article-id[@pub-id-type='doi']") == "10.1002/14651858.CD009009.pub3"
    assert article.findtext("front/journal-meta/issn") == "1469-493X"
    assert meta.findtext("elocation-id") == "CD009009"
    assert meta.findtext("title-group/article-title") == "General health checks in adults for reducing morbidity and mortality from disease"
    rows = article.findall("body/sec[@sec-type='summary-of-findings']/table-wrap/table/tbody/tr")
    review = yaml.safe_load((REPO / "content" / "general-health-checks.yaml").read_text(encoding="utf-8"))
    assert len(rows) == len(review["results"])
    first = ["".join(cell.itertext()) for cell in rows[0]]
    assert first[:5] == ["Total mortality", "68 per 1000", "68 per 1000 (66 to 70)", "0 fewer per 1000 (from 2 fewer to 2 more)",
                         "RR 1.00 (0.97 to 1.03)"]
    # key messages (a Markdown list) are a JATS list inside the lay summary's section
    lay = meta.find("abstract[@abstract-type='plain-language-summary']")
    key_messages = next(sec for sec in lay.findall("sec") if sec.findtext("title") == "Key messages")
    items = key_messages.findall("list/list-item")
    assert len(items) == 2 and items[0].findtext("p").startswith("Inviting adults who feel well")


def test_a_withheld_lay_summary_is_not_in_the_article(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    shutil.copy(REPO / "content" / "ilsp-immunotherapy.yaml", tmp_path / "content")
    (tmp_path / "plainsum.toml").write_text("[gate.summary]\nmax_flesch_kincaid_grade = 3\n", encoding="utf-8")
    result = cli("build", "--formats", "jats", "-j", "1", "--no-progress")
    assert result.returncode == 1
    article = _parse(tmp_path / "output" / "ilsp-immunotherapy" / "abstract.jats.xml")
    assert article.find("front/article-meta/abstract[@abstract-type='plain-language-summary']") is None
    assert article.find("front/article-meta/abstract") is not None


# --- PubMed ----------------------------------------------------------------------------------------

PUBMED_DTD = Path(__file__).parent / "data" / "pubmed" / "PubMed.dtd"  # NLM's data-provider DTD (2.8)
PUBMED_OUT_DTD = Path(__file__).parent / "data" / "pubmed" / "pubmed_250101.dtd"  # what PubMed gives out


@pytest.mark.parametrize("review_id", SHIPPED_EXAMPLES)
def test_each_pubmed_record_is_valid_against_the_data_provider_dtd(built, review_id):
    dtd = etree.DTD(str(PUBMED_DTD))
    record = _parse(built / review_id / "abstract.pubmed.xml")
    assert dtd.validate(record), dtd.error_log.filter_from_errors()
    broken = etree.fromstring(etree.tostring(record).replace(b"<Abstract>", b"<Abstract><AbstractText>no label</AbstractText>", 1))
    assert not dtd.validate(broken)  # a Label is required: the DTD has teeth


def test_a_published_date_makes_the_record_complete(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    text = (REPO / "content" / "general-health-checks.yaml").read_text(encoding="utf-8")
    (tmp_path / "content" / "general-health-checks.yaml").write_text(
        text.replace("language: en\n", "language: en\nversion: {number: 3, published: 2019-01-31}\n", 1), encoding="utf-8")
    shutil.copy(REPO / "plainsum.toml", tmp_path / "plainsum.toml")
    assert cli("build", "--formats", "pubmed,jats", "-j", "1", "--no-progress").returncode == 0
    record = _parse(tmp_path / "output" / "general-health-checks" / "abstract.pubmed.xml")
    date = record.find("Article/Journal/PubDate")
    assert (date.get("PubStatus"), date.findtext("Year"), date.findtext("Month"), date.findtext("Day")) == ("epublish", "2019", "01", "31")
    article = _parse(tmp_path / "output" / "general-health-checks" / "abstract.jats.xml")
    assert article.find("front/article-meta/pub-date").get("iso-8601-date") == "2019-01-31"
    assert article.findtext("front/article-meta/custom-meta-group/custom-meta/meta-value") == "3"

def test_pubmed_record_carries_each_lay_summary_as_other_abstract(built):
    record = _parse(built / "ilsp-immunotherapy" / "abstract.pubmed.xml")
    assert record.tag == "ArticleSet"
    article = record.find("Article")
    labels = [text.get("Label") for text in article.findall("Abstract/AbstractText")]
    assert labels[:3] == ["BACKGROUND", "OBJECTIVES", "SEARCH METHODS"]
    others = article.findall("OtherAbstract")
    assert [(o.get("Type"), o.get("Language")) for o in others] == [
        ("plain-language-summary", "eng"), ("plain-language-summary", "spa"), ("plain-language-summary", "fre")]
    assert others[0].findtext("ArticleTitle").startswith("Immune therapy")


def test_a_written_pubmed_record_imports_back_with_its_lay_summary(built, cli, project):
    result = cli("import", str(built / "general-health-checks" / "abstract.pubmed.xml"), "--id", "health-checks-again")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((project / "content" / "health-checks-again.yaml").read_text(encoding="utf-8"))
    assert data["doi"] == "10.1002/14651858.CD009009.pub3"
    assert data["plain_title"] == "Do general health checks help adults live longer or stay healthier"
    assert data["summary"]["text"].startswith("## Key messages\n\nInviting adults who feel well")
    assert "## What did we find?" in data["summary"]["text"]
    assert "the input has no lay summary" not in result.stdout
    assert cli("check", "content/health-checks-again.yaml").returncode in (0, 1)


PUBMED_RECORD = """<?xml version="1.0" encoding="UTF-8"?>
<PubmedArticleSet>
  <PubmedArticle>
    <MedlineCitation Status="Publisher" Owner="NLM">
      <PMID Version="1">90000123</PMID>
      <Article PubModel="Electronic">
        <Journal>
          <JournalIssue CitedMedium="Internet"><PubDate><Year>2024</Year><Month>Mar</Month></PubDate></JournalIssue>
          <Title>Journal of Invented Reviews</Title>
        </Journal>
        <ArticleTitle>Walking programmes for adults with knee pain</ArticleTitle>
        <ELocationID EIdType="doi" ValidYN="Y">10.9999/jir.2024.0007</ELocationID>
        <Abstract>
          <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Knee pain is common in older adults.</AbstractText>
          <AbstractText Label="OBJECTIVES" NlmCategory="OBJECTIVE">To assess walking programmes for knee pain.</AbstractText>
          <AbstractText Label="METHODS" NlmCategory="METHODS">We searched four databases and included 6 trials.</AbstractText>
          <AbstractText Label="RESULTS" NlmCategory="RESULTS">Walking may reduce pain a little.</AbstractText>
          <AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">Walking may help a little.</AbstractText>
        </Abstract>
        <Language>eng</Language>
        <PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>
      </Article>
      <MedlineJournalInfo><MedlineTA>J Invent Rev</MedlineTA></MedlineJournalInfo>
      <OtherAbstract Type="plain-language-summary" Language="spa">
        <AbstractText>Caminar puede aliviar un poco el dolor de rodilla.</AbstractText>
      </OtherAbstract>
      <OtherAbstract Type="plain-language-summary" Language="eng">
        <AbstractText Label="What did we want to find out?">We wanted to know if walking helps knee pain.</AbstractText>
        <AbstractText Label="What did we find?">Walking may ease knee pain a little.</AbstractText>
      </OtherAbstract>
    </MedlineCitation>
  </PubmedArticle>
</PubmedArticleSet>
"""


def test_the_test_record_is_valid_pubmed_output():
    """The record below is shaped as PubMed gives records out: valid against NLM's pubmed_250101.dtd."""
    dtd = etree.DTD(str(PUBMED_OUT_DTD))
    assert dtd.validate(etree.fromstring(PUBMED_RECORD.encode("utf-8"))), dtd.error_log.filter_from_errors()


def test_pubmed_other_abstract_in_the_articles_language_is_the_lay_summary(cli, project, tmp_path):
    source = tmp_path / "record.xml"
    source.write_text(PUBMED_RECORD, encoding="utf-8")
    result = cli("import", str(source), "--id", "walking-knee")
    assert result.returncode == 0, result.stderr
    assert "plain-language summaries in spa: not imported" in result.stdout
    data = yaml.safe_load((project / "content" / "walking-knee.yaml").read_text(encoding="utf-8"))
    assert data["summary"]["text"] == ("## What did we want to find out?\n\nWe wanted to know if walking helps knee pain.\n\n"
                                       "## What did we find?\n\nWalking may ease knee pain a little.")


def test_the_index_links_each_xml_file_by_its_format(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    # the index's one line per document (issue 29): "Abstract: HTML · JATS · PUBMED", each link named in full
    hidden = '<span class="visually-hidden">Abstract </span>'
    assert f'href="ilsp-immunotherapy/abstract.jats.xml">{hidden}JATS<' in index
    assert f'href="ilsp-immunotherapy/abstract.pubmed.xml">{hidden}PUBMED<' in index


def test_a_control_character_in_the_review_is_not_a_crash(tmp_path, cli, monkeypatch, dtd):
    """YAML can carry characters XML 1.0 cannot ("\\x01" in a double-quoted string): shown as U+FFFD."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    text = (REPO / "content" / "ivig-dlrpn.yaml").read_text(encoding="utf-8")
    title = "title: >-\n  Intravenous immunoglobulin for the treatment of diabetic lumbosacral radiculoplexus neuropathy\n"
    assert title in text
    (tmp_path / "content" / "ivig-dlrpn.yaml").write_text(text.replace(title, 'title: "Intravenous\\x01 immunoglobulin"\n'), encoding="utf-8")
    result = cli("build", "--formats", "jats,pubmed", "-j", "1", "--no-progress")
    assert result.returncode == 0, result.stderr
    article = _parse(tmp_path / "output" / "ivig-dlrpn" / "abstract.jats.xml")
    assert article.findtext("front/article-meta/title-group/article-title") == "Intravenous\ufffd immunoglobulin"
    assert dtd.validate(article)
    assert _parse(tmp_path / "output" / "ivig-dlrpn" / "abstract.pubmed.xml").findtext("Article/ArticleTitle") == "Intravenous\ufffd immunoglobulin"
