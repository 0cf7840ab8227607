"""PubMed data-provider XML (ArticleSet): the record a publisher sends PubMed for a review, with its
lay summary as <OtherAbstract Type="plain-language-summary">, one per language the build wrote. Valid
against NLM's PubMed data-provider DTD (tests/data/pubmed).

Written with the technical abstract, in output/<id>/abstract.pubmed.xml. The abstract's sections are
<AbstractText Label="..."> (the heading in capitals, as PubMed prints structured abstracts); a lay
summary's plain title is the OtherAbstract's ArticleTitle, and each section of it an AbstractText
labelled with its heading. `plainsum import` reads the file back (plainsum.importers.pubmed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from plainsum.document_formats import Format, RenderContext
from plainsum.document_formats.jats import journal_for
from plainsum.document_formats.xmlbody import plain_text, xml_safe

if TYPE_CHECKING:
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document

PUBLIC_ID = "-//NLM//DTD PubMed 2.8//EN"
SYSTEM_ID = "https://dtd.nlm.nih.gov/ncbi/pubmed/in/PubMed.dtd"
PLAIN_LANGUAGE = "plain-language-summary"
# ISO 639-2 codes, which PubMed uses for the language of an abstract ("eng", "spa").
LANGUAGES = {"en": "eng", "es": "spa", "fr": "fre", "de": "ger", "pt": "por", "it": "ita", "nl": "dut", "ja": "jpn",
             "zh": "chi", "ru": "rus", "pl": "pol", "ko": "kor", "ar": "ara", "fa": "per", "tr": "tur", "ms": "may",
             "th": "tha", "hr": "hrv", "hu": "hun", "cs": "cze", "ro": "rum", "ta": "tam", "bn": "ben", "hi": "hin"}
PUBLICATION_TYPES = {"cochrane-review": "Systematic Review", "cochrane-review-rationale": "Systematic Review",
                     "cochrane-review-brief": "Systematic Review", "primary-study": "Journal Article"}


def language_code(code: str) -> str:
    return LANGUAGES.get(code.split("-")[0].lower(), code.split("-")[0].lower())


def _text(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {key: xml_safe(value) for key, value in attributes.items()})
    element.text = xml_safe(text)
    return element


def _abstract_texts(parent: etree._Element, markup: str) -> None:
    """Each headed part an AbstractText labelled with its heading; text under no heading is the
    abstract's own text (the DTD requires a Label on every AbstractText; an unstructured abstract has none)."""
    for heading, text in plain_text(markup):
        if heading:
            _text(parent, "AbstractText", text, Label=heading.rstrip(": \u00a0\u202f").upper())
        elif len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text


def record(abstract: Document, summaries: list[Document], context: RenderContext) -> etree._Element:
    from plainsum.document_formats.jats import _body_markup

    review = abstract.review
    if review is None:
        raise ValueError("a PubMed record is written for a review, not free text")
    root = etree.Element("ArticleSet")
    article = etree.SubElement(root, "Article")
    journal = etree.SubElement(article, "Journal")
    known = journal_for(review.doi)
    _text(journal, "PublisherName", known["publisher"] if known else "")
    _text(journal, "JournalTitle", known["nlm-ta"] if known else "")
    _text(journal, "Issn", known["issn"] if known else "")
    published = review.version.published
    date = etree.SubElement(journal, "PubDate", PubStatus="epublish")  # required: from version.published
    if published is None:
        date.append(etree.Comment(" plainsum: the review file has no version.published, the date PubMed needs "))
    _text(date, "Year", str(published.year) if published else "")
    if published is not None:
        _text(date, "Month", f"{published.month:02d}")
        _text(date, "Day", f"{published.day:02d}")
    _text(article, "ArticleTitle", review.title)
    if review.doi:
        _text(article, "ELocationID", review.doi, EIdType="doi")
    _text(article, "Language", review.language.split("-")[0].upper())
    if review.authors:
        authors = etree.SubElement(article, "AuthorList")
        for name in review.authors:
            author = etree.SubElement(authors, "Author")
            words = name.split()
            if len(words) < 2:
                _text(author, "CollectiveName", name)
                continue
            _text(author, "FirstName", " ".join(words[:-1]))
            _text(author, "LastName", words[-1])
    _text(article, "PublicationType", PUBLICATION_TYPES.get(review.kind.name, "Journal Article"))
    if review.doi:
        ids = etree.SubElement(article, "ArticleIdList")
        _text(ids, "ArticleId", review.doi, IdType="doi")
    main = etree.SubElement(article, "Abstract")
    _abstract_texts(main, _body_markup(abstract, context))
    for summary in summaries:
        other = etree.SubElement(article, "OtherAbstract", Type=PLAIN_LANGUAGE, Language=language_code(summary.language))
        if summary.title:  # the DTD gives OtherAbstract an ArticleTitle of its own
            _text(other, "ArticleTitle", summary.title)
        _abstract_texts(other, _body_markup(summary, context))
    return root


def serialize(root: etree._Element) -> bytes:
    etree.indent(root, space="  ")  # lxml indents only where there is no text, so no abstract text changes
    doctype = f'<!DOCTYPE ArticleSet PUBLIC "{PUBLIC_ID}" "{SYSTEM_ID}">'
    data: bytes = etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8", doctype=doctype)
    return data + b"\n"


def render(document: Document, scored: Scored | None, context: RenderContext) -> bytes:
    from plainsum.document_formats.jats import summaries_of

    return serialize(record(document, summaries_of(document, context), context))


FORMAT = Format("pubmed", "pubmed.xml", "PubMed data-provider XML (one per review, with the abstract)", render, kinds=("abstract",))
