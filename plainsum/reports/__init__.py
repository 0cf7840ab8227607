"""Reports: HTML pages of what plainsum found, shown in place for authors (`plainsum report`).

Takes: the results of `plainsum check` and the templates. Gives: an overview page with SVG charts of
grades and gate results across reviews, its figures as JSON, and one page per review with hard
sentences, jargon, abbreviations and passive voice marked beside their suggestions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.reports.overview import write_overview
    from plainsum.reports.review import review_page, write_review_pages

__all__ = ["review_page", "write_overview", "write_review_pages"]

__getattr__ = lazy_exports(__name__, {
    "overview": ("write_overview",),
    "review": ("review_page", "write_review_pages"),
})
