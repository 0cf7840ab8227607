"""The claim model run over a document: each sentence the author wrote, read in order with the
part it is in (plainsum.grade.reading), for the claim and number checks and the re-check list."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from plainsum.checks.context import CheckContext
from plainsum.grade.reading import Reading, condition_of, find_hits, opening_background, read_summary
from plainsum.grade.vocabulary import Vocabulary, levels_of

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.grade.results import Result
    from plainsum.readability.score import Scored


def written_sentences(scored: Scored) -> list[Any]:
    """The sentences the author wrote (inside a YAML field): the template's own text, such as "The
    evidence is up to date to January 2018" or a natural-frequency sentence, comes from the data."""
    spans = scored.document.spans
    return [s for s in scored.sentences if any(span.start <= s.offset < span.end for span in spans)]


def claim_context(scored: Scored, config: Config | CheckContext) -> tuple[list[Result], dict[str, Any], Vocabulary] | None:
    """The results, their worded views and the claim words of the review's language, from the
    context of the run (its templates and vocabularies are made once, not per check)."""
    document = scored.document
    review = document.review
    if review is None or not review.results:
        return None
    # the claim words are English: a review in another language needs its grade/<language>/claims.yaml
    vocabulary = CheckContext.of(config).vocabulary(review.language)
    if vocabulary is None:
        return None
    return review.results, review.facts.get("results", {}), vocabulary


def intervention_names(review: Any) -> tuple[str, ...]:
    """The names of the review's intervention in its facts (the results name theirs)."""
    names = [review.facts.get(key) for key in ("intervention", "plain_intervention")]
    return tuple(name.strip() for name in names if isinstance(name, str) and name.strip())


def explaining(scored: Scored, sentence: Any, vocabulary: Vocabulary) -> bool:
    """Whether a sentence is in a part that explains: a part of the layout that does (cochrane-2021's
    "What is ...?", "What did we want to find out?", "What did we do?") or under such a heading."""
    document = scored.document
    review = document.review
    parts = review.layout.explaining_parts if review is not None else ()
    for span in document.spans:
        if span.start <= sentence.offset < span.end:
            key = span.prose.key.split(".")
            if len(key) > 1 and key[0] == "summary" and key[1] in parts:
                return True
            break
    return vocabulary.explains(sentence.section)


def read_written(scored: Scored, results: list[Result], vocabulary: Vocabulary) -> list[tuple[Any, Reading]]:
    """The sentences the author wrote, each with the claim model's reading against `results`: the one
    reading the checks and the re-check list of `plainsum diff` share."""
    sentences = written_sentences(scored)
    texts = [(s.text, explaining(scored, s, vocabulary)) for s in sentences]
    if sentences and not any(s.section for s in sentences):
        # a summary without headings opens with its background and aims until it reports what was found
        opening = opening_background([text for text, _ in texts])
        texts = [(text, explains or index < opening) for index, (text, explains) in enumerate(texts)]
    review = scored.document.review
    condition = condition_of(review.title) if review is not None else None
    return list(zip(sentences, read_summary(texts, results, vocabulary, intervention_names(review), condition,
                                            [s.section for s in sentences]), strict=True))


def readings(scored: Scored, config: Config) -> list[tuple[Any, Reading]] | None:
    """Each sentence the author wrote, read by the claim model (None: no results to read against)."""
    cached = scored.__dict__.get("_claim_readings")
    if cached is not None and cached[0] is config:
        return cached[1]  # type: ignore[no-any-return]
    found = claim_context(scored, config)
    if found is None:
        return None
    results, _, vocabulary = found
    review = scored.document.review
    read = read_written(scored, results, vocabulary)
    # a statement of the evidence as a whole or of outcomes it names, not one that points back to the finding
    # before it ("we have very low confidence in this evidence"), which may be of an outcome the abstract leaves unrated
    statements = [reading.statement for _sentence, reading in read if reading.statement is not None
                  and not _POINTS_BACK.search(reading.text)]
    if statements:
        rated = abstract_levels(review, vocabulary)
        for statement in statements:
            statement.abstract = rated
    scored.__dict__["_claim_readings"] = (config, read)  # the checks of one document share one reading
    return read


_POINTS_BACK = re.compile(r"\b(?:this|these|that|those)\s+(?:evidence|results?|findings?|effects?|outcomes?|data)\b", re.I)
# A rating, not a level word near "evidence": "moderate-certainty evidence", "low quality evidence", "low- to
# moderate-certainty", "the certainty of the evidence was low" ("high risk of bias" is none)
_RATED_AFTER = re.compile(r"^(?:-?\s*(?:to|and|or)\s+(?:very\s+)?(?:low|moderate|high))?[- ]?(?:certainty|quality|GRADE)\b", re.I)
_RATED_BEFORE = re.compile(r"\b(?:certainty|quality)\s+of\s+(?:the\s+)?evidence\s+(?:was|is|were|as|to\s+be)\s+(?:\w+\s+){0,2}$", re.I)


def abstract_levels(review: Any, vocabulary: Vocabulary) -> frozenset[str]:
    """The certainty levels the abstract rates anywhere ("moderate-certainty evidence", "the quality of the
    evidence was low"): a level a summary states that neither a result nor the abstract has is no level
    of this review's evidence."""
    found: set[str] = set()
    for key, text in review.rendered.items():
        if not key.endswith(".technical"):
            continue
        for hit in find_hits(vocabulary.levels, text, []):  # longest first: "very low" is not also "low"
            if "-" in hit.text.strip("-") or _RATED_AFTER.match(text[hit.end:]) or \
                    _RATED_BEFORE.search(text, max(0, hit.start - 80), hit.start):
                found.update(levels_of(hit.meaning))
    return frozenset(found)
