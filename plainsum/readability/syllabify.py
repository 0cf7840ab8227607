"""Syllables of words in Spanish, Italian, Portuguese, French, German and Dutch, by rule.

Spanish, Italian and Portuguese spell their syllables regularly: a syllable has one vowel nucleus,
and two adjacent vowels share a nucleus (a diphthong) unless both are strong (a, e, o, or an
accented i or u), which is a hiatus (Real Academia Española, Ortografía 2010, 4.2; the Italian and
Portuguese grammars state the same rule). French, German and Dutch spellings are less regular; for
them each group of adjacent vowel letters is one syllable, with the corrections each language needs
(a silent final e in French, vowel pairs said as two syllables, a diaeresis that separates vowels).

Hyphenation dictionaries (pyphen) are not used: they mark where a word may be broken at a line end,
and never next to a single letter ("a-mi" is not a hyphenation point), so they undercount; the
rules here are measured against hand-counted words in tests/test_syllabify.py, and
docs/readability.md gives the measured agreement of both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache


def _nuclei(word: str, vowels: frozenset[str], weak: frozenset[str]) -> int:
    """Vowel nuclei of a Romance word: adjacent vowels share one unless both are strong, or unless the
    first is a weak vowel that already closed a diphthong ("ai-u-to": the i glides, the u opens)."""
    count = 0
    previous = ""
    glided = False  # the previous vowel was weak and joined the vowel before it
    for char in word:
        if char not in vowels:
            previous, glided = "", False
            continue
        if not previous or glided or (previous not in weak and char not in weak):
            count += 1
            glided = False
        else:
            glided = char in weak and previous not in weak
        previous = char
    return max(count, 1)


_ES_VOWELS = frozenset("aeiouáéíóúü")
_ES_WEAK = frozenset("iuü")


_ES_H_BETWEEN_VOWELS = re.compile(r"(?<=[aeiouáéíóúü])h(?=[aeiouáéíóúü])")


def spanish(word: str) -> int:
    """Spanish: nuclei, with y a vowel only at a word's end after a vowel ("hoy", "muy") or alone, and an h
    between vowels silent, so it neither makes nor breaks a diphthong ("prohi-bi-do", "a-ho-ra", "bú-ho";
    Ortografía 2010, 4.1.1.1.2)."""
    if word == "y":
        return 1
    if word.endswith("y") and len(word) > 1 and word[-2] in _ES_VOWELS:
        word = word[:-1] + "i"
    if "h" in word:
        word = _ES_H_BETWEEN_VOWELS.sub("", word)
    return _nuclei(word, _ES_VOWELS, _ES_WEAK)


_IT_VOWELS = frozenset("aeiouàèéìíòóùú")
_IT_WEAK = frozenset("iu")
# Italian writes no accent on a stressed i or u inside a word, but the learned and Greek endings that carry
# it are regular ("te-ra-pì-a", "ma-lat-tì-a", "al-ler-gì-a", "far-ma-cì-a"; L. Serianni, Grammatica
# italiana I.41 and I.160): there the i is a syllable of its own, where "sto-ria", "me-mo-ria" have a glide.
_IT_STRESSED_IA = re.compile(
    r"(?:log|graf|pat|terap|scop|tom|em|nom|fon|fob|fil|sof|craz|arch|metr|iatr|ped|erg|urg|alg|rag|ess|ops|eor|gor"
    r"|(?:ll|tt|zz|r|d|m|nt)er|att|oll|rmac|pleg|trof|es|[a-z]as|os|is|[aeou]g|agn|ogn)i[ae]$"
)
_IT_NOT_A_GLIDE = re.compile(r"(?<![cgq])(?<!sc)(?<!gl)[iu][aeo]$")


def italian(word: str) -> int:
    """Italian: nuclei (the i of "ci", "gi", "gli", "sci" before a vowel joins it, as a weak vowel does), plus
    a stressed i or u before a final vowel: the learned endings above, and words of one vowel group whose
    stress can only fall there ("mi-o", "zi-o", "vi-a", "du-e")."""
    count = _nuclei(word, _IT_VOWELS, _IT_WEAK)
    if _IT_STRESSED_IA.search(word):
        return count + 1
    if count == 1 and len(word) <= 4 and _IT_NOT_A_GLIDE.search(word):
        return 2
    return count


_PT_VOWELS = frozenset("aeiouáàâãéêíóôõúü")
_PT_WEAK = frozenset("iuü")
_PT_NASAL = re.compile(r"ão|ãe|õe")
_PT_SILENT_U = re.compile(r"(?<=[qg])u(?=[aeoiáéíóêô])")
_PT_STRESS_MARKS = frozenset("áéíóúâêôãõ")
# A stressed i or u after a vowel that the orthography leaves unaccented because l, m, n, r or z closes its
# syllable, or nh follows (Acordo Ortográfico de 1990, Base IX, 3): "ju-iz", "ra-iz", "ru-im", "sa-ir", "a-in-da",
# "ra-i-nha"; a hiatus.
_PT_CLOSED_HIATUS = re.compile(r"(?<=[aeiou])[iu](?:[lrz]$|[mn]$|[mn](?=[bcdfgjklpqrstvxz])|nh)")


def portuguese(word: str) -> int:
    """Portuguese: nuclei, but an i or u after a consonant before another vowel is a hiatus inside a word
    ("pa-ci-en-te", "cri-an-ça", "di-a-be-tes"); at the word's end it is a rising diphthong only when it is
    unstressed, which the orthography shows by an accent elsewhere ("fa-mí-lia", "his-tó-ria"): with no
    accent the stress falls on that i or u ("di-a", "ri-o", "lu-a", "te-ra-pi-a"; Acordo Ortográfico, Base
    VIII-IX). The nasal diphthongs ão, ãe, õe are one syllable, and the u of qu, gu is silent."""
    word = _PT_SILENT_U.sub("", _PT_NASAL.sub("ã", word))
    marked = not _PT_STRESS_MARKS.isdisjoint(word)
    count = 0
    previous = ""
    weak_opened = False  # the previous vowel was a weak one that opened its own syllable
    glided = False  # the previous vowel was a weak one that closed a diphthong ("en-sai-os")
    for index, char in enumerate(word):
        if char not in _PT_VOWELS:
            previous, weak_opened, glided = "", False, False
            continue
        if not previous or glided:
            count += 1
            weak_opened, glided = char in _PT_WEAK, False
        elif previous in _PT_WEAK and weak_opened and char not in _PT_WEAK:
            rest = word[index + 1 :]
            final = rest in ("", "s", "m")
            if not final or not marked:
                count += 1
            weak_opened = False
        elif previous not in _PT_WEAK and char not in _PT_WEAK:
            count += 1  # two strong vowels: a hiatus ("do-en-ça", "sa-ú-de")
            weak_opened = False
        else:
            glided = char in _PT_WEAK and previous not in _PT_WEAK
            weak_opened = False
        previous = char
    if not marked and _PT_CLOSED_HIATUS.search(word):
        count += 1
    return max(count, 1)


_FR_VOWELS = frozenset("aeiouyàâäéèêëîïôöûùüÿœæ")
_FR_SPLIT_BEFORE = frozenset("ëïü")  # a diaeresis opens a syllable: "na-ïf", "No-ël"
_FR_SHORT_WORDS = frozenset(["le", "de", "je", "ce", "me", "te", "se", "ne", "que", "les", "des", "mes", "ces", "ses", "tes"])
_FR_SILENT_U = re.compile(r"(?<=q)u|(?<=g)u(?=[eiéèêy])")
# Where two vowel letters side by side are two syllables in French: é before a vowel ("ré-u-nion", "cré-er",
# "thé-â-tre"), a or o before é, è, ê ("po-ème", "a-é-ro-port"), i or ou before a vowel after a consonant
# and l or r (the obligatory diérèse: "cli-ent", "ou-bli-er", "ou-vri-er", "prou-esse", "cru-el", "in-clu-ant"),
# and ay before a
# consonant, said [ei] ("pa-ys", "pay-san").
_FR_HIATUS = re.compile(
    r"é(?=[aeiouyàâéèêîôû])|[ao](?=[éèê])|(?<=[bcdfgkptv][lr])(?:i(?=[aeoéèêâ])|ou(?=[aeiéèêâ])|u(?=[aeoéèêâ]))|a(?=y[^aeiouy])"
)
_FR_MUTE_END = re.compile(r"(?<![eèêë])es?$")
# Singular nouns, adjectives and adverbs in -ent, whose -ent is said; in a verb's third person plural it is
# not ("ils mon-trent", "ils é-taient"). -ment words are said (nouns and adverbs) except the verbs'
# -aiment, -rment, -omment.
_FR_SAID_ENT = frozenset([
    "souvent", "patient", "impatient", "client", "efficient", "inefficient", "conscient", "inconscient",
    "coefficient", "ingrédient", "quotient", "inconvénient", "expédient", "récipient", "orient", "omniscient",
    "déficient", "différent", "indifférent", "évident", "récent", "argent", "agent", "parent", "apparent",
    "transparent", "accident", "incident", "président", "résident", "précédent", "antécédent", "confident",
    "occident", "dissident", "urgent", "absent", "présent", "content", "mécontent", "excellent", "intelligent",
    "équivalent", "fréquent", "conséquent", "subséquent", "éloquent", "délinquent", "prudent", "imprudent",
    "adolescent", "innocent", "décent", "indécent", "fluorescent", "permanent", "pertinent", "impertinent",
    "continent", "incontinent", "éminent", "imminent", "proéminent", "immanent", "cohérent", "incohérent",
    "inhérent", "adhérent", "concurrent", "récurrent", "référent", "afférent", "compétent", "incompétent", "latent",
    "patent", "talent", "serpent", "torrent", "couvent", "avent", "auvent", "paravent", "violent", "insolent",
    "indolent", "somnolent", "succulent", "virulent", "corpulent", "opulent", "purulent", "turbulent", "fraudulent",
    "ambivalent", "polyvalent", "contingent", "régent", "sergent", "tangent", "négligent", "diligent", "indulgent",
    "divergent", "convergent", "émergent", "détergent", "astringent", "ardent", "strident", "impudent", "décadent",
    "trident", "influent", "affluent", "confluent", "fervent", "pénitent", "intermittent", "omnipotent", "impotent",
    "accent", "pourcent"
])
_FR_VERB_MENT = re.compile(r"(?:aim|rm|omm)ent$")


def _french_mute_ent(word: str) -> bool:
    """Whether the word's final -ent is a verb ending, not said."""
    if not word.endswith("ent") or word in _FR_SAID_ENT or len(word) < 5:
        return False
    if word.endswith("ment") and not (_FR_VERB_MENT.search(word) and word != "comment"):
        return False
    return any(char in _FR_VOWELS for char in word[:-3])


def french(word: str) -> int:
    """French, as said in ordinary speech: vowel groups, less a final mute e or es ("ta-ble", "é-tudes",
    "i-dée", "an-nées") and a verb's -ent ("ils par-lent"), with the hiatuses of _FR_HIATUS, a diaeresis and
    y between vowels separating syllables; the u of qu, gue, gui is silent ("risque", "guerre"), and the ë
    of aiguë only shows that the u is said (Grevisse and Goosse, Le Bon Usage, on e muet and diérèse)."""
    if word.endswith(("guë", "guës")):
        word = word.replace("ë", "")
    mute_ent = _french_mute_ent(word)
    word = _FR_SILENT_U.sub("", word)
    if mute_ent:
        word = word[:-2]  # "montrent" is said as "montre" would be: its e is then mute like any final e
    mute_from = len(word)
    if len(word) > 2 and word not in _FR_SHORT_WORDS:
        mute = _FR_MUTE_END.search(word)
        if mute is not None and any(char in _FR_VOWELS for char in word[: mute.start()]):
            mute_from = mute.start()
    splits = {match.end() - 1 for match in _FR_HIATUS.finditer(word, 0, mute_from)}
    count = 0
    previous = -2
    for index in range(mute_from):
        char = word[index]
        if char not in _FR_VOWELS:
            continue
        if previous != index - 1 or (index - 1) in splits or char in _FR_SPLIT_BEFORE:
            count += 1
        elif char == "y" and index + 1 < mute_from and word[index + 1] in _FR_VOWELS:
            count += 1  # "cra-yon", "moy-en": the y closes one syllable and opens the next
        previous = index
    return max(count, 1)


_DE_VOWELS = frozenset("aeiouyäöü")
# Vowel letters side by side that are two syllables in German (Duden, Worttrennung; Duden-Grammatik on
# hiatus): Latin and Greek pairs (Si-tu-a-ti-on, Stu-di-um, The-a-ter, Cha-os, Is-ra-el, Di-ät, Mu-se-um,
# Pa-ti-ent), plural -ien of a loanword (Stu-di-en, Fa-mi-li-en), a diphthong before a vowel (Par-tei-en,
# Ei-er, Trau-er, neu-e), e before an umlaut (ge-än-dert, ge-übt), and a prefix be- or ge- before a stem that
# starts with a vowel (be-ein-flus-sen, ge-eig-net, be-en-den, ge-impft, be-ur-tei-len).
_DE_TWO = re.compile(
    r"(?<![q])u[aeoi]|i[aouäöü]|e[aoäöü]|o[ae](?!h)|a[eo]|(?<=[tzlrp])ien(?=t)|(?<=[^aeiouäöühw])ien(?=s?$)"
    r"|(?<=[^aeiouäöü])ie(?=ll)|(?<=[ae])i(?=e)|e(?=ums?$)|ä(?=ums?$)"
    r"|(?<![a-zäöüß])(?:un|zu)?[bg]e(?=ein|eig|end|erd|impf|inhalt|irr|u[rn])|(?<![a-zäöüß])ko(?=o)|e(?=en$)"
)


def german(word: str) -> int:
    """German: vowel groups (ei, au, eu, äu, ie and doubled vowels are one), and pairs said as two."""
    return _groups(word, _DE_VOWELS) + len(_DE_TWO.findall(word))


_NL_VOWELS = frozenset("aeiouyáéíóúàèäëïöü")
_NL_SPLIT_BEFORE = frozenset("ëïöüäéè")  # a diaeresis (and an accent in a vowel group) opens a syllable: ge-ë-va-lu-eerd
# Vowel pairs said as two in Dutch loanwords (Woordenlijst Nederlandse Taal): ra-di-o, si-tu-a-tie, re-ac-tie,
# i-de-aal, the-a-ter, cha-os, mu-se-um, in-di-vi-du-eel; but the eau of bu-reau is one.
_NL_TWO = re.compile(r"(?<![q])u[ao]|i[aou]|eo|(?<=[^aeiou])ue(?!r)|(?<![e])ea(?!u)|(?<![a])ao|oa|e(?=um$)")


def dutch(word: str) -> int:
    """Dutch: vowel groups (aa, ee, oo, uu, ie, oe, eu, ui, ei, ou, au, ooi, eeuw... are one; ij is i
    and a j), a diaeresis separating vowels, and pairs said as two (ra-di-o, si-tu-a-tie)."""
    count = 0
    previous = ""
    for char in word:
        if char in _NL_VOWELS:
            if not previous or char in _NL_SPLIT_BEFORE:
                count += 1
            previous = char
        else:
            previous = ""
    return max(count + len(_NL_TWO.findall(word)), 1)


def _groups(word: str, vowels: frozenset[str]) -> int:
    count = 0
    previous_vowel = False
    for char in word:
        vowel = char in vowels
        if vowel and not previous_vowel:
            count += 1
        previous_vowel = vowel
    return max(count, 1)


RULES: dict[str, Callable[[str], int]] = {
    "es": spanish,
    "it": italian,
    "pt": portuguese,
    "fr": french,
    "de": german,
    "nl": dutch,
}

_LETTERS = re.compile(r"[^\W\d_]+")
_SPLIT = re.compile(r"[-/\u2010\u2011\u2012\u2013]+")
_ACRONYM = re.compile(r"[A-ZÀ-Ý]{2,6}s?")
_DIGITS = re.compile(r"\d+")
_APOSTROPHE = re.compile(r"['\u2019]")
_ANY_VOWEL = re.compile(r"[aeiouyàáâãäèéêëìíîïòóôõöùúûüÿœæ]", re.I)

# Syllables of each letter's name, for an acronym said letter by letter (the letters not listed have one):
# Spanish "e-fe", "ha-che", "u-ve do-ble"; Italian "ef-fe", "ac-ca", "dop-pia vu"; Portuguese "e-fe", "a-gá",
# "dá-bli-o"; French "dou-ble vé", "i grec"; German "Yp-si-lon". Dutch letter names are all one syllable.
_LETTER_NAMES: dict[str, dict[str, int]] = {
    "es": {"f": 2, "h": 2, "j": 2, "l": 2, "m": 2, "n": 2, "ñ": 2, "r": 2, "s": 2, "v": 2, "w": 4, "x": 2, "y": 3, "z": 2},
    "it": {"f": 2, "h": 2, "j": 3, "k": 2, "l": 2, "m": 2, "n": 2, "r": 2, "s": 2, "w": 3, "y": 3, "z": 2},
    "pt": {"f": 2, "h": 2, "j": 2, "k": 2, "l": 2, "m": 2, "n": 2, "r": 2, "s": 2, "w": 3, "y": 3},
    "fr": {"w": 3, "y": 2},
    "de": {"y": 3},
    "nl": {},
    "en": {"w": 3},
}
# An acronym is said as a word when it reads like one: vowels, single consonants or clusters that can open
# a syllable between them, and at most one consonant (or -s, -ns, -rs) after the last vowel: ONU, UCI, SIDA,
# OTAN, COVID, UNICEF; otherwise letter by letter: OMS, ADN, VIH, EEG.
_SAID_AS_WORD = re.compile(
    r"(?:[BCDFGPT][LR]|[BCDFGJKLMNPRSTVZ])?[AEIOU](?:(?:[BCDFGPT][LR]|[BCDFGJKLMNPRSTVZ]|[LMNRS][BCDFGKMNPTVZ])?[AEIOU])*"
    r"(?:[CDLMNRSTXZ]|[NR]S)?"
)


def said_as_word(acronym: str, minimum: int = 3) -> bool:
    """Whether an acronym in capitals is said as a word rather than letter by letter."""
    return len(acronym) >= minimum and _SAID_AS_WORD.fullmatch(acronym) is not None


def spelled(letters: str, language: str) -> int:
    """Syllables of letters said by their names in `language`."""
    names = _LETTER_NAMES.get(language, {})
    return sum(names.get(letter, 1) for letter in letters.lower())


_MIXED_CASE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-rt-z]")
_CASE_UNITS = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]|\d+")


def is_mixed_case(word: str) -> bool:
    """Whether a token mixes cases inside it as a name of letters does ("mRNA", "eGFR", "IgG", "HbA1c", "CoV",
    "ARNm"); a plural -s after capitals ("NSAIDs") does not count."""
    return _MIXED_CASE.search(word) is not None


def mixed_case_syllables(word: str, as_word: Callable[[str], int], language: str, minimum: int = 3) -> int:
    """Syllables of a mixed-case token, unit by unit: a run of capitals as an acronym, a lower-case piece of
    one or two letters by its letters ("m" of mRNA, "si" of siRNA, "Ig", "Hb"), a longer piece, or a capital
    consonant and a vowel ("Co" of CoV), as a word, a run of digits as one syllable."""
    total = 0
    for unit in _CASE_UNITS.findall(word):
        if unit.isdigit():
            total += 1
        elif unit.isupper():
            total += as_word(unit.lower()) if said_as_word(unit, minimum) else spelled(unit, language)
        elif len(unit) > 2 or (unit[0].isupper() and _ANY_VOWEL.match(unit) is None and _ANY_VOWEL.search(unit)):
            total += as_word(unit.lower())
        else:
            total += spelled(unit, language)
    return max(total, 1)


def syllable_counter(language: str) -> Callable[[str], int]:
    """A cached function: syllables of one word token (punctuation already removed) in `language`.

    A compound adds its parts; an acronym is said as a word or spelt (`said_as_word`), its letters by their
    names; an elided article or pronoun ("l'", "c'", "dell'") is part of the next word's first syllable; a
    number (each run of digits) is one syllable, as plainsum counts numbers in every language."""
    rule = RULES[language]

    @lru_cache(maxsize=65536)
    def count(word: str) -> int:
        parts = [part for part in _SPLIT.split(word) if part]
        if len(parts) > 1:
            return sum(count(part) for part in parts)
        if _ACRONYM.fullmatch(word):
            letters = word[:-1] if word.endswith("s") else word
            return rule(letters.lower()) if said_as_word(letters) else spelled(letters, language)
        if is_mixed_case(word) and _APOSTROPHE.search(word) is None:
            return mixed_case_syllables(word, rule, language)
        runs = _LETTERS.findall(word.lower())
        if not runs:
            return 1  # a number or symbol: one syllable, as for English
        if len(runs) > 1 and _APOSTROPHE.search(word):
            # "c'est", "l'école", "qu'il", "dell'anno": a run with no vowel is elided into the next one
            total = sum(rule(run) for run in runs if _ANY_VOWEL.search(run.replace("qu", "q"))) or 1
        else:
            total = sum(rule(run) for run in runs)
        return total + len(_DIGITS.findall(word))

    return count
