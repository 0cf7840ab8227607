"""plainsum import of a RevMan Web data package (a ZIP of CSV files): each analysis with an overall
estimate becomes a result, and what could not be mapped is said. tests/data/revman-web/fleiss1993-data.zip
is the real package the R meta package ships as its example of read.cdir (Fleiss 1993: aspirin after
myocardial infarction, mental health treatment), as RevMan Web exported it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import yaml

PACKAGE = Path(__file__).parent / "data" / "revman-web" / "fleiss1993-data.zip"
OVERALL_HEADER = ("Analysis group,Analysis number,Analysis name,Analysis group name,Data source,Data type,Experimental intervention,"
                  "Control intervention,Effect measure,Overall estimates,Estimate CI,Experimental N,Control N,Mean,CI start,CI end")
ROWS_HEADER = "Analysis group,Analysis number,Analysis name,Subgroup,Applicability,Study,Study year,Mean,CI start,CI end"


def _package(path: Path, overall: list[str], rows: list[str], outer: bool = False) -> Path:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("123-analysis-data/123-overall-estimates-and-settings.csv", "\ufeff" + "\n".join([OVERALL_HEADER, *overall]) + "\n")
        archive.writestr("123-analysis-data/123-data-rows.csv", "\ufeff" + "\n".join([ROWS_HEADER, *rows]) + "\n")
    if not outer:
        path.write_bytes(inner.getvalue())
        return path
    with zipfile.ZipFile(path, "w") as archive:  # as the Cochrane Library gives it: the PDF and the package inside
        archive.writestr("Exercise-review/123-article.pdf", b"%PDF-1.4\n")
        archive.writestr("Exercise-review/123-files/123-data.zip", inner.getvalue())
    return path


def test_the_real_package_imports_into_results_that_check_accepts(cli, project):
    result = cli("import", str(PACKAGE), "--id", "aspirin-after-mi")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((project / "content" / "aspirin-after-mi.yaml").read_text(encoding="utf-8"))
    [aspirin] = data["results"]
    # the overall-estimates row of analysis 1.1: MH odds ratio 0.896866 (0.840514 to 0.956995), 14186 + 13817 people,
    # and its 7 studies in data-rows.csv
    assert aspirin == {"id": "aspirin_for_preventing_death_after", "outcome": "aspirin for Preventing Death after Myocardial Infarction",
                       "measure": "OR", "estimate": "0.90", "ci": ["0.84", "0.96"], "studies": 7, "participants": 28003,
                       "certainty": "low", "direction": "reduce"}
    assert data["sections"]["main_results"]["technical"] == "{{ results.aspirin_for_preventing_death_after.technical }}"
    # what could not be mapped is said, in the output and in the file
    assert "analysis 1.2 'Mental Health Treatment versus Control' not imported as a result: it gives no estimate" in result.stdout
    text = (project / "content" / "aspirin-after-mi.yaml").read_text(encoding="utf-8")
    assert "# NOTE: TODO the data package has no GRADE certainty" in text
    # the file loads: its results are valid; the placeholders are what check reports
    checked = cli("check", "content/aspirin-after-mi.yaml")
    assert checked.returncode == 1
    assert "[content.unfinished]" in checked.stdout and "invalid" not in checked.stderr.lower()
    assert "results." not in "".join(line for line in checked.stdout.splitlines() if "error [results" in line)


def test_names_measures_and_unmapped_analyses_of_a_package(cli, project, tmp_path):
    source = _package(tmp_path / "exercise.zip", [
        "1,1,Pain at 12 weeks,Exercise versus usual care,Custom input,Continuous,,,Mean Difference,true,95%,150,148,-8.5,-12.1,-4.9",
        "1,2,Death,Exercise versus usual care,Custom input,Dichotomous,Exercise,Usual care,Risk Ratio,true,95%,300,310,1.02,0.81,1.29",
        "1,3,Falls,Exercise versus usual care,Custom input,Dichotomous,,,Risk Ratio,false,95%,120,118,0.7,0.5,0.98",
        "2,1,Quality of life,Exercise versus rest,Custom input,Continuous,,,Odds Ratio (Bayesian),true,95%,40,40,1.1,0.9,1.3",
    ], [
        "1,1,Pain at 12 weeks,,SUBGROUP_AND_OVERALL,Ames,2001,-7,-12,-2",
        "1,1,Pain at 12 weeks,,SUBGROUP_AND_OVERALL,Bell,2004,-9,-14,-4",
        "1,2,Death,,SUBGROUP_AND_OVERALL,Ames,2001,1.0,0.7,1.4",
    ], outer=True)
    result = cli("import", str(source))
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((project / "content" / "exercise-review.yaml").read_text(encoding="utf-8"))  # the folder's name
    pain, death = data["results"]
    assert (pain["intervention"], pain["comparison"], pain["measure"], pain["estimate"], pain["ci"], pain["studies"],
            pain["participants"], pain["direction"]) == ("Exercise", "usual care", "MD", "-8.50", ["-12.10", "-4.90"], 2, 298, "reduce")
    assert (death["intervention"], death["comparison"], death["measure"], death["studies"]) == ("Exercise", "Usual care", "RR", 1)
    assert data["facts"]["intervention"] == "Exercise"
    assert "analysis 1.3 'Falls' not imported as a result: its overall estimate is switched off" in result.stdout
    assert "analysis 2.1 'Quality of life' not imported as a result: its effect measure 'Odds Ratio (Bayesian)' has no counterpart" in result.stdout


def test_new_from_a_package_keeps_the_results_and_the_certainty_todo(cli, project):
    made = cli("new", "aspirin", "--from", str(PACKAGE))
    assert made.returncode == 0, made.stderr
    text = (project / "content" / "aspirin.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("# NOTE: TODO the data package has no GRADE certainty")  # under the schema modeline
    assert yaml.safe_load(text)["results"][0]["estimate"] == "0.90"


def test_what_is_not_a_data_package_is_invalid_input(cli, project, tmp_path):
    not_zip = tmp_path / "package.zip"
    not_zip.write_text("overall-estimates-and-settings.csv", encoding="utf-8")
    result = cli("import", str(not_zip))
    assert result.returncode == 2
    assert "package.zip:1:1: cannot import: not a ZIP file" in result.stderr and "Traceback" not in result.stderr
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "hello")
    result = cli("import", str(other))
    assert result.returncode == 2 and "not a RevMan Web data package" in result.stderr
    nothing = _package(tmp_path / "nothing.zip", ["1,1,Pain,,Custom input,Continuous,,,Mean Difference,false,95%,10,10,1,0,2"], [])
    result = cli("import", str(nothing))
    assert result.returncode == 2 and "no analysis of the package has an overall estimate to import" in result.stderr


def test_a_csv_the_csv_reader_cannot_read_is_invalid_input(cli, project, tmp_path):
    source = tmp_path / "long.zip"
    with zipfile.ZipFile(source, "w") as archive:  # a field past the csv module's limit (131,072 characters)
        archive.writestr("1-analysis-data/1-overall-estimates-and-settings.csv", OVERALL_HEADER + '\n1,1,"' + "x" * 200_000 + '",x\n')
    result = cli("import", str(source))
    assert result.returncode == 2 and "is not a CSV file RevMan writes" in result.stderr and "internal error" not in result.stderr
