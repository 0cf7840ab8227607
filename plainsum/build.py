"""plainsum build: check, then publish what passed (and, with --draft, what failed, marked DRAFT)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from plainsum.config import Config
from plainsum.formats import RenderContext, registry as format_registry
from plainsum.pipeline import DocumentResult, Outcome, check
from plainsum.templating import TemplateSet
from plainsum.writer import safe_output_path, write_atomic


@dataclass
class BuildOptions:
    formats: list[str]
    output_dir: Path
    draft: bool = False


def build(paths: list[Path], config: Config, options: BuildOptions) -> Outcome:
    outcome = check(paths, config)
    templates = TemplateSet(config.templates_dir)
    context = RenderContext(templates, config)
    for result in outcome.results:
        if not result.passed:
            if not options.draft:
                outcome.withheld.append(result)
                continue
            result.document.draft = True
            outcome.drafts.append(result)
        for name in options.formats:
            fmt = format_registry[name]
            data = fmt.render(result.document, result.scored, context)
            target = safe_output_path(options.output_dir, result.document.review.id, f"{result.document.kind}.{fmt.extension}")
            (outcome.written if write_atomic(target, data) else outcome.unchanged).append(target)
    if outcome.results:
        index = safe_output_path(options.output_dir, "index.html")
        data = render_index(outcome, options, templates)
        (outcome.written if write_atomic(index, data) else outcome.unchanged).append(index)
    return outcome


def render_index(outcome: Outcome, options: BuildOptions, templates: TemplateSet) -> bytes:
    by_review: dict[str, list[DocumentResult]] = {}
    for result in outcome.results:
        by_review.setdefault(result.document.review.id, []).append(result)
    entries = []
    for review_id, results in sorted(by_review.items()):
        review = results[0].document.review
        summary = next((r for r in results if r.document.kind == "summary"), None)
        links = []
        for result in results:
            if result in outcome.withheld:
                continue
            for name in options.formats:
                extension = format_registry[name].extension
                label = f"{'Summary' if result.document.kind == 'summary' else 'Abstract'} ({name.upper()})"
                links.append({"href": f"{review_id}/{result.document.kind}.{extension}", "label": label})
        if summary is None:
            status, label = "pass", "passed"
        elif summary.passed:
            status, label = "pass", "passed"
        elif summary in outcome.drafts:
            status, label = "draft", "failed (published as DRAFT)"
        else:
            status, label = "fail", "failed (summary withheld)"
        entries.append(
            {
                "title": review.title,
                "links": links,
                "figures": summary.scored.figures if summary else None,
                "status": status,
                "status_label": label,
            }
        )
    template = templates.env.get_template("html/index.html.j2")
    return template.render(entries=entries, style=Markup(templates.read("assets/style.css"))).encode("utf-8")
