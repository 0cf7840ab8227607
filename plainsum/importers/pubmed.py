"""PubMed / MEDLINE XML (PubmedArticleSet): one review or study per PubmedArticle; also the
data-provider XML publishers send PubMed (ArticleSet, one per Article), which `--formats pubmed` writes.

Structured abstracts have AbstractText elements with a Label (as printed) and an
NlmCategory (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS, UNASSIGNED). A lay summary
is an <OtherAbstract Type="plain-language-summary" Language="eng">; the one in the article's
language is imported as the lay summary (its AbstractText labels as headings), and the others
are named in the notes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from plainsum.importers import escape
from plainsum.importers.assemble import Part, build_draft
from plainsum.importers.model import Draft, ImportFailure, doi_id, slug
from plainsum.importers.sections import KNOWN_HEADINGS, normalise

CATEGORY_HEADINGS = {"BACKGROUND": "Background", "OBJECTIVE": "Objective", "METHODS": "Methods",
                     "RESULTS": "Results", "CONCLUSIONS": "Conclusions"}


@dataclass
class ArticleFailure:
    index: int  # 1-based position of the PubmedArticle in the file
    pmid: str | None
    message: str


def _text(element: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip() if element is not None else ""


def _parts(abstract: ET.Element) -> list[Part]:
    parts: list[Part] = []
    own = re.sub(r"\s+", " ", abstract.text or "").strip()
    if own:  # a data provider's unstructured abstract: its text is the Abstract's own
        parts.append((None, own))
    for element in abstract.findall("AbstractText"):
        text = _text(element)
        label = (element.get("Label") or "").strip()
        category = (element.get("NlmCategory") or "").strip().upper()
        if not label and category in CATEGORY_HEADINGS:
            label = CATEGORY_HEADINGS[category]
        if label and normalise(label) not in KNOWN_HEADINGS and category in CATEGORY_HEADINGS:
            # NLM has classified a label we do not know ("DESIGN, SETTING, AND PARTICIPANTS")
            text, label = f"{label.rstrip(':.').capitalize()}: {text}", CATEGORY_HEADINGS[category]
        parts.append((label or None, text))
        tail = re.sub(r"\s+", " ", element.tail or "").strip()
        if tail:
            parts.append((None, tail))
    return parts


def _authors(article: ET.Element) -> list[str]:
    names = []
    for author in article.findall("AuthorList/Author"):
        collective = _text(author.find("CollectiveName"))
        if collective:
            names.append(collective)
            continue
        given = _text(author.find("ForeName")) or _text(author.find("FirstName")) or _text(author.find("Initials"))
        last = _text(author.find("LastName"))
        if last:
            names.append(f"{given} {last}".strip())
    return names


def _doi(entry: ET.Element, article: ET.Element) -> str | None:
    for element in list(entry.iter("ArticleId")) + list(article.iter("ELocationID")):
        kind = element.get("IdType") or element.get("EIdType")
        if kind == "doi" and _text(element).startswith("10."):
            return _text(element)
    return None


def _citation(article: ET.Element) -> str | None:
    journal = (_text(article.find("Journal/Title")) or _text(article.find("Journal/ISOAbbreviation"))
               or _text(article.find("Journal/JournalTitle")))
    year = _text(article.find("Journal/JournalIssue/PubDate/Year")) or _text(
        article.find("Journal/JournalIssue/PubDate/MedlineDate"))[:4]
    volume = _text(article.find("Journal/JournalIssue/Volume"))
    issue = _text(article.find("Journal/JournalIssue/Issue"))
    pages = _text(article.find("Pagination/MedlinePgn"))
    if not journal:
        return None
    citation = journal + (f". {year}" if year else "")
    if volume:
        citation += f";{volume}" + (f"({issue})" if issue else "")
    if pages:
        citation += f":{pages}"
    return citation + "."


def parse_pubmed(text: str, source: str, kind: str | None = None) -> tuple[list[Draft], list[ArticleFailure]]:
    """Raises ET.ParseError (with .position) when the text is not well-formed XML."""
    root = ET.fromstring(text)
    if root.tag not in ("PubmedArticleSet", "PubmedArticle", "ArticleSet"):
        raise ValueError(f"expected a PubmedArticleSet (or a data provider's ArticleSet), found <{root.tag}>")
    provider = root.tag == "ArticleSet"
    entries = root.findall("Article") if provider else [root] if root.tag == "PubmedArticle" else root.findall("PubmedArticle")
    drafts: list[Draft] = []
    failures: list[ArticleFailure] = []
    for index, entry in enumerate(entries, 1):
        pmid = _text(entry.find("MedlineCitation/PMID")) or None
        article = entry if provider else entry.find("MedlineCitation/Article")
        if article is None:
            failures.append(ArticleFailure(index, pmid, "no MedlineCitation/Article element"))
            continue
        abstract = article.find("Abstract")
        parts = _parts(abstract) if abstract is not None else []
        if not any(t for _, t in parts):
            failures.append(ArticleFailure(index, pmid, "the article has no abstract text"))
            continue
        title = _text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle"))
        doi = _doi(entry, article)
        journal = _text(article.find("Journal/Title")) or _text(article.find("Journal/JournalTitle"))
        references = [_text(c) for c in entry.findall("PubmedData/ReferenceList/Reference/Citation") if _text(c)]
        hint = kind or ("cochrane-review" if "cochrane" in journal.lower() and _is_classic(parts) else None)
        review_id = doi_id(doi) if doi and "14651858" in doi else (slug(title) if title else f"pmid-{pmid}")
        summary, plain_title, others = _lay_summary(entry, article)
        try:
            draft = build_draft(parts, title=title or None, source=f"{source} (PMID {pmid})" if pmid else source,
                                kind=hint, references=references, doi=doi, authors=_authors(article),
                                citation=_citation(article), review_id=review_id, summary_markdown=summary,
                                plain_title=plain_title)
        except ImportFailure as failure:
            failures.append(ArticleFailure(index, pmid, str(failure)))
            continue
        if others:
            draft.notes.append(f"the record also has plain-language summaries in {', '.join(others)}: not imported "
                               "(a translation goes in content/<id>.<lang>.yaml; docs/translations.md)")
        drafts.append(draft)
    return drafts, failures


PLAIN_LANGUAGE = "plain-language-summary"


def _lay_summary(entry: ET.Element, article: ET.Element) -> tuple[str | None, str | None, list[str]]:
    """The plain-language OtherAbstract in the article's language (else English, else the first) as
    Markdown, its plain title (its ArticleTitle, as the data-provider DTD has it, or an AbstractText
    labelled TITLE), and the languages of the others."""
    found = [other for other in list(article.iter("OtherAbstract")) + list(entry.findall("MedlineCitation/OtherAbstract"))
             if (other.get("Type") or "").lower() == PLAIN_LANGUAGE]
    found = list(dict.fromkeys(found))
    if not found:
        return None, None, []
    language = (_text(article.find("Language")) or "eng").lower()
    wanted = {language, {"en": "eng"}.get(language, language), "eng"}
    chosen = next((other for other in found if (other.get("Language") or "eng").lower() in wanted), found[0])
    plain_title = escape.heading_text(_text(chosen.find("ArticleTitle"))) if chosen.find("ArticleTitle") is not None else None
    pieces = []
    own = re.sub(r"\s+", " ", chosen.text or "").strip()
    if own:
        pieces.append(escape.prose(own))
    for element in chosen.findall("AbstractText"):
        text = _text(element)
        label = (element.get("Label") or "").strip()
        if label.upper() == "TITLE" and plain_title is None:
            plain_title = escape.heading_text(text)
            continue
        if label:
            pieces.append("## " + escape.heading_text(label.capitalize()))
        if text:
            pieces.append(escape.prose(text))
    others = [other.get("Language") or "unknown" for other in found if other is not chosen]
    return "\n\n".join(pieces) or None, plain_title, others


def _is_classic(parts: list[Part]) -> bool:
    return any(h and normalise(h) in ("search methods", "selection criteria") for h, _ in parts)
