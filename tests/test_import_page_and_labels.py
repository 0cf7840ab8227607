"""plainsum import of text as authors copy it: a PubMed web page with its header, and labels that
follow a sentence inline ("... to help. Authors' conclusions: ...")."""

from __future__ import annotations

from pathlib import Path

import yaml

# A page of PubMed as a browser copies it (the review's words are paraphrased here; the layout of
# the page's lines is PubMed's).
PAGE = """Review
Cochrane Database Syst Rev
. 2021 Mar 3;3(3):CD012345.
 doi: 10.1002/14651858.CD012345.pub2.
Walking programmes for painful leg nerve damage
Ana Ruiz 1 2, Ben Okafor 3, Chen Wei
Affiliations expand
PMID: 33651234
PMCID: PMC7999999
DOI: 10.1002/14651858.CD012345.pub2
Free PMC article
Abstract
Background: Nerve damage in the legs is common in diabetes and can be painful.
Objectives: To assess walking programmes for nerve pain in adults.
Search methods: We searched CENTRAL and MEDLINE on 3 March 2020.
Selection criteria: Randomised trials of walking programmes.
Data collection and analysis: Two authors extracted data.
Main results: We found two trials with 120 people.
Authors' conclusions: Walking may ease nerve pain a little.
Plain language summary
Does walking help painful nerve damage in the legs?
We looked for studies of walking. We found two small ones.
Similar articles
Another review of something else.
Smith J, et al. Some Journal. 2019.
Publication types
Review
MeSH terms
Humans
"""

INLINE = """Exercise for fatigue in multiple sclerosis

Background: Fatigue is common in multiple sclerosis. Objectives: To assess exercise for fatigue. Search methods: We searched CENTRAL, MEDLINE and Embase on 12 May 2022. Selection criteria: Randomised trials. Data collection and analysis: Two authors assessed trials. Main results: We included 9 trials with 600 people (RR 0.80, 95% CI 0.70 to 0.90). Authors' conclusions: Exercise probably reduces fatigue a little.
"""


def _import(cli, tmp_path: Path, text: str, name: str) -> tuple[dict, str]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = cli("import", str(source), "--content", str(tmp_path / "content"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [written] = (tmp_path / "content").glob("*.yaml")
    return yaml.safe_load(written.read_text(encoding="utf-8")), result.stdout


def test_pubmed_page_header_goes_to_title_journal_authors_doi_and_pmid(cli, tmp_path: Path) -> None:
    data, out = _import(cli, tmp_path, PAGE, "pasted.txt")
    assert data["id"] == "cd012345-pub2"
    assert data["title"] == "Walking programmes for painful leg nerve damage"
    assert data["authors"] == ["Ana Ruiz", "Ben Okafor", "Chen Wei"]
    assert data["doi"] == "10.1002/14651858.CD012345.pub2"
    assert data["citation"] == "Cochrane Database Syst Rev. 2021 Mar 3;3(3):CD012345."
    assert data["facts"]["pmid"] == "33651234" and str(data["facts"]["search_date"]) == "2020-03-03"
    assert data["kind"] == "cochrane-review"
    assert data["plain_title"] == "Does walking help painful nerve damage in the legs?"
    prose = yaml.safe_dump(data["sections"]) + data["summary"]["text"]
    for page_line in ("Affiliations expand", "PMID", "Similar articles", "MeSH terms", "Free PMC article", "Smith J"):
        assert page_line not in prose
    assert data["sections"]["authors_conclusions"]["technical"] == "Walking may ease nerve pain a little."
    assert "recognised a PubMed web page: its header gave title, journal, authors, DOI, PMID" in out


def test_inline_authors_conclusions_after_a_sentence_is_a_heading(cli, tmp_path: Path) -> None:
    data, out = _import(cli, tmp_path, INLINE, "inline.txt")
    assert data["kind"] == "cochrane-review"
    assert str(data["facts"]["search_date"]) == "2022-05-12"
    assert data["sections"]["main_results"]["technical"].endswith("(RR 0.80, 95% CI 0.70 to 0.90).")
    assert data["sections"]["authors_conclusions"]["technical"] == "Exercise probably reduces fatigue a little."
    assert "kind 'cochrane-review' guessed from the headings: Background, Objectives, Search methods" in out
    assert "title taken from the first line: 'Exercise for fatigue in multiple sclerosis'" in out
