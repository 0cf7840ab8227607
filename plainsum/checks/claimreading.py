"""The claim model run over a document: each sentence the author wrote, read in order with the
part it is in (plainsum.grade.reading), for the claim and number checks and the re-check list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plainsum.checks.context import CheckContext
from plainsum.grade.reading import Reading, read_summary
from plainsum.grade.vocabulary import Vocabulary

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


def readings(scored: Scored, config: Config) -> list[tuple[Any, Reading]] | None:
    """Each sentence the author wrote, read by the claim model (None: no results to read against)."""
    cached = scored.__dict__.get("_claim_readings")
    if cached is not None and cached[0] is config:
        return cached[1]  # type: ignore[no-any-return]
    found = claim_context(scored, config)
    if found is None:
        return None
    results, _, vocabulary = found
    sentences = written_sentences(scored)
    texts = [(s.text, explaining(scored, s, vocabulary)) for s in sentences]
    review = scored.document.review
    read = list(zip(sentences, read_summary(texts, results, vocabulary, intervention_names(review)), strict=True))
    scored.__dict__["_claim_readings"] = (config, read)  # the checks of one document share one reading
    return read


