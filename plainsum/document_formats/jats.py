"""JATS 1.3 (Journal Publishing DTD): one article per review, for journals and PubMed Central.

Written with the technical abstract, in output/<id>/abstract.jats.xml. The article holds:
- the review's metadata: title, plain title (as an alt-title), DOI, authors, publication date, version;
- the technical abstract as <abstract>, its sections as <sec>;
- the lay summary as <abstract abstract-type="plain-language-summary"> titled "Plain Language Summary",
  as the JATS4R abstracts recommendation (NISO RP-43-2022) tags it; its plain title follows the title,
  in bold, and is also the article's alt-title of that type;
- each translated lay summary written by the same build as <trans-abstract xml:lang="..">, of the same type;
- the summary of findings (the review's `results:`) as a JATS table in the body.
A lay summary the build withheld (it failed the gate, no --draft) is left out, as from every format.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from lxml import etree

from plainsum.content.versions import doi_base
from plainsum.document_formats import Format, RenderContext
from plainsum.document_formats.xmlbody import XLINK, Section, sections, xml_safe

if TYPE_CHECKING:
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document

PUBLIC_ID = "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN"
SYSTEM_ID = "https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd"
PLAIN_LANGUAGE = "plain-language-summary"
PLAIN_TITLE = "Plain Language Summary"  # the title publishers' JATS4R schematron rules ask for
ARTICLE_TYPES = {"cochrane-review": "review-article", "cochrane-review-rationale": "review-article",
                 "cochrane-review-brief": "review-article", "primary-study": "research-article", "trial-results": "research-article"}


# The journals plainsum knows by their DOI prefix (the Cochrane Database of Systematic Reviews).
# The Publishing DTD requires a journal id and an ISSN; a review outside these journals gets an
# unassigned journal-meta (docs/formats.md), which a publisher fills in.
JOURNALS = {
    "10.1002/14651858.": {"nlm-ta": "Cochrane Database Syst Rev", "title": "Cochrane Database of Systematic Reviews",
                          "issn": "1469-493X", "publisher": "John Wiley & Sons, Ltd"},
}


def journal_for(doi: str | None) -> dict[str, str] | None:
    for prefix, journal in JOURNALS.items():
        if doi and doi.startswith(prefix):
            return journal
    return None


def _text(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {key.replace("_", "-"): xml_safe(value) for key, value in attributes.items()})
    element.text = xml_safe(text)
    return element


def _journal_meta(front: etree._Element, doi: str | None) -> None:
    meta = etree.SubElement(front, "journal-meta")
    journal = journal_for(doi)
    if journal is None:
        _text(meta, "journal-id", "unassigned", journal_id_type="publisher-id")
        etree.SubElement(meta, "issn", {"publication-format": "electronic"})
        return
    _text(meta, "journal-id", journal["nlm-ta"], journal_id_type="nlm-ta")
    group = etree.SubElement(meta, "journal-title-group")
    _text(group, "journal-title", journal["title"])
    _text(meta, "issn", journal["issn"], publication_format="electronic")
    publisher = etree.SubElement(meta, "publisher")
    _text(publisher, "publisher-name", journal["publisher"])


def _name(parent: etree._Element, author: str) -> None:
    """An author as written ("Lasse T Krogsbøll"): the last word is the surname, the rest given names;
    a name of one word, or a group ("Cochrane Pain Group"), is a collab."""
    contrib = etree.SubElement(parent, "contrib", {"contrib-type": "author"})
    words = author.split()
    if len(words) < 2 or any(word.lower() in ("group", "collaboration", "consortium", "investigators") for word in words):
        _text(contrib, "collab", author)
        return
    name = etree.SubElement(contrib, "name")
    _text(name, "surname", words[-1])
    _text(name, "given-names", " ".join(words[:-1]))


def _date(parent: etree._Element, tag: str, date: datetime.date, **attributes: str) -> None:
    element = etree.SubElement(parent, tag, {key.replace("_", "-"): value for key, value in attributes.items()})
    element.set("iso-8601-date", date.isoformat())
    _text(element, "day", f"{date.day:02d}")
    _text(element, "month", f"{date.month:02d}")
    _text(element, "year", str(date.year))


def _section(parent: etree._Element, section: Section) -> None:
    element = etree.SubElement(parent, "sec")
    _text(element, "title", section.title.rstrip(": \u00a0\u202f"))
    for block in section.blocks:
        element.append(block)
    for child in section.children:
        _section(element, child)


def _abstract_content(element: etree._Element, markup: str, wrap_blocks: bool) -> None:
    """Fill an abstract from a body: its lead paragraphs, then its sections. An <abstract> of the
    Publishing DTD holds only paragraphs before its sections, so a list there goes inside a <p>."""
    lead, roots = sections(markup)
    for block in lead:
        if wrap_blocks and block.tag != "p":
            paragraph = etree.SubElement(element, "p")
            paragraph.append(block)
        else:
            element.append(block)
    for root in roots:
        _section(element, root)


def _body_markup(document: Document, context: RenderContext) -> str:
    """The body as HTML with its figures left out (JATS gets the summary of findings in <body>)."""
    from plainsum.document_formats.typography import html_figures
    from plainsum.document_formats.visuals import TOKEN, with_tokens
    from plainsum.render.markup import to_html

    markup = to_html(with_tokens(document))
    for index in range(len(document.figures)):
        markup = markup.replace(f"<p>{TOKEN.format(index)}</p>", "")
    return html_figures(markup, context.config.minus, context.config.ranges)


def _lay_summary(element: etree._Element, summary: Document, context: RenderContext) -> None:
    translation = summary.review.translation if summary.review is not None else None
    # a translation's title in its own language ("Resumen en términos sencillos"), from its catalog
    _text(element, "title", translation.locale.gettext("Plain language summary") if translation is not None else PLAIN_TITLE)
    if summary.title:
        paragraph = etree.SubElement(element, "p")
        _text(paragraph, "bold", summary.title)
    lead, roots = sections(_body_markup(summary, context))
    for block in lead:
        if block.tag != "p":
            wrapper = etree.SubElement(element, "p")
            wrapper.append(block)
        else:
            element.append(block)
    for root in roots:
        _section(element, root)


def _summary_of_findings(body: etree._Element, document: Document) -> None:
    from plainsum.document_formats.visuals import sof_rows

    review = document.review
    views = list(dict(review.facts.get("results", {})).values()) if review is not None else []
    if not views:
        return
    rows = sof_rows(views, "\u2212")
    first = views[0].data
    comparison = first.comparison.technical if first.comparison else "control"
    sec = etree.SubElement(body, "sec", {"sec-type": "summary-of-findings"})
    _text(sec, "title", "Summary of findings")
    wrap = etree.SubElement(sec, "table-wrap", {"id": "sof1"})
    _text(wrap, "label", "Summary of findings 1")
    caption = etree.SubElement(wrap, "caption")
    _text(caption, "title", f"{first.intervention.technical[:1].upper()}{first.intervention.technical[1:]} compared with {comparison}")
    table = etree.SubElement(wrap, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for heading in ("Outcome", f"Risk with {comparison}", f"Risk with {first.intervention.technical}", "Difference",
                    "Relative effect (95% CI)", "Participants (studies)", "Certainty of the evidence (GRADE)", "Comments"):
        _text(head, "th", heading)
    tbody = etree.SubElement(table, "tbody")
    for row in rows:
        tr = etree.SubElement(tbody, "tr")
        _text(tr, "th", row["outcome"])
        for key, missing in (("control", "not estimated"), ("intervention", "not estimated"), ("difference", "not estimated"),
                             ("relative", "not applicable"), ("participants", ""), ("certainty", ""), ("comment", "")):
            value = row[key] or missing
            _text(tr, "td", value.capitalize() if key == "certainty" else value)
    foot = etree.SubElement(wrap, "table-wrap-foot")
    _text(foot, "p", "CI: confidence interval. The risk with the intervention comes from the assumed risk with the "
                     "comparison and the relative effect, by the GRADE method.")


def article(abstract: Document, summaries: list[Document], context: RenderContext) -> etree._Element:
    """The JATS <article> of a review: `abstract` is its technical abstract, `summaries` the lay
    summaries written with it (the review's own language first, then its translations)."""
    review = abstract.review
    if review is None:
        raise ValueError("a JATS article is written for a review, not free text")
    root = etree.Element("article", {"article-type": ARTICLE_TYPES.get(review.kind.name, "other"), "dtd-version": "1.3",
                                     "{http://www.w3.org/XML/1998/namespace}lang": review.language},
                         nsmap={"xlink": XLINK, "mml": "http://www.w3.org/1998/Math/MathML"})
    front = etree.SubElement(root, "front")
    _journal_meta(front, review.doi)
    meta = etree.SubElement(front, "article-meta")
    if review.doi:
        _text(meta, "article-id", review.doi, pub_id_type="doi")
    categories = etree.SubElement(etree.SubElement(meta, "article-categories"), "subj-group", {"subj-group-type": "heading"})
    _text(categories, "subject", review.kind.name.replace("-", " ").capitalize())
    titles = etree.SubElement(meta, "title-group")
    _text(titles, "article-title", review.title)
    own = next((s for s in summaries if s.review is not None and s.review.translation is None), None)
    if own is not None and own.title:
        _text(titles, "alt-title", own.title, alt_title_type=PLAIN_LANGUAGE)
    if review.authors:
        group = etree.SubElement(meta, "contrib-group")
        for author in review.authors:
            _name(group, author)
    if review.version.published is not None:
        _date(meta, "pub-date", review.version.published, publication_format="electronic", date_type="pub")
    else:
        etree.SubElement(meta, "pub-date-not-available")
    if review.doi and journal_for(review.doi) is not None:  # the Cochrane article number: CD009009
        _text(meta, "elocation-id", doi_base(review.doi).rsplit(".", 1)[-1])
    if review.doi:
        etree.SubElement(meta, "self-uri", {f"{{{XLINK}}}href": xml_safe(f"https://doi.org/{review.doi}")})
    main = etree.SubElement(meta, "abstract")
    _abstract_content(main, _body_markup(abstract, context), wrap_blocks=True)
    for summary in summaries:
        translation = summary.review.translation if summary.review is not None else None
        if translation is None:
            element = etree.SubElement(meta, "abstract", {"abstract-type": PLAIN_LANGUAGE})
        else:
            element = etree.SubElement(meta, "trans-abstract", {"abstract-type": PLAIN_LANGUAGE,
                                                                "{http://www.w3.org/XML/1998/namespace}lang": summary.language})
        _lay_summary(element, summary, context)
    if review.version.number is not None:
        custom = etree.SubElement(etree.SubElement(meta, "custom-meta-group"), "custom-meta")
        _text(custom, "meta-name", "version")
        _text(custom, "meta-value", str(review.version.number))
    body = etree.Element("body")
    _summary_of_findings(body, abstract)
    if len(body):
        root.append(body)
    return root


# Elements whose content is elements only: whitespace between their children is not text, so the
# article is indented there and nowhere else (a <p> or <title> keeps its text exactly).
CONTAINERS = {"article", "front", "journal-meta", "journal-title-group", "publisher", "article-meta", "article-categories",
              "subj-group", "title-group", "contrib-group", "contrib", "name", "abstract", "trans-abstract", "sec", "body",
              "table-wrap", "caption", "table", "thead", "tbody", "tr", "list", "list-item", "table-wrap-foot",
              "custom-meta-group", "custom-meta", "pub-date", "disp-quote"}


def indent(element: etree._Element, level: int = 0) -> None:
    if element.tag not in CONTAINERS or not len(element) or (element.text or "").strip():
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def serialize(root: etree._Element) -> bytes:
    indent(root)
    doctype = f'<!DOCTYPE article PUBLIC "{PUBLIC_ID}" "{SYSTEM_ID}">'
    data: bytes = etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8", doctype=doctype)
    return data + b"\n"


def summaries_of(document: Document, context: RenderContext) -> list[Document]:
    """The lay summaries of the document's review that this build writes: its own language first."""
    review = document.review
    summaries = [doc for doc in context.documents
                 if doc.kind == "summary" and doc.review is not None and review is not None and doc.review.id == review.id]
    return sorted(summaries, key=lambda doc: (doc.review is not None and doc.review.translation is not None, doc.language))


def render(document: Document, scored: Scored | None, context: RenderContext) -> bytes:
    return serialize(article(document, summaries_of(document, context), context))


FORMAT = Format("jats", "jats.xml", "JATS 1.3 article, for journals and PubMed Central (one per review, with the abstract)",
                render, kinds=("abstract",))
