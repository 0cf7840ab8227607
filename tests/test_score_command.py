"""plainsum score as a CI gate: presets and configs, plain-language checks, languages, short texts, plurals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

HARD = ("Heterogeneity was assessed using the I² statistic, and sensitivity analyses excluding trials at high risk of "
        "bias were undertaken to investigate the robustness of the pharmacokinetic conclusions. Methodological "
        "limitations, including inadequate allocation concealment and incomplete outcome reporting, substantially "
        "reduced our confidence in the cumulative evidence regarding intravenous immunoglobulin administration.")
EASY = "We found six trials. They had 900 people in all. The drug helped a bit. It did not cause harm. We need more trials."
SPANISH = ("Los ensayos aleatorizados controlados evaluaron la eficacia del tratamiento. Los niños que tomaron el "
           "medicamento tuvieron menos crisis. Hacen falta estudios más grandes.")


def score(*args: str, stdin: str = "", cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`plainsum score` run in this process through the CLI's own entry (click's test runner gives it its own
    stdin, stdout and stderr; the working folder is `cwd` while it runs): the start-up and each language's
    word lists are paid once for the file instead of once a run. score_process runs it as a user does."""
    from click.testing import CliRunner

    from plainsum.cli import cli

    before = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["score", *args], input=stdin, prog_name="plainsum", catch_exceptions=False)
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(["plainsum", "score", *args], result.exit_code, result.stdout, result.stderr)


def score_process(*args: str, stdin: str = "", cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "plainsum", "score", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_the_command_in_its_own_process_gives_what_the_in_process_runs_give():
    for args, stdin in ((("--preset", "nih", "--min-words", "0", "-"), HARD), (("--checks", "--format", "json", "-"), HARD),
                        (("--preset", "nih", "--min-words", "0", "-"), EASY), (("--language", "ca", "-"), SPANISH)):
        process, in_process = score_process(*args, stdin=stdin), score(*args, stdin=stdin)
        assert (process.returncode, process.stdout, process.stderr) == (in_process.returncode, in_process.stdout,
                                                                        in_process.stderr), args


def test_preset_nih_fails_a_hard_text_with_exit_1():
    result = score("--preset", "nih", "--min-words", "0", "-", stdin=HARD)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[readability.thresholds] Flesch-Kincaid grade is" in result.stdout
    assert "gate: FAIL (1 error)" in result.stdout


def test_preset_nih_passes_an_easy_text_with_exit_0():
    result = score("--preset", "nih", "--min-words", "0", "-", stdin=EASY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "gate: pass" in result.stdout


def test_a_config_file_applies_its_gate(tmp_path: Path):
    config = tmp_path / "strict.toml"
    config.write_text("[gate.summary]\nmax_words_per_sentence = 5\nformula_min_words = 0\n", encoding="utf-8")
    assert score("--config", str(config), "-", stdin=EASY).returncode == 0
    failed = score("--config", str(config), "--format", "json", "-", stdin=HARD)
    assert failed.returncode == 1
    data = json.loads(failed.stdout)
    assert data["passed"] is False and any(f["check"] == "readability.thresholds" for f in data["findings"])


def test_without_a_gate_the_exit_code_is_0_even_for_a_hard_text():
    assert score("--min-words", "0", "-", stdin=HARD).returncode == 0


def test_checks_list_jargon_findings():
    result = score("--checks", "-", stdin=HARD)
    assert result.returncode == 0
    assert "[plain.jargon] jargon: 'Heterogeneity'" in result.stdout
    assert "gate:" not in result.stdout  # no preset or config: findings, no gate
    data = json.loads(score("--checks", "--format", "json", "-", stdin=HARD).stdout)
    assert {"plain.jargon", "plain.passive"} <= {f["check"] for f in data["findings"]}
    assert data["checks_skipped"] == []


def test_an_english_check_does_not_run_on_spanish_text_and_the_output_says_so():
    result = score("--checks", "--language", "es", "-", stdin=SPANISH)
    assert result.returncode == 0, result.stderr
    assert "plain.jargon" not in result.stdout.split("not run on")[0]
    assert "not run on Spanish text (their data are English): plain.jargon, plain.passive" in result.stdout
    data = json.loads(score("--checks", "--language", "es", "--format", "json", "-", stdin=SPANISH).stdout)
    assert "plain.jargon" in data["checks_skipped"] and not any(f["check"] == "plain.jargon" for f in data["findings"])


def test_rare_words_come_from_the_texts_language():
    data = json.loads(score("--checks", "--language", "es", "--format", "json", "-", stdin=SPANISH).stdout)
    rare = [f["message"] for f in data["findings"] if f["check"] == "plain.rare-word"]
    # only the technical word (with its other forms, aleatorizado, aleatorizadas...; Spanish's threshold is 2.6)
    assert rare == ["rare word: 'aleatorizados' (word frequency 2.2 on the Zipf scale with its other forms, below 2.6)"]
    english = json.loads(score("--checks", "--format", "json", "-", stdin=SPANISH).stdout)
    assert len([f for f in english["findings"] if f["check"] == "plain.rare-word"]) >= 3  # as English they would be


def test_a_short_text_gets_counts_and_the_option_that_gives_formulas():
    result = score("-", stdin="We found one trial.")
    assert "1 sentence\n" not in result.stdout  # the count table aligns numbers
    assert "too short for formulas: 4 words, fewer than 100; counts only (--min-words 0 gives the formulas anyway)" in result.stdout
    assert "Flesch-Kincaid grade" not in result.stdout


def test_singular_and_plural():
    result = score("-v", "-", stdin="# One\n\nWe found one trial.\n\n# Two\n\nIt was small. It was old.")
    assert "One: 4 words, 1 sentence, too short for formulas" in result.stdout
    assert "Two: 6 words, 2 sentences," in result.stdout
    assert "1 sentences" not in result.stdout and "1 words" not in result.stdout


def test_preset_and_config_together_are_a_usage_error(tmp_path: Path):
    config = tmp_path / "c.toml"
    config.write_text("", encoding="utf-8")
    result = score("--preset", "nih", "--config", str(config), "-", stdin=EASY)
    assert result.returncode == 2 and "not both" in result.stderr


@pytest.mark.parametrize("args", [["--preset", "nope"], ["--language", "klingon"]])
def test_unknown_preset_or_language_exits_2(args: list[str]):
    result = score(*args, "-", stdin=EASY)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_mapped_language_is_scored_as_its_fallback(tmp_path: Path):
    (tmp_path / "plainsum.toml").write_text('[languages]\nca = "es"\n', encoding="utf-8")
    result = score("--language", "ca", "--min-words", "0", "--format", "json", "-", stdin=SPANISH, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["language"] == "es"
    assert score("--language", "ca", "-", stdin=SPANISH).returncode == 2  # without the mapping


def test_spanish_preset_gates_on_the_inflesz_scale():
    result = score("--language", "es", "--preset", "inflesz", "--min-words", "0", "-", stdin=SPANISH)
    assert "Szigriszt-Pazos (INFLESZ)" in result.stdout
    assert result.returncode == 1  # a long-worded text: below 55, "algo difícil"


def test_a_text_in_another_language_gets_a_hint():
    from bench.language_texts import TEXTS

    result = score("-", stdin=TEXTS["es"])
    assert ("note: this text reads as Spanish, not English (100% of its words are common Spanish words, 24% common "
            "English ones); --language es scores it as Spanish") in result.stdout
    assert json.loads(score("--format", "json", "-", stdin=TEXTS["es"]).stdout)["language_hint"] == "es"
    for code, text in TEXTS.items():  # no hint when the language is right
        data = json.loads(score("--format", "json", "--language", code, "-", stdin=text).stdout)
        assert data["language_hint"] is None, code
    assert "note:" not in score("-", stdin=HARD).stdout


def test_a_reader_that_goes_away_is_not_an_internal_error(tmp_path: Path):
    big = tmp_path / "big.md"
    big.write_text(" ".join(["We found one small trial of a new drug."] * 20000), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "plainsum", "score", "-v", str(big)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=REPO)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().rstrip().endswith(b"(English)")
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "internal error" not in stderr and "Traceback" not in stderr


# A Spanish text of two long sentences (41 words a sentence), easy words otherwise.
SPANISH_LONG = ("Buscamos estudios que comparan el tratamiento con un placebo en niños y en adultos que tienen asma, "
                "en todos los países y en todas las lenguas, hasta el mes de marzo, y encontramos doce estudios con "
                "más de mil personas en total. "
                "Los estudios eran pequeños y cortos, y por eso no sabemos si el tratamiento ayuda a las personas "
                "con asma a respirar mejor o a tener menos crisis, ni si causa efectos no deseados en los niños.")


def test_score_config_applies_the_languages_own_gate(tmp_path: Path):
    config = tmp_path / "esg.toml"
    config.write_text("[gate.summary.languages.es]\nmin_szigriszt_pazos = 90\n", encoding="utf-8")
    result = score("--language", "es", "--config", str(config), "--min-words", "0", "--format", "json", "-", stdin=SPANISH)
    assert result.returncode == 1, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["passed"] is False
    assert [f["check"] for f in data["findings"] if f["severity"] == "error"] == ["readability.thresholds"]
    assert "(min_szigriszt_pazos)" in data["findings"][0]["message"]
    # English text under the same file: the Spanish table is not its gate
    assert score("--config", str(config), "--min-words", "0", "-", stdin=EASY).returncode == 0


def test_score_takes_formula_min_words_from_the_languages_table(tmp_path: Path):
    config = tmp_path / "esg.toml"
    config.write_text("[gate.summary]\nformula_min_words = 500\n[gate.summary.languages.es]\nformula_min_words = 0\n"
                      "min_szigriszt_pazos = 90\n", encoding="utf-8")
    result = score("--language", "es", "--config", str(config), "-", stdin=SPANISH)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "too short for formulas" not in result.stdout and "gate: FAIL (1 error)" in result.stdout


def test_the_shipped_gate_bounds_words_per_sentence_in_spanish():
    result = score("--language", "es", "--config", str(REPO / "plainsum.toml"), "--format", "json", "-", stdin=SPANISH_LONG)
    data = json.loads(result.stdout)
    assert data["words_per_sentence"] > 25
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    bound = [f["message"] for f in errors if f["check"] == "readability.thresholds"]
    assert len(bound) == 1 and "(max_words_per_sentence)" in bound[0]
    # the text is shorter than formula_min_words, so its long sentences are also gated one by one
    assert {f["check"] for f in errors} <= {"readability.thresholds", "readability.short-text"}
    # and the English bound, which does not apply to Spanish, is not warned about
    assert not any(f["check"] == "readability.other-language" for f in data["findings"])


@pytest.mark.parametrize("stdin", ["", "   \n\n", "# References\n\n- Smith J. Trials. BMJ 2010;12(3):45-67.\n"])
def test_an_empty_text_fails_a_formula_gate_and_says_it_has_nothing(stdin: str):
    result = score("--language", "fr", "--preset", "kandel-moles", "--min-words", "0", "-", stdin=stdin)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "no text to score: no words, no formulas" in result.stdout and "fewer than 0" not in result.stdout
    assert ("error [readability.thresholds] the document has no words to score: min_kandel_moles cannot be applied "
            "to it") in result.stdout
    assert "gate: FAIL (1 error)" in result.stdout
    data = json.loads(score("--language", "fr", "--preset", "kandel-moles", "--format", "json", "-", stdin=stdin).stdout)
    assert data["passed"] is False and [f["check"] for f in data["findings"]] == ["readability.thresholds"]
    assert score("-", stdin=stdin).returncode == 0  # no gate: nothing to fail


def test_a_heading_that_ends_in_a_colon_gets_one_colon():
    text = ("## Authors' conclusions:\n\nWe found six trials. They were small.\n\n"
            "## Conclusions des auteurs\u202f:\n\nNous avons trouvé six essais.\n")
    lines = score("--min-words", "0", "-", stdin=text).stdout.splitlines()
    assert "  Authors' conclusions: 7 words, 2 sentences, grade -0.7, reading ease 106.6" in lines
    assert any(line.startswith("  Conclusions des auteurs: 5 words, 1 sentence,") for line in lines)
    assert not any("::" in line or " :" in line for line in lines)


def test_ratios_have_two_decimals_and_counts_none():
    text = "Trees grow. Cats run."  # 2 words a sentence, 1 syllable a word, no long words: whole ratios
    lines = score("--min-words", "0", "-", stdin=text).stdout.splitlines()
    assert "  sentences                      2" in lines and "  words                          4" in lines
    assert "  words per sentence             2.00" in lines
    assert "  syllables per word             1.00" in lines
    assert "  share of long words (%)        0.00" in lines
    data = json.loads(score("--min-words", "0", "--format", "json", "-", stdin=text).stdout)
    assert type(data["words"]) is int and type(data["sentences"]) is int
    assert type(data["words_per_sentence"]) is float and data["words_per_sentence"] == 2.0
    assert type(data["long_word_share"]) is float and type(data["by_section"][0]["syllables_per_word"]) is float
    assert type(data["rix"]) is float  # a formula's value is a number with decimals, even 0


# Every formula from the figures score reports, written out from docs/readability.md (not plainsum's code):
# w words, s sentences, y syllables, p3 words of 3+ syllables, c letters, l6 words of 7+ letters,
# p1 words of one syllable, characters, fog hard words, u words not on the Dale-Chall list.
def _recomputed(d: dict) -> dict[str, float]:
    w, s, y = d["words"], d["sentences"], d["syllables"]
    p3, c, l6, p1 = d["long_words"], d["letters"], d["long_letter_words"], d["monosyllables"]
    found = {
        "fernandez_huerta": 206.84 - 0.60 * 100 * y / w - 1.02 * w / s,
        "szigriszt_pazos": 206.835 - 62.3 * y / w - w / s,
        "kandel_moles": 207 - 1.015 * w / s - 73.6 * y / w,
        "amstad": 180 - w / s - 58.5 * y / w,
        "wiener_sachtextformel": 0.1935 * 100 * p3 / w + 0.1672 * w / s + 0.1297 * 100 * l6 / w - 0.0327 * 100 * p1 / w - 0.875,
        "gulpease": 89 + (300 * s - 10 * c) / w,
        "flesch_vacca": 206 - 0.65 * 100 * y / w - w / s,
        "flesch_martins": 248.835 - 1.015 * w / s - 84.6 * y / w,
        "flesch_douma": 206.835 - 0.77 * 100 * y / w - 0.93 * w / s,
        "lix": w / s + 100 * l6 / w,
        "rix": l6 / s,
        "flesch_kincaid_grade": 0.39 * w / s + 11.8 * y / w - 15.59,
        "flesch_reading_ease": 206.835 - 1.015 * w / s - 84.6 * y / w,
        "smog_index": 1.043 * (30 * p3 / s) ** 0.5 + 3.1291,
        "coleman_liau_index": 0.0588 * 100 * c / w - 0.296 * 100 * s / w - 15.8,
    }
    if "characters" in d:
        share = 100 * d["unfamiliar_words"] / w
        found["automated_readability_index"] = 4.71 * c / w + 0.5 * w / s - 21.43
        found["gunning_fog"] = 0.4 * (w / s + 100 * d["fog_hard_words"] / w)
        found["dale_chall_readability_score"] = 0.1579 * share + 0.0496 * w / s + (3.6365 if share > 5 else 0)
    return found


@pytest.mark.parametrize("code", ["en", "es", "fr", "de", "it", "pt", "nl"])
def test_every_formula_can_be_recomputed_from_the_reported_counts(code: str):
    from bench.language_texts import TEXTS

    data = json.loads(score("--language", code, "--min-words", "0", "--format", "json", "-", stdin=TEXTS[code]).stdout)
    recomputed = _recomputed(data)
    formulas = [key for key in data if key in recomputed or key == "linsear_write_formula"]
    assert len(formulas) >= 3
    for key in formulas:
        if key == "linsear_write_formula":
            continue  # reads the first 100 words one by one (docs/readability.md), not totals
        assert data[key] == pytest.approx(recomputed[key], abs=0.006), key
    section = data["by_section"][0]
    assert {"letters", "long_letter_words", "monosyllables"} <= set(section)
    assert {"letters", "long_letter_words", "monosyllables"} <= set(data["by_sentence"][0])
    assert ("characters" in data) == (code == "en")
    text = score("--language", code, "--min-words", "0", "-", stdin=TEXTS[code]).stdout
    assert f"  words of 7+ letters            {data['long_letter_words']}\n" in text
    assert f"  letters (and digits)           {data['letters']}\n" in text
    assert f"  words of one syllable          {data['monosyllables']}\n" in text
