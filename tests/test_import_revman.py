"""plainsum import --from revman: RevMan 5 files, the real one in ../shared/revman (read from there,
never copied into the repository) and small ones written here for the cases it does not have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import SHARED

from plainsum.grade.results import RESULT_KEYS

RM5 = SHARED / "revman" / "antibiotics-for-sore-throat.rm5"
needs_file = pytest.mark.skipif(not RM5.is_file(), reason="the shared RevMan file is not available")

# The summary of findings of the file, row by row: outcome, RR, CI, participants, studies, certainty, assumed risk.
SOF = [
    ("Sore throat: day 3", "0.72", "0.68", "0.76", 3621, 15, "high", 0.66),
    ("Sore throat: day 7", "0.65", "0.55", "0.76", 2974, 13, "high", 0.18),
    ("Rheumatic fever", "0.29", "0.18", "0.44", 10101, 16, "high", 0.017),
    ("Glomerulonephritis", "0.22", "0.07", "1.32", 5147, 10, "low", 0.001),
    ("Quinsy", "0.14", "0.05", "0.39", 2433, 8, "high", 0.023),
    ("Otitis media", "0.28", "0.15", "0.52", 3760, 11, "high", 0.02),
]


@pytest.fixture
def imported(cli, tmp_path: Path):
    (tmp_path / "plainsum.toml").write_text('content = "content"\n', encoding="utf-8")
    result = cli("import", str(RM5), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "content" / "cd000023-pub4.yaml"
    return tmp_path, path, result


@needs_file
def test_cover_sheet_abstract_and_lay_summary(imported) -> None:
    _, path, result = imported
    assert "wrote content/cd000023-pub4.yaml (cochrane-review, layout as-published)" in result.stdout
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["title"] == "Antibiotics for sore throat"
    assert data["plain_title"] == "Antibiotics for people with sore throats"
    assert data["doi"] == "10.1002/14651858.CD000023.pub4"
    assert data["authors"] == ["Anneliese Spinks", "Paul P Glasziou", "Chris B Del Mar"]
    assert str(data["facts"]["search_date"]) == "2013-07-11"
    assert data["citation"].startswith("Spinks A, Glasziou PP, Del Mar CB. Antibiotics for sore throat.")
    assert data["version"] == {"number": 4, "conclusions_changed": False}  # History: NEW_CITATION_OLD_CONCLUSIONS
    sections = data["sections"]
    assert list(sections) == ["background", "objectives", "search_methods", "selection_criteria", "data_collection",
                              "main_results", "authors_conclusions"]
    assert sections["objectives"]["technical"] == "To assess the benefits of antibiotics for sore throat for patients in primary care settings."
    assert "**1. Symptoms**" in sections["main_results"]["technical"]
    assert "*Streptococcus*" in sections["main_results"]["technical"]
    headings = re.findall(r"^## (.+)$", data["summary"]["text"], re.M)
    assert headings == ["Question", "Background", "Study characteristics", "Key results", "Quality of evidence"]


@needs_file
def test_summary_of_findings_become_results_with_certainty_and_control_risk(imported) -> None:
    _, path, result = imported
    results = yaml.safe_load(path.read_text(encoding="utf-8"))["results"]
    assert len(results) == len(SOF)
    for entry, (_, estimate, low, high, participants, studies, certainty, risk) in zip(results, SOF, strict=True):
        assert entry["measure"] == "RR"
        assert (str(entry["estimate"]), [str(v) for v in entry["ci"]]) == (estimate, [low, high])
        assert (entry["participants"], entry["studies"], entry["certainty"]) == (participants, studies, certainty)
        assert entry["direction"] == "reduce" and "size" not in entry  # the file states no size
        if "better" in RESULT_KEYS:  # the forest plots say "Favours antibiotics" on the left
            assert entry["better"] == "lower"
        if "control_risk" in RESULT_KEYS:
            assert entry["control_risk"] == risk
        else:
            assert f"assumed risk {risk} not written" in result.stdout
    # what could not be mapped is said
    assert "15 of 21 analyses are in no summary of findings row" in result.stdout
    assert "the estimate 0.72 was read from the 'Corresponding risk' column" in result.stdout
    assert "analysis 1.1 'Symptom of sore throat on day 3' gives RR 0.68 (0.59 to 0.79)" in result.stdout
    assert "choose `size`" in result.stdout and "otitis_media" in result.stdout
    assert "not imported (plainsum keeps the abstract and the lay summary): the full text" in result.stdout


@needs_file
def test_imported_review_builds_with_the_summary_of_findings_figures_and_grade_statements(cli, imported) -> None:
    root, _, _ = imported
    built = cli("build", "--formats", "txt,html", cwd=root)
    assert built.returncode == 0, built.stderr
    abstract = (root / "output" / "cd000023-pub4" / "abstract.txt").read_text(encoding="utf-8")
    for outcome, estimate, low, high, participants, studies, certainty, _ in SOF:
        shown = f"{participants:,}" if participants >= 10000 else str(participants)
        figures = f"(RR {estimate}, 95% CI {low} to {high}; {studies} studies, {shown} participants; {certainty}-certainty evidence)"
        assert re.search(re.escape(outcome.split(":")[0].lower()) + r"[^.]*" + re.escape(figures), abstract), outcome
    assert "Antibiotics reduce rheumatic fever (RR 0.29" in abstract
    # no size chosen and an interval (0.07 to 1.32) that includes no effect: not worded as an effect (issue 23)
    assert "Antibiotics may make little or no difference to glomerulonephritis (RR 0.22" in abstract
    summary = (root / "output" / "cd000023-pub4" / "summary.txt").read_text(encoding="utf-8")
    assert "Antibiotics for people with sore throats" in summary and "Key results" in summary
    checked = cli("check", "--format", "json", cwd=root)
    findings = [f for d in json.loads(checked.stdout)["documents"] for f in d["findings"]]
    unsized = sorted(re.search(r"'(\w+)'", f["message"]).group(1) for f in findings if f["check"] == "results.size-unset")
    assert unsized == sorted(["sore_throat_day_3", "sore_throat_day_7", "rheumatic_fever", "glomerulonephritis", "quinsy", "otitis_media"])


def write_rm5(path: Path, summary_body: str, sof_comment: str = "", declaration: str = "") -> Path:
    text = f"""<?xml version="1.0" encoding="ISO-8859-1"?>{declaration}
<COCHRANE_REVIEW DOI="10.1002/14651858.CD999999.pub2" STAGE="R" TYPE="INTERVENTION">
<COVER_SHEET><TITLE>Caf\u00e9 exercise for knee pain</TITLE>
<CREATORS><PERSON><FIRST_NAME>Ren\u00e9e</FIRST_NAME><LAST_NAME>L\u00f3pez</LAST_NAME></PERSON></CREATORS>
<DATES><LAST_SEARCH><DATE DAY="3" MONTH="2" YEAR="2020"/></LAST_SEARCH><LAST_CITATION_ISSUE ISSUE="4" YEAR="2020"/></DATES>
</COVER_SHEET>
<MAIN_TEXT><SUMMARY><TITLE>Exercise for knee pain</TITLE><SUMMARY_BODY>{summary_body}</SUMMARY_BODY></SUMMARY>
<ABSTRACT>
<ABS_BACKGROUND><P>Knee pain is common.</P></ABS_BACKGROUND><ABS_OBJECTIVES><P>To assess exercise.</P></ABS_OBJECTIVES>
<ABS_SEARCH_STRATEGY><P>We searched CENTRAL on 3 February 2020.</P></ABS_SEARCH_STRATEGY>
<ABS_SELECTION_CRITERIA><P>Trials of exercise.</P></ABS_SELECTION_CRITERIA><ABS_DATA_COLLECTION><P>Two authors.</P></ABS_DATA_COLLECTION>
<ABS_RESULTS><P>We found 4 trials {{{{ braces }}}} kept.</P></ABS_RESULTS><ABS_CONCLUSIONS><P>Exercise helps.</P></ABS_CONCLUSIONS>
</ABSTRACT></MAIN_TEXT>
<SOF_TABLES><SOF_TABLE><TABLE COLS="6">
<TR><TD COLSPAN="6"><P><B>Exercise compared with usual care for knee pain</B></P></TD></TR>
<TR><TH><P>Outcomes</P></TH><TH><P>Risk with usual care</P></TH><TH><P>Risk with exercise</P></TH><TH><P>Relative effect (95% CI)</P></TH>
<TH><P>No of participants (studies)</P></TH><TH><P>Certainty of the evidence (GRADE)</P></TH><TH><P>Comments</P></TH></TR>
<TR><TD><P>Knee surgery</P></TD><TD><P>200 per 1000</P></TD><TD><P>150 per 1000 (120 to 190)</P></TD><TD><P>RR 0.75 (0.60 to 0.95)</P></TD>
<TD><P>1,250 (4 RCTs)</P></TD><TD><P>&#8853;&#8853;&#8853;&#9711; Moderate</P></TD><TD><P>{sof_comment}</P></TD></TR>
</TABLE></SOF_TABLE></SOF_TABLES>
</COCHRANE_REVIEW>"""
    path.write_bytes(text.replace("\n", "\r\n").encode("iso-8859-1", errors="xmlcharrefreplace"))
    return path


SUMMARY_2021 = """<P><B>Key messages</B></P><UL><LI>Exercise probably lowers the chance of knee surgery.</LI><LI>We need longer studies.</LI></UL>
<P><B>What is knee pain?</B></P><P>Pain in the knee joint.</P>
<P><B>What did we want to find out?</B></P><P>Whether exercise helps.</P>
<P><B>What did we do?</B></P><P>We searched for studies.</P>
<P><B>What did we find?</B></P><P>We found 4 studies.</P>
<P><B>What are the limitations of the evidence?</B></P><P>The studies were small.</P>
<P><B>How up to date is this evidence?</B></P><P>The evidence is up to date to February 2020.</P>"""


def test_latin1_crlf_file_with_2021_headings_maps_to_that_layout_and_states_size(cli, tmp_path: Path) -> None:
    source = write_rm5(tmp_path / "knee.rm5", SUMMARY_2021, sof_comment="A small reduction in surgery")
    result = cli("import", str(source), "--content", str(tmp_path / "content"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "layout cochrane-2021" in result.stdout
    data = yaml.safe_load((tmp_path / "content" / "cd999999-pub2.yaml").read_text(encoding="utf-8"))
    assert data["title"] == "Café exercise for knee pain" and data["authors"] == ["Renée López"]
    assert data["summary"]["key_messages"] == ["Exercise probably lowers the chance of knee surgery.", "We need longer studies."]
    assert data["summary"]["what_is_heading"] == "What is knee pain?"
    assert "up_to_date" not in data["summary"]  # the layout writes "The evidence is up to date to ..." itself
    [entry] = data["results"]
    assert (entry["estimate"], entry["ci"], entry["participants"], entry["studies"]) == ("0.75", ["0.60", "0.95"], 1250, 4)
    assert entry["certainty"] == "moderate" and entry["size"] == "small" and entry["direction"] == "reduce"
    if "control_risk" in RESULT_KEYS:
        assert entry["control_risk"] == 0.2
    assert "{{ '{{' }} braces }}" in data["sections"]["main_results"]["technical"]
    assert "{{ search_date | long_date }}" in data["sections"]["search_methods"]["technical"]
    checked = cli("check", str(tmp_path / "content" / "cd999999-pub2.yaml"), cwd=tmp_path)
    assert checked.returncode in (0, 1), checked.stderr  # valid: only the gate may fail it


def test_entities_are_refused_and_broken_xml_is_located(cli, tmp_path: Path) -> None:
    bomb = write_rm5(tmp_path / "bomb.rm5", "<P>x</P>", declaration='<!DOCTYPE r [<!ENTITY a "aaaa">]>')
    refused = cli("import", str(bomb), "--content", str(tmp_path / "content"), cwd=tmp_path)
    assert refused.returncode == 2 and "entities" in refused.stderr and "Traceback" not in refused.stderr
    broken = tmp_path / "broken.rm5"
    broken.write_bytes(b'<?xml version="1.0" encoding="ISO-8859-1"?>\r\n<COCHRANE_REVIEW>\r\n<COVER_SHEET>\r\n</COCHRANE_REVIEW>\r\n')
    failed = cli("import", str(broken), "--content", str(tmp_path / "content"), cwd=tmp_path)
    assert failed.returncode == 2
    assert re.search(r"broken\.rm5:4:\d+: not well-formed XML", failed.stderr), failed.stderr
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize(("labels", "swap", "better"), [
    (("Exercise", "Usual care", "Favours exercise", "Favours usual care"), "NO", "lower"),
    (("Exercise", "Usual care", "Favours usual care", "Favours exercise"), "NO", "higher"),
    (("Exercise", "Usual care", "Favours usual care", "Favours exercise"), "YES", "lower"),
    (("Exercise", "Usual care", "Better", "Worse"), "NO", None),
])
def test_which_way_is_better_comes_from_the_forest_plot_labels(labels, swap, better) -> None:
    import xml.etree.ElementTree as ET

    from plainsum.importers.revman import _better

    outcome = ET.fromstring(
        f'<CONT_OUTCOME SWAP_EVENTS="{swap}"><GROUP_LABEL_1>{labels[0]}</GROUP_LABEL_1><GROUP_LABEL_2>{labels[1]}'
        f'</GROUP_LABEL_2><GRAPH_LABEL_1>{labels[2]}</GRAPH_LABEL_1><GRAPH_LABEL_2>{labels[3]}</GRAPH_LABEL_2></CONT_OUTCOME>')
    assert _better(outcome) == better
