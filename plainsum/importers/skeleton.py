"""A new review file with every key of its kind and layout, commented and valid as written.

`plainsum new` writes it. Text the author has to write is a placeholder beginning "TODO", which
the gate reports as unfinished (check `content.unfinished`), never as an error of syntax. With
`--from`, what an importer read fills the keys it has, and only the rest are placeholders.
"""

from __future__ import annotations

import datetime
from typing import Any

import yaml

from plainsum.content.kinds import KINDS, LAYOUTS, Kind, Layout
from plainsum.importers.yamlwrite import dump

SECTION_HINTS = {
    "background": "why the question matters: the condition, the intervention and how it might work",
    "rationale": "why the review was needed",
    "objectives": "what the review set out to assess, in one sentence",
    "search_methods": "the databases searched and the date of the last search, "
                      "for example: We searched CENTRAL and MEDLINE up to {{ search_date | long_date }}",
    "selection_criteria": "which studies were eligible (designs, participants, interventions, comparisons)",
    "eligibility_criteria": "which studies were eligible",
    "data_collection": "how studies were screened, data extracted and risk of bias assessed",
    "methods": "how the question was answered",
    "main_results": "the studies found and what they showed, with the figures of each main outcome",
    "results": "what was found, with the figures",
    "included_studies": "the studies included: how many, with how many participants",
    "synthesis_of_results": "what the studies showed, outcome by outcome",
    "outcomes": "the outcomes the review looked at",
    "risk_of_bias": "how the risk of bias was assessed",
    "synthesis_methods": "how the results were combined",
    "authors_conclusions": "what the evidence means for practice and for research",
    "conclusions": "what the findings mean",
    "funding": "who paid for the work",
    "registration": "where the protocol is registered",
    "abstract": "the abstract",
}
PART_HINTS = {
    "review_question": "the question of the review, in plain words",
    "study_question": "what the study asked, in plain words",
    "what_is_heading": "What is TODO the condition?",
    "what_is": "the condition or treatment, explained for someone who has never heard of it",
    "want_to_find_out": "what we wanted to find out",
    "what_we_did": "how we searched for and assessed the studies",
    "what_we_found": "the studies we found and the main results",
    "limitations": "how confident we are in the evidence, and why",
    "up_to_date": "anything to say before 'The evidence is up to date to ...' (or delete this key)",
    "text": "the lay summary, in Markdown, with its headings as '## ...'",
    "why": "Annex V element 3: the main objectives of the trial and why it was done, in plain words",
    "medicines": "Annex V element 5: the medicines studied, what they are and how people had them",
    "side_effects": "Annex V element 6: how side effects were recorded and what the tables show (their counts are under trial: adverse_reactions)",
    "results": "Annex V element 7: the overall results, with numbers as natural frequencies ('12 out of 100 people')",
    "comments": "Annex V element 8: what the results mean. Keep the sentence: The results of this trial may differ "
                "from the results of other trials",
    "follow_up": "Annex V element 9: whether follow-up trials are planned",
    "more_information": "Annex V element 10: where to find more information (the register links are added below it)",
}
LIST_HINTS = {
    "key_messages": ("the first key message", "the second key message"),
    "inclusion": ("Annex V element 4: who could take part, in plain words (one item each)", "another inclusion criterion"),
    "exclusion": ("Annex V element 4: who could not take part, in plain words (one item each)", "another exclusion criterion"),
}
# A trial's data (content/trial.py), as `plainsum new --kind trial-results` writes it: valid as written,
# each value to replace marked TODO in its comment, so `plainsum check` reports it as unfinished.
TRIAL_SKELETON = """\
trial:  # the trial's data: Annex V elements 1 to 6 as data (docs/trial-results.md); prose reaches it as {{ trial.participants }}
  identifiers:  # Annex V element 1
    eu_trial_number: 2022-500000-00-00  # TODO the EU CT number (CTIS) or the EudraCT number (2013-004502-26)
    protocol: TODO the sponsor's protocol number
    # nct: NCT00000000  # the ClinicalTrials.gov number, if any
    other: []  # other registry numbers
  sponsor:  # Annex V element 2
    name: TODO the sponsor's name
    contact: TODO where the public can ask about the trial (an address, e-mail or web page)
  start_date: {today}  # TODO when the trial started (YYYY-MM-DD); Annex V element 3
  end_date: {today}  # TODO when it ended
  participants: 2  # TODO how many people took part: the countries, age groups, sexes and groups add up to it
  countries:  # TODO people per country (ISO 3166 codes); the EU and non-EU totals are worked out
    - {{country: DE, participants: 2}}
  age_groups:  # TODO people per age group, in years ('to' left out: and over)
    - {{from: 18, to: 64, participants: 1}}
    - {{from: 65, participants: 1}}
  sex: {{female: 1, male: 1}}  # TODO people per sex (female, male, other)
  groups:  # TODO the groups people were put in (Annex V element 4); prose reaches them as {{{{ trial.groups.<id>.name }}}}
    - {{id: treatment, name: {{technical: TODO the treatment as the protocol names it, plain: TODO the treatment in plain words}}, participants: 1}}
    - {{id: comparison, name: {{technical: Placebo, plain: placebo}}, participants: 1}}
  medicines:  # TODO the investigational medicines (Annex V element 5): role investigational, comparator or placebo
    - {{id: medicine, name: TODO the medicine's name, role: investigational, groups: [treatment]}}
  adverse_reactions:  # TODO the adverse reactions (Annex V element 6), people who had each in each group; [] if none
    - id: example_reaction
      name: {{technical: TODO the reaction's medical term, plain: TODO the reaction in plain words}}
      serious: false
      affected: {{treatment: 0, comparison: 0}}
"""
TOP_COMMENTS = {
    "id": "must equal the file name without .yaml (a-z, 0-9, -)",
    "title": "the review's title, as published",
    "plain_title": "the lay summary's title: plain words, no full stop; may use {{ facts }}",
    "doi": "the review's DOI (delete this line if it has none yet)",
    "language": "the language of both documents (sets <html lang> and the PDF's language)",
    "authors": "the authors, as they are cited",
    "citation": "printed on the handouts (optional)",
    "facts": "values the prose uses as {{ name }}, written once for both documents",
    "sections": "the technical abstract, one entry per heading",
    "summary": "the lay summary's own parts, as the layout asks",
    "results": "the main outcomes as data: the abstract's figures and the lay summary's GRADE statements "
               "come from them, as {{ results.<id>.technical }} and {{ results.<id>.plain }}",
    "extra_sections": "headings outside the kind's list, kept in order: - {heading: ..., technical: ...}",
    "references": "the references, one text each",
}
EXAMPLE_RESULT: dict[str, Any] = {
    "id": "main_outcome",
    "outcome": {"technical": "TODO the outcome, as the abstract names it", "plain": "TODO the outcome in plain words"},
    "measure": "RR",
    "estimate": "1.00",
    "ci": ["0.80", "1.25"],
    "studies": 1,
    "participants": 100,
    "certainty": "low",
    "size": "little or no difference",
}


def _todo(hint: str) -> str:
    return hint if hint.startswith("What is") else f"TODO {hint}."


def _block(key: str, value: Any, comment: str | None, indent: int) -> list[str]:
    """`key: value` as YAML at `indent`, with the comment on its first line."""
    lines = dump({key: value}).rstrip("\n").split("\n")
    if comment:
        lines[0] = f"{lines[0]}  # {comment}"
    return [" " * indent + line for line in lines]


def layouts_of(kind: str) -> tuple[str, ...]:
    return KINDS[kind].layouts


def skeleton(review_id: str, kind_name: str, layout_name: str, imported: dict[str, Any] | None = None,
             today: datetime.date | None = None) -> tuple[str, list[str]]:
    """The text of a new review file, and notes on what was carried over from `imported`."""
    kind: Kind = KINDS[kind_name]
    layout: Layout = LAYOUTS[layout_name]
    data = dict(imported or {})
    notes: list[str] = []
    out = [f"# {review_id}: a review started with `plainsum new` (kind {kind.name}, layout {layout.name}).",
           "# Every key is here and the file is valid as written. Text to write is marked as a placeholder;",
           "# `plainsum check` reports each one left (content.unfinished) until you replace it.",
           *_block("id", review_id, TOP_COMMENTS["id"], 0),
           *_block("kind", kind.name, kind.description, 0),
           *_block("layout", layout.name, layout.description, 0),
           *_block("title", data.get("title") or "TODO the review's title", TOP_COMMENTS["title"], 0),
           *_block("plain_title", data.get("plain_title") or "TODO a plain title", TOP_COMMENTS["plain_title"], 0)]
    if data.get("doi"):
        out += _block("doi", data["doi"], TOP_COMMENTS["doi"].split(" (")[0], 0)
    else:
        out += _block("doi", "10.1002/14651858.CD000000", "TODO " + TOP_COMMENTS["doi"], 0)
    out += _block("language", data.get("language") or "en", TOP_COMMENTS["language"], 0)
    out += _block("authors", data.get("authors") or ["TODO First Author", "TODO Second Author"], TOP_COMMENTS["authors"], 0)
    out += _block("citation", data.get("citation") or "TODO how to cite the review", TOP_COMMENTS["citation"], 0)
    example_result = not data.get("results") and kind.name.startswith("cochrane") and layout.name == "cochrane-2021"
    facts = dict(data.get("facts") or {})
    if example_result and "intervention" not in facts:
        facts["intervention"] = "TODO the intervention"
    out += _facts(kind, facts, today or datetime.date.today())
    out += _sections(kind, layout, data.get("sections") or {}, data, notes, example_result)
    out += _summary(layout, data, notes, example_result)
    if kind.name == "trial-results":
        if data.get("trial"):
            out += _block("trial", data["trial"], "the trial's data: Annex V elements 1 to 6 (docs/trial-results.md)", 0)
        else:
            out += TRIAL_SKELETON.format(today=(today or datetime.date.today()).isoformat()).rstrip("\n").split("\n")
    results = data.get("results")
    if results:
        out += _block("results", results, TOP_COMMENTS["results"], 0)
    elif example_result:
        out += _block("results", [EXAMPLE_RESULT], TOP_COMMENTS["results"] + "; TODO one entry per main outcome", 0)
    else:
        out += _block("results", [], TOP_COMMENTS["results"], 0)
    out += _block("extra_sections", data.get("extra_sections") or [], TOP_COMMENTS["extra_sections"], 0)
    out += _block("references", data.get("references") or [], TOP_COMMENTS["references"], 0)
    if data.get("version"):
        out += _block("version", data["version"], "which version of the review this is (docs/diff.md)", 0)
    else:
        out.append("# version: {number: 2, published: YYYY-MM-DD, conclusions_changed: false}  "
                   "# (optional) which version of the review this is, for `plainsum diff` (docs/diff.md)")
    return "\n".join(out) + "\n", notes


def _facts(kind: Kind, facts: dict[str, Any], today: datetime.date) -> list[str]:
    out = ["facts:  # " + TOP_COMMENTS["facts"]]
    for name in kind.required_facts:  # even where the layout does not print them: the abstract may
        if name not in facts:
            out += _block(name, today, "TODO the date of the last search (YYYY-MM-DD)", 2)
    for name, value in facts.items():
        out += _block(name, value, None, 2)
    if len(out) == 1:
        out[0] = "facts: {}  # " + TOP_COMMENTS["facts"]
    return out


def _sections(kind: Kind, layout: Layout, sections: dict[str, Any], data: dict[str, Any], notes: list[str],
              example_result: bool) -> list[str]:
    out = ["sections:  # " + TOP_COMMENTS["sections"]]
    for spec in kind.sections:
        given = sections.get(spec.key) or {}
        technical = given.get("technical") or _todo(SECTION_HINTS.get(spec.key, spec.heading.lower()))
        if example_result and spec.key == "main_results" and not given:
            technical += " {{ results.main_outcome.technical }}"
        optional = "" if spec.required else " (optional: delete it if the abstract has none)"
        out.append(f"  {spec.key}:  # {spec.heading}{optional}")
        out += _block("technical", technical, "the abstract's text", 4)
        if spec.key in layout.plain_sections or given.get("plain"):
            plain = given.get("plain") or _todo(f"the lay summary's version of {spec.heading.lower()}")
            out += _block("plain", plain, f"the lay summary's version (the {layout.name} layout prints it)", 4)
    extra = [key for key in sections if kind.section(key) is None]
    if extra:
        moved = [{"heading": key.replace("_", " ").capitalize(), **sections[key]} for key in extra]
        data["extra_sections"] = [*moved, *(data.get("extra_sections") or [])]
        notes.append(f"sections the kind {kind.name} does not have were kept as extra_sections: {', '.join(extra)}")
    return out


def _summary(layout: Layout, data: dict[str, Any], notes: list[str], example_result: bool) -> list[str]:
    given = data.get("summary") or {}
    same_layout = data.get("layout") == layout.name
    out = ["summary:  # " + TOP_COMMENTS["summary"]]
    for part in layout.parts:
        value = given.get(part.key) if same_layout else None
        required = "" if part.required else " (optional)"
        if part.is_list:
            items = value or [_todo(hint) for hint in LIST_HINTS.get(part.key, LIST_HINTS["key_messages"])]
            out += _block(part.key, items, f"{part.key.replace('_', ' ')}{required}", 2)
        else:
            text = value or _todo(PART_HINTS.get(part.key, part.key.replace("_", " ")))
            if example_result and part.key == "what_we_found" and not value:
                text += " {{ results.main_outcome.plain }}"
            out += _block(part.key, text, f"{part.key.replace('_', ' ')}{required}", 2)
    if given and not same_layout:
        notes.append(f"the imported lay summary ({data.get('layout')} layout) is kept as a comment at the end of "
                     f"'summary': move its text into the {layout.name} layout's parts")
        for key, value in given.items():
            text = value if isinstance(value, str) else yaml.safe_dump(value, allow_unicode=True)
            out.append(f"  # imported {key}:")
            out += ["  #   " + line if line else "  #" for line in text.split("\n")]
    return out
