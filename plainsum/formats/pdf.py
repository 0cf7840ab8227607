"""PDF handouts, rendered by WeasyPrint from the HTML page with the print stylesheet."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from plainsum.formats import Format, RenderContext, template_for
from plainsum.formats.html import page_context


class RefusedURL(ValueError):
    pass


def make_url_fetcher(allowed_dirs: list[Path]):
    """A WeasyPrint URL fetcher that reads only files under `allowed_dirs` and nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse
    from urllib.parse import unquote, urlparse

    roots = [d.resolve() for d in allowed_dirs]

    class ProjectFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme != "file":
                raise RefusedURL(f"plainsum refuses to fetch {url!r}: only project files may be read")
            path = Path(unquote(parsed.path)).resolve()
            if not any(path.is_relative_to(root) for root in roots) or not path.is_file():
                raise RefusedURL(f"plainsum refuses to read {path}: it is outside the project's templates")
            return URLFetcherResponse(url, path.read_bytes())

    return ProjectFilesOnly(fail_on_errors=False)


def render(document, scored, context: RenderContext) -> bytes:
    from weasyprint import HTML

    page = page_context(document, scored, context, media="print")
    page["style"] = Markup(context.templates.read("assets/style.css") + "\n" + context.templates.read("assets/print.css"))
    template = context.templates.env.get_template(template_for("html", document, context.templates, "html"))
    html = template.render(page)
    base = context.templates.dirs[0]
    fetcher = make_url_fetcher(context.templates.dirs)
    return HTML(string=html, base_url=str(base) + "/", url_fetcher=fetcher).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True
    )


FORMAT = Format("pdf", "pdf", "printable handout (A4), tagged PDF/UA", render)
