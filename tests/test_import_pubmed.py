"""plainsum import of PubMed / MEDLINE XML (fixture written for these tests)."""

from __future__ import annotations

from pathlib import Path

import yaml

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "pubmed-two-articles.xml"


def test_structured_abstract_labels_and_categories(cli, project):
    result = cli("import", str(FIXTURE))
    # the second article has no abstract: a per-article error, the first is still written
    assert result.returncode == 2
    assert "wrote content/daily-walking-people-painful-leg-nerve-damage-randomised.yaml (primary-study, layout study)" in result.stdout
    assert "cannot import article 2 (PMID 90000002): the article has no abstract text" in result.stderr
    path = project / "content" / "daily-walking-people-painful-leg-nerve-damage-randomised.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["title"] == "Daily walking for people with painful leg nerve damage: a randomised trial"
    assert data["doi"] == "10.9999/jin.2021.0042"
    assert data["authors"] == ["Ada Example", "Ben Sample", "Invented Walking Trial Group"]
    assert data["citation"] == "Journal of Invented Neurology. 2021;12(3):101-109."
    sections = data["sections"]
    assert sections["objectives"]["technical"] == "To test whether a daily walking plan reduces leg pain after twelve weeks."
    # labels NLM filed under METHODS stay in front of their text
    assert sections["methods"]["technical"] == (
        "Design, setting, and participants: We randomly assigned 84 adults from three clinics to a walking plan or "
        "usual care.\n\nMain outcome measures: Pain on a 0 to 10 scale and walking distance in six minutes.")
    assert sections["results"]["technical"].endswith("P < 0.001).")
    assert data["extra_sections"] == [{"heading": "Limitations", "technical": "Participants knew which group they were in."}]
    assert data["references"][0] == "Example A. Walking and nerve pain. J Invent Neurol. 2019;10:1-5."
    built = cli("build", "--formats", "txt", "--draft", str(path))
    assert built.returncode in (0, 1), built.stderr
    abstract = (project / "output" / "daily-walking-people-painful-leg-nerve-damage-randomised" / "abstract.txt").read_text()
    assert "Limitations\n\nParticipants knew which group they were in." in abstract


def test_unstructured_abstract_is_kept_whole(cli, project, tmp_path):
    source = tmp_path / "plain.xml"
    source.write_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>90000003</PMID><Article>"
        "<ArticleTitle>An invented note on sleep.</ArticleTitle><Abstract><AbstractText>People slept more. "
        "They felt better.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>",
        encoding="utf-8")
    result = cli("import", str(source), "--id", "sleep-note")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((project / "content" / "sleep-note.yaml").read_text(encoding="utf-8"))
    assert data["kind"] == "other"
    assert data["sections"]["abstract"]["technical"] == "People slept more. They felt better."
    assert cli("check", "content/sleep-note.yaml").returncode in (0, 1)


def test_malformed_xml_gives_line_and_column(cli, project, tmp_path):
    source = tmp_path / "broken.xml"
    source.write_text("<PubmedArticleSet>\n  <PubmedArticle>\n    <MedlineCitation>\n  </PubmedArticle>\n", encoding="utf-8")
    result = cli("import", str(source))
    assert result.returncode == 2
    assert f"{source}:4:" in result.stderr and "not well-formed XML" in result.stderr
    assert "Traceback" not in result.stderr


def test_other_xml_is_refused(cli, project, tmp_path):
    source = tmp_path / "other.xml"
    source.write_text("<html><body/></html>", encoding="utf-8")
    result = cli("import", str(source))
    assert result.returncode == 2 and "expected a PubmedArticleSet" in result.stderr


def test_id_for_a_file_of_several_articles_is_refused(cli, project):
    result = cli("import", str(FIXTURE), "--id", "one-name")
    assert result.returncode == 2
    assert "--id names one review, but the file holds 2 articles" in result.stderr
    assert not (project / "content" / "one-name.yaml").exists()
