"""Run plainsum's benchmarks: `python -m bench` (all) or `python -m bench NAME ...`.

Each benchmark is a module in bench/ with a `main(argv) -> int` function. Each compares
plainsum with the obvious alternative in the same run and prints the ratio.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = {
    # name: (module, what it measures)
    "scoring": ("bench.scoring", "score all 5,942 corpus texts with plainsum and with textstat (same formulas): "
                "times, ratio, median grade of abstracts and lay summaries"),
    "languages": ("bench.language_compare", "each language's formulas next to textstat's on the texts of bench/language_texts.py, "
                  "with plainsum's arithmetic on textstat's own counts and why each differs (docs/readability.md's table)"),
    "rarewords": ("bench.rare_words", "rare words per language: the Zipf threshold that flags the same share of running text "
                  "as 2.5 in English, and the words flagged before and now on the language texts and shipped translations"),
    "plain": ("bench.plain", "plain-language checks on the corpus: time per text, findings per 100 words "
              "in abstracts vs lay summaries, 2021 rules met"),
    "corpus": ("bench.corpus", "the whole corpus end to end: import, check, build txt+html; counts, crashes, time "
               "(--sample=N for a spread of N reviews)"),
    "claims": ("bench.claims", "claim checks on the corpus: lay-summary claims matched to the abstract's outcomes, "
               "disagreements in certainty and direction, against a naive check without matching (--show=N to read)"),
    "claimprobe": ("bench.claimprobe", "the claim reader on lay summaries nobody encoded (results made up from the abstract): "
                   "sentences read as claims, statements, explanations (--show=N claim readings to judge by hand)"),
    "library": ("bench.library", "plainsum check of the whole corpus in every report format with the shipped gate: CPU, wall, "
                "peak memory, report size and result count next to code scanning's limits; the compact baseline vs version 1"),
    "truth": ("bench.truth", "the truth checks on a hand-encoded set of corpus reviews: precision of their findings on the "
              "published lay summaries (verdicts by hand) and recall on seeded single-error mutants, per check and class"),
    "trialwording": ("bench.trial_wording", "the trial-results wording checks on the corpus lay summaries: findings per 1,000 "
                     "sentences, recall on seeded errors, the negation rule against a plain word list (--show=N to read)"),
    "fuzz": ("bench.campaign", "a campaign over every input kind (content, prose, translations, configuration, catalogs, "
             "grid, templates, the importers, score input), seeded from real records, mutating bytes, tokens and structure: "
             "--inputs N or --minutes M, --seed S, --hang SECONDS (default 5); inputs, taken, refused, crashes, hangs per kind"),
    "fuzz-hypothesis": ("bench.fuzz", "hypothesis-generated content, prose, configuration, score input and import files for "
                        "--minutes N (default 1): inputs tried per target, crashes (exit 3 or a traceback)"),
    "build": ("bench.build", "plainsum build of the corpus: full, no-op and one-edit builds in html+txt (all reviews) "
              "and html+txt+pdf (a subset), --jobs 1 vs --jobs 2; times, ratios, targets"),
    "release": ("bench.release", "this tree against an earlier release checked out beside it (--old=DIR) and its main "
                "(--same=DIR), one run: CPU per English document of a html+txt build, no-op and one-edit rebuilds, identical output"),
    "checkjobs": ("bench.check_jobs", "plainsum check of corpus reviews with --jobs 1 and --jobs 2 (the build's worker pool): "
                  "wall and CPU time (the parent's and the workers'), load average, the measured and the projected (Amdahl) ratio, "
                  "and whether the two JSON reports are identical"),
    "translations": ("bench.translations", "the corpus with 3 pseudo-translations of every lay summary: html+txt and html+txt+pdf, "
                     "English only vs with translations, --jobs 1 vs --jobs 2"),
    "diff": ("bench.diff", "plainsum diff: one review after start-up, and the corpus in git with 100 reviews changed "
             "(only those rendered); beside git diff --word-diff and plainsum check"),
    "serve": ("bench.serve", "live preview: save -> reload event of `plainsum serve` against an incremental `plainsum build "
              "--formats html` by hand after the same save (--reviews=N copies of the 2021 example, --rounds=N)"),
}


def _join_values(argv: list[str]) -> list[str]:
    """`--minutes 10` as `--minutes=10`: an option's value is not a benchmark's name."""
    joined: list[str] = []
    for arg in argv:
        if joined and joined[-1].startswith("--") and "=" not in joined[-1] and arg not in BENCHMARKS and not arg.startswith("-"):
            joined[-1] = f"{joined[-1]}={arg}"
        else:
            joined.append(arg)
    return joined


def main(argv: list[str]) -> int:
    argv = _join_values(argv)
    names = [a for a in argv if not a.startswith("-")] or list(BENCHMARKS)
    options = [a for a in argv if a.startswith("-")]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    if "-h" in options or "--help" in options:
        # what each benchmark measures and its options (the module's docstring), without running it
        for name in names:
            module_name, what = BENCHMARKS[name]
            doc = (importlib.import_module(module_name).__doc__ or "").strip()
            print(f"python -m bench {name}: {what}" + (f"\n\n{doc}\n" if doc else "\n"))
        return 0
    status = 0
    for name in names:
        module_name, what = BENCHMARKS[name]
        # a benchmark's --json output is the whole of stdout, so its heading goes to stderr then
        print(f"== {name}: {what}", flush=True, file=sys.stderr if "--json" in options else sys.stdout)
        status = max(status, importlib.import_module(module_name).main(options))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
