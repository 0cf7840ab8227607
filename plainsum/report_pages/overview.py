"""The overview report across many reviews: grade distributions, the gate, the hardest reviews.

`overview_data(outcome)` gives the figures as plain data (written as report.json);
`write_overview(...)` writes them with an HTML page whose charts are inline SVG (no scripts,
no network), each chart followed by the same numbers as a table.
"""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from plainsum.gate.records import DocumentRecord

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.gate.records import Outcome
    from plainsum.render.templates import TemplateSet

GRADE = "flesch_kincaid_grade"
HARDEST = 20  # how many of the hardest reviews the report lists
BIN_TOP = 24  # grades from BIN_TOP up share the last bin


def _record(result: Any) -> DocumentRecord:
    from plainsum.gate.records import DocumentRecord, DocumentResult

    return DocumentRecord.of(result) if isinstance(result, DocumentResult) else result


def _bins(values: list[float]) -> list[dict[str, Any]]:
    counts = [0] * (BIN_TOP + 1)
    for value in values:
        counts[min(BIN_TOP, max(0, math.floor(value)))] += 1
    return [{"from": grade, "to": None if grade == BIN_TOP else grade + 1, "count": count}
            for grade, count in enumerate(counts)]


def _summary_stats(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"count": 0, "mean": None, "median": None, "min": None, "max": None, "histogram": _bins([])}
    return {"count": len(values), "mean": round(statistics.fmean(values), 2), "median": round(statistics.median(values), 2),
            "min": round(min(values), 2), "max": round(max(values), 2), "histogram": _bins(values)}


def _status(passed: bool, words: int, formulas_applied: bool) -> str:
    if not passed:
        return "failed"
    if not formulas_applied:
        return f"passed (too short for formulas: {words} words)"
    return "passed"


def overview_data(outcome: Outcome, threshold: float | None = None, min_words: float = 0,
                  config: Config | None = None) -> dict[str, Any]:
    """The report's figures. `min_words`: below it no formula is applied (the gate's formula_min_words).
    With `config`, each checked lay summary also gets its Clear Communication Index pre-score."""
    from plainsum.report_pages.cci import pre_score

    reviews: dict[str, dict[str, Any]] = {}
    for result in outcome.results:
        record = _record(result)
        ref = record.document
        if ref.name.count("/") == 2:  # a translation ("<id>/<lang>/summary"): the report covers the reviews' own documents
            continue
        entry = reviews.setdefault(ref.review_id, {"id": ref.review_id, "title": ref.review_title, "source": ref.source,
                                                   "report": f"reviews/{ref.review_id}.html"})
        words = int(record.scored.figures.get("words", 0))
        applied = getattr(result.scored, "formulas_applied", words >= min_words)
        entry[ref.kind] = {
            "grade": round(record.scored.figures.get(GRADE, 0.0), 2),
            "reading_ease": round(record.scored.figures.get("flesch_reading_ease", 0.0), 2),
            "words": words,
            "passed": record.passed,
            "formulas_applied": bool(applied),
            "status": _status(record.passed, words, bool(applied)),
        }
        if ref.kind == "summary" and config is not None and hasattr(result.scored, "sentences"):
            entry[ref.kind]["cci"] = pre_score(result.scored, config).as_dict()
    rows = sorted(reviews.values(), key=lambda r: r["id"])
    gate: dict[str, dict[str, int]] = {}
    for kind in ("summary", "abstract"):
        scored = [r[kind] for r in rows if kind in r]
        gate[kind] = {"passed": sum(1 for s in scored if s["passed"]), "failed": sum(1 for s in scored if not s["passed"]),
                      "too_short": sum(1 for s in scored if s["passed"] and not s["formulas_applied"])}
    hardest = sorted((r for r in rows if "summary" in r), key=lambda r: -r["summary"]["grade"])[:HARDEST]
    failing = sorted(({"id": r["id"], "title": r["title"], "kind": kind, "grade": r[kind]["grade"], "words": r[kind]["words"],
                       "report": r["report"]} for r in rows for kind in ("summary", "abstract") if kind in r and not r[kind]["passed"]),
                     key=lambda f: (f["kind"] != "summary", -f["grade"], f["id"]))
    return {
        "reviews": len(rows),
        "invalid": [str(problem) for problem in outcome.problems],
        "summary_grade_threshold": threshold,
        "gate": gate,
        "grades": {kind: _summary_stats([r[kind]["grade"] for r in rows if kind in r]) for kind in ("summary", "abstract")},
        "hardest": [{"id": r["id"], "title": r["title"], "source": r["source"], "summary_grade": r["summary"]["grade"],
                     "abstract_grade": r.get("abstract", {}).get("grade"), "passed": r["summary"]["passed"],
                     "status": r["summary"]["status"], "report": r["report"]}
                    for r in hardest],
        "failing": failing,
        "per_review": rows,
    }


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


# Charts are drawn in a 360-unit wide viewBox and shown at most 36rem wide, so that at a phone's
# 390 px the 13-unit text is 12.9 px (and larger on wider screens): readable without zooming.
CHART_WIDTH = 360
FONT = 13


def histogram_chart(data: dict[str, Any]) -> dict[str, Any]:
    """Geometry of the grade histogram: summary and abstract bars side by side per grade."""
    width, height, left, bottom, top = CHART_WIDTH, 220, 34, 34, 10
    summary = data["grades"]["summary"]["histogram"]
    abstract = data["grades"]["abstract"]["histogram"]
    peak = max([b["count"] for b in summary + abstract] + [1])
    slot = (width - left - 16) / len(summary)  # room on the right for the last label, "24+"
    scale = (height - bottom - top) / peak

    def bars(histogram: list[dict[str, Any]], offset: float, name: str) -> list[Bar]:
        result = []
        for index, bin_ in enumerate(histogram):
            h = bin_["count"] * scale
            label = f"{name}, grade {bin_['from']}{'+' if bin_['to'] is None else ''}: {bin_['count']}"
            result.append(Bar(left + index * slot + offset, height - bottom - h, slot * 0.42, h, label))
        return result

    ticks = [{"x": left + i * slot + slot / 2, "label": f"{i}{'+' if i == BIN_TOP else ''}"}
             for i in range(0, len(summary), 4)]
    y_ticks = [{"y": height - bottom - v * scale, "label": str(v)} for v in _nice_ticks(peak)]
    threshold = data.get("summary_grade_threshold")
    threshold_x = left + min(threshold, BIN_TOP + 1) * slot if threshold is not None else None
    return {"width": width, "height": height, "left": left, "bottom": height - bottom, "font": FONT,
            "summary": bars(summary, slot * 0.08, "lay summaries"), "abstract": bars(abstract, slot * 0.5, "abstracts"),
            "ticks": ticks, "y_ticks": y_ticks, "threshold_x": threshold_x}


def _nice_ticks(peak: int) -> list[int]:
    step = max(1, 10 ** max(0, len(str(peak)) - 1))
    if peak / step < 3:
        step = max(1, step // 2)
    ticks = list(range(0, peak + 1, step))
    return ticks if len(ticks) <= 6 else ticks[::2]


def gate_chart(data: dict[str, Any]) -> dict[str, Any]:
    """Passed (solid) and failed (hatched) bars, each labelled with its count, so hue is not needed.
    Each bar's label is two lines above it ("Lay summaries: 45.2% passed", "1,234 passed, 1,500
    failed"): one line does not fit 360 units at 13 units a character."""
    width, bar_height, line, gap = CHART_WIDTH, 26, FONT + 5, 14
    bar_width = width - 4
    rows = []
    y = 0
    for kind, label in (("summary", "Lay summaries"), ("abstract", "Abstracts")):
        counts = data["gate"][kind]
        total = max(1, counts["passed"] + counts["failed"])
        passed_width = bar_width * counts["passed"] / total
        y += 2 * line + 4
        rows.append({"y": y, "title_y": y - line - 6, "counts_y": y - 6, "label": label,
                     "passed": counts["passed"], "failed": counts["failed"],
                     "passed_width": passed_width, "failed_width": bar_width - passed_width, "height": bar_height,
                     "percent": round(100 * counts["passed"] / total, 1)})
        y += bar_height + gap
    return {"width": width, "height": y - gap + 4, "rows": rows, "font": FONT}


def grade_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The grade table's rows: the grades some document has (from the lowest to the highest, not 25
    rows of mostly zeros), and where each stands against the gate's maximum grade."""
    summary, abstract = data["grades"]["summary"]["histogram"], data["grades"]["abstract"]["histogram"]
    used = [index for index, bin_ in enumerate(summary) if bin_["count"] or abstract[index]["count"]]
    threshold = data.get("summary_grade_threshold")
    rows = []
    for index in range(used[0], used[-1] + 1) if used else ():
        bin_ = summary[index]
        top = bin_["to"]
        if threshold is None:
            gate = ""
        elif top is not None and top <= threshold:
            gate = "within"
        elif bin_["from"] > threshold:
            gate = "above"
        else:
            gate = f"partly (up to {threshold:g})"
        rows.append({"label": f"{bin_['from']}+" if top is None else f"{bin_['from']}.0\u2013{bin_['from']}.9",
                     "summary": bin_["count"], "abstract": abstract[index]["count"], "gate": gate})
    return rows


def hardest_chart(data: dict[str, Any]) -> dict[str, Any]:
    """One bar per review, its id above it: at 360 units there is no room for ids beside bars."""
    width, row = CHART_WIDTH, 36
    peak = max([h["summary_grade"] for h in data["hardest"]] + [1.0])
    rows = [{"y": 4 + i * row, "id": h["id"], "grade": h["summary_grade"],
             "width": max(1.0, (width - 50) * max(0.0, h["summary_grade"]) / peak)}
            for i, h in enumerate(data["hardest"])]
    return {"width": width, "height": 8 + len(rows) * row, "rows": rows, "font": FONT}


def overview_page(data: dict[str, Any], templates: TemplateSet, built_index: str | None = None) -> bytes:
    template = templates.env.get_template("report/overview.html.j2")
    return template.render(
        data=data, histogram=histogram_chart(data), gate=gate_chart(data), hardest=hardest_chart(data), built_index=built_index,
        grade_rows=grade_rows(data),
        style=Markup(templates.read("assets/style.css")),
    ).encode("utf-8")


def write_overview(outcome: Outcome, config: Config, output_dir: Path, templates: TemplateSet) -> list[Path]:
    """Write <output_dir>/index.html and <output_dir>/report.json; return the files written."""
    import os

    from plainsum.build.writer import safe_output_path, write_atomic

    threshold = _summary_threshold(config)
    data = overview_data(outcome, threshold, config.formula_min_words("summary"), config)
    index = config.output_dir / "index.html"
    built_index = Path(os.path.relpath(index, output_dir)).as_posix() if index.is_file() else None
    page = safe_output_path(output_dir, "index.html")
    figures = safe_output_path(output_dir, "report.json")
    write_atomic(figures, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), output_dir)
    write_atomic(page, overview_page(data, templates, built_index), output_dir)
    return [page, figures]


def _summary_threshold(config: Config) -> float | None:
    value = config.gate.get("summary", {}).get("max_flesch_kincaid_grade")
    return float(value) if value is not None else None
