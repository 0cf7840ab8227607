"""The languages plainsum scores: one profile per language, the single entry point for all of it.

A profile says how to count a text in that language (syllables, the abbreviations that do not end a
sentence, the headings of reference lists), which formulas score it (their names are in
plainsum/config/figures.py, their arithmetic in plainsum/readability/metrics.py), which word-frequency
list rare words come from, and whether the checks whose data exist only in English can run.

    profile = language_profile("es")                  # or "es-ES", "ES": the region is ignored
    profile = language_profile("ca", {"ca": "es"})    # a configured fallback: scored as Spanish
    language_profile("xx")                            # UnknownLanguage: never silently English
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from plainsum.config.figures import LANGUAGE_FORMULAS, LANGUAGE_NAMES

# Abbreviations that never end a sentence, whatever follows (lower case, with their full stop).
_ENGLISH_NEVER_FINAL = frozenset([
    "e.g.", "i.e.", "eg.", "ie.", "vs.", "v.", "approx.", "ca.", "cf.", "viz.", "fig.", "figs.", "dr.", "drs.", "mr.", "mrs.",
    "ms.", "prof.", "st.", "no.", "nos.", "vol.", "vols.", "p.", "pp.", "eq.", "eqs.", "ref.", "refs.", "incl.", "esp.",
    "resp.", "dept.", "a.k.a.", "n.b.", "nb.", "ed.", "eds.", "ch.", "sect.", "suppl.", "ibid.", "spp.", "sp.", "subsp.",
    "var.", "jr.", "sr.",
])
_COMMON_NEVER_FINAL = frozenset(["vs.", "ca.", "cf.", "fig.", "figs.", "vol.", "p.", "pp.", "dr.", "prof.", "ibid.", "spp.", "sp."])
_NEVER_FINAL = {
    "en": _ENGLISH_NEVER_FINAL,
    "es": frozenset(["ej.", "p.", "aprox.", "pág.", "págs.", "núm.", "nº.", "dra.", "sr.", "sra.", "srta.", "ud.", "uds.",
                     "cap.", "art.", "máx.", "mín.", "tab.", "vid.", "op.", "cit.", "admón."]),
    "fr": frozenset(["ex.", "c.-à-d.", "env.", "m.", "mm.", "mme.", "mmes.", "mlle.", "pr.", "dr.", "no.", "chap.", "tab.",
                     "max.", "min.", "éd.", "p.ex."]),
    "de": frozenset(["z.", "b.", "z.b.", "bzw.", "d.", "h.", "d.h.", "u.", "a.", "u.a.", "v.a.", "ggf.", "evtl.", "inkl.",
                     "vgl.", "nr.", "sog.", "s.", "abb.", "tab.", "mio.", "mrd.", "max.", "min.", "ä.", "o.ä.", "bspw.",
                     "zzgl.", "ggü.", "jh.", "hr.", "fr.", "dipl.", "med.", "univ."]),
    "it": frozenset(["es.", "pag.", "pagg.", "dott.", "dott.ssa", "sig.", "sigg.", "sig.ra", "cfr.", "n.", "tab.", "cap.",
                     "max.", "min.", "ing.", "avv."]),
    "pt": frozenset(["ex.", "p.ex.", "pág.", "págs.", "dra.", "sr.", "sra.", "n.º", "nº.", "aprox.", "cap.", "tab.", "máx.",
                     "mín.", "art.", "op.", "cit."]),
    "nl": frozenset(["bijv.", "bv.", "d.w.z.", "o.a.", "e.d.", "dhr.", "mevr.", "nr.", "blz.", "vgl.", "m.b.t.", "t.o.v.",
                     "i.v.m.", "resp.", "ca.", "max.", "min.", "mr.", "ir.", "drs.", "ing."]),
}
# Abbreviations that may end a sentence ("... and so on, etc. The"), but not inside brackets ("et al.)").
_MAY_END = {
    "en": frozenset(["etc.", "al.", "ff."]),
    "es": frozenset(["etc.", "al.", "ss."]),
    "fr": frozenset(["etc.", "al.", "suiv."]),
    "de": frozenset(["usw.", "etc.", "al.", "ff.", "u.ä."]),
    "it": frozenset(["ecc.", "etc.", "al.", "segg."]),
    "pt": frozenset(["etc.", "al.", "ss."]),
    "nl": frozenset(["enz.", "etc.", "al.", "e.v."]),
}
# Abbreviations in capitals, written with full stops, that end a sentence only before a word that usually
# opens one, as the English initialisms U.S. and U.K. do ("en EE. UU. y en Europa"; "de EE. UU. Los niños").
_INITIALISMS = {
    "en": frozenset(),
    "es": frozenset(["ee.", "uu.", "ee.uu.", "ff.", "aa.", "ff.aa."]),  # Estados Unidos, Fuerzas Armadas
    "fr": frozenset(["é.-u.", "é.-u"]),  # États-Unis
    "de": frozenset(),
    "it": frozenset(),
    "pt": frozenset(),
    "nl": frozenset(),
}
# Abbreviations every reader of the language knows, which plain.abbreviation does not ask to spell out
# (for English, the check's own `allow` list: UK, US, NHS, HIV...).
_KNOWN_ABBREVIATIONS = {
    "en": (),
    "es": ("EE", "UU", "UE", "ONU", "OMS", "VIH", "SIDA", "ADN", "ARN", "UCI", "COVID", "TV", "DNI", "ONG", "II", "III", "IV"),
    "fr": ("UE", "ONU", "OMS", "VIH", "SIDA", "ADN", "ARN", "COVID", "TV", "ONG", "SNCF", "II", "III", "IV"),
    "de": ("EU", "USA", "UNO", "WHO", "HIV", "AIDS", "DNA", "DNS", "RNA", "COVID", "TV", "ARD", "ZDF", "II", "III", "IV"),
    "it": ("UE", "USA", "ONU", "OMS", "HIV", "AIDS", "DNA", "RNA", "COVID", "TV", "ASL", "II", "III", "IV"),
    "pt": ("UE", "EUA", "ONU", "OMS", "HIV", "VIH", "AIDS", "SIDA", "DNA", "ADN", "RNA", "ARN", "COVID", "TV", "SUS", "II",
           "III", "IV"),
    "nl": ("EU", "VS", "VN", "WHO", "HIV", "AIDS", "DNA", "RNA", "COVID", "TV", "II", "III", "IV"),
}
# Inflectional endings. wordfreq counts word forms, and these languages spread a word's frequency over
# many of them (Spanish "inflaman", "inflamar", "inflamado"...), where English has few: a rare-word
# lookup adds up the forms of the word's family (its stem with each ending), as a lemma list would.
_INFLECTIONS = {
    "en": "",
    "es": "o a os as e es s n ar er ir an en amos emos imos áis éis ís ó é í aron ieron aba aban ábamos ía ían íamos "
          "ado ada ados adas ido ida idos idas ando iendo ará arán erá erán irá irán aría ería iría ara aran iera ieran",
    "fr": "e es s x ent er é ée és ées ant ons ez ait aient ais it ir is issent issant i ie ies",
    "de": "e en er es em n s ern st t te ten et",
    "it": "o a i e are ere ire ano ono ato ata ati ate ito ita iti ite ando endo ava avano",
    "pt": "o a os as e es s ar er ir am em amos emos imos ou eu iu aram eram iram ado ada ados adas ido ida idos idas "
          "ando endo indo",
    "nl": "e en s t te ten de den d",
}
# plain.rare-word's threshold on the Zipf scale, per language: below it falls the same share of running
# text (wordfreq's frequency mass, word families as above) as below 2.5 in English word forms, 1.44%.
# Measured by `python -m bench rarewords` (BENCHMARKS.md).
# (measured: es 2.63, fr 2.61, de 2.10, it 2.57, pt 2.75, nl 2.47; German's compounds are rare forms)
_RARE_MIN_ZIPF = {"en": 2.5, "es": 2.6, "fr": 2.6, "de": 2.1, "it": 2.6, "pt": 2.8, "nl": 2.5}
# Headings of reference lists: the section under one is not prose and is not scored.
_REFERENCE_HEADINGS = {
    "en": ("references", "reference list", "bibliography", "works cited", "literature cited", "citations"),
    "es": ("referencias", "bibliografía", "referencias bibliográficas"),
    "fr": ("références", "bibliographie", "références bibliographiques"),
    "de": ("literatur", "literaturverzeichnis", "quellen", "referenzen", "bibliographie", "bibliografie"),
    "it": ("bibliografia", "riferimenti", "riferimenti bibliografici"),
    "pt": ("referências", "referências bibliográficas", "bibliografia"),
    "nl": ("referenties", "literatuur", "literatuurlijst", "bronnen", "bibliografie"),
}
# Words that often open a sentence: after an initial or an initialism ("J.", "U.S.") a capitalised
# word ends the sentence only when it is one of these ("hepatitis C. The effect"; but "the U.S. Food and
# Drug Administration", "Watt I. Recordings").
_OPENERS = {
    "en": "the this these that those there their they we it its in on at for from with of to a an as all both each one two three "
          "four five six seven eight nine ten no none most some many few only however our overall after before during when "
          "while because although if since also but and or thus therefore furthermore moreover future further other another "
          "such several i you he she what how why where who which more less data results evidence studies trials participants "
          "patients people women men children researchers authors review reviewers",
    "es": "el la los las un una unos unas este esta estos estas ese esa eso en de del con por para se no nosotros es son hay "
          "pero y o sin sobre entre cuando como si también además dos tres uno ninguno ningún todos todas algunos muchos pocos "
          "estudios ensayos",
    "fr": "le la les un une des ce cette ces il elle ils elles nous on en de du dans pour par avec sur mais et ou si quand comme "
          "aussi cependant toutefois deux trois aucun aucune tous toutes plusieurs",
    "de": "der die das ein eine einer es sie er wir ich ihr diese dieser dieses in im an am auf für mit von zu bei nach vor "
          "während wenn weil aber und oder auch jedoch zwei drei kein keine alle einige viele danach dann daher deshalb "
          "dabei außerdem insgesamt zudem somit",
    "it": "il lo la i gli le un uno una questo questa questi queste in di del della con per su da non si noi è sono ma e o se "
          "quando come anche tuttavia due tre nessun nessuno tutti alcuni molti",
    "pt": "o a os as um uma uns umas este esta estes estas esse essa isso em no na de do da com por para se não nós é são há "
          "mas e ou sem sobre quando como também porém dois duas três nenhum todos alguns muitos",
    "nl": "de het een dit deze dat die er wij we ik zij ze hij in op aan voor van met bij na tijdens als omdat maar en of ook "
          "echter twee drie geen alle sommige veel",
}
# German writes ordinals and dates with a full stop after the number ("am 15. Oktober", "der 3. Versuch"),
# as Dutch does not. A number of one to three digits and a full stop is read as an ordinal before a month
# name, and before any other word that does not usually open a sentence (German nouns have capitals:
# "im 19. Jahrhundert"); before a usual opener ("war 17. Sie wurden") it ends the sentence, and so does a
# year, four digits ("bis 2013. Danach"), whatever follows. Month names in full and abbreviated, with
# the Austrian "Jänner" and "Feber".
_ORDINAL_MONTHS = {
    "de": "januar jänner februar feber märz april mai juni juli august september oktober november dezember "
          "jan jän feb mär mrz apr jun jul aug sep sept okt nov dez",
}

# Checks whose data exist only in English: the jargon glossary, the English grammar of the
# passive voice and of recommendations, and the English headings of the 2021 template (a document
# in another language has its headings from that language's catalog, docs/translations.md), and
# the numbers check, which reads English number words and the English decimal point (a translation's
# numbers are held against its source's by translation.numbers, and the source's against the data).
# They are skipped for other languages, and reports say so.
ENGLISH_ONLY_CHECKS = ("plain.jargon", "plain.passive", "plain.passive-share", "plain.recommendation", "cochrane.headings",
                       "results.number")


class UnknownLanguage(ValueError):
    """A language code plainsum has no profile for, and no configured fallback."""

    def __init__(self, code: str):
        self.code = code
        known = ", ".join(f"{c} ({LANGUAGE_NAMES[c]})" for c in LANGUAGE_FORMULAS)
        super().__init__(
            f"unknown language '{code}': plainsum scores {known}; to score another language as one of these, "
            f"map it in plainsum.toml: [languages] {code.split('-')[0].lower() or 'xx'} = \"es\""
        )


@dataclass(frozen=True)
class LanguageProfile:
    code: str  # ISO 639-1, lower case
    name: str
    formulas: tuple[str, ...]  # figure names, in the order reports show them; the first is the headline
    never_final: frozenset[str]
    may_end: frozenset[str]
    initialisms: frozenset[str]  # "EE. UU.": ends a sentence only before a usual opener (see _INITIALISMS)
    known_abbreviations: frozenset[str]  # abbreviations plain.abbreviation accepts unexplained (see _KNOWN_ABBREVIATIONS)
    inflections: tuple[str, ...]  # endings whose forms make up a word's family in rare-word lookups (see _INFLECTIONS)
    rare_min_zipf: float  # plain.rare-word's threshold when min_zipf is not configured (see _RARE_MIN_ZIPF)
    reference_headings: frozenset[str]
    ordinal_months: frozenset[str]  # lower case; a language with months here writes ordinals "15. Oktober" (see _ORDINAL_MONTHS)
    openers: frozenset[str]  # lower-case words that often open a sentence (see _OPENERS)
    wordfreq_language: str  # the wordfreq list rare words are looked up in
    requested: str = ""  # the code asked for, when a fallback or a region led here ("ca", "es-MX")

    @property
    def english(self) -> bool:
        return self.code == "en"

    @property
    def ordinal_full_stop(self) -> bool:
        """Whether the language writes ordinals with a full stop after the number ("am 15. Oktober")."""
        return bool(self.ordinal_months)

    @property
    def skipped_checks(self) -> tuple[str, ...]:
        """Checks that do not run on text in this language (their data are English)."""
        return () if self.english else ENGLISH_ONLY_CHECKS

    @property
    def headline(self) -> str:
        """The formula a one-line summary shows (Flesch-Kincaid for English, Szigriszt-Pazos for Spanish...)."""
        return self.formulas[0]

    def abbreviation_stops(self, abbreviation: str) -> bool:
        """Whether `abbreviation` followed by a full stop ("EE." of "EE. UU.") is one of the language's
        abbreviations that the sentence splitter reads as such (so the check and the splitter agree)."""
        word = abbreviation.lower() + "."
        return word in self.never_final or word in self.may_end or word in self.initialisms

    def syllables(self) -> Callable[[str], int]:
        return _syllable_counter(self.code)


@cache
def _syllable_counter(code: str) -> Callable[[str], int]:
    if code == "en":
        from plainsum.readability.syllables import syllables

        return syllables
    from plainsum.readability.syllabify import syllable_counter

    return syllable_counter(code)


@cache
def _profile(code: str) -> LanguageProfile:
    never_final = _NEVER_FINAL[code] | _COMMON_NEVER_FINAL
    return LanguageProfile(
        code=code,
        name=LANGUAGE_NAMES[code],
        formulas=LANGUAGE_FORMULAS[code],
        never_final=never_final,
        may_end=_MAY_END[code],
        initialisms=_INITIALISMS[code],
        known_abbreviations=frozenset(_KNOWN_ABBREVIATIONS[code]),
        inflections=tuple(_INFLECTIONS[code].split()),
        rare_min_zipf=_RARE_MIN_ZIPF[code],
        reference_headings=frozenset(_REFERENCE_HEADINGS[code] + _REFERENCE_HEADINGS["en"]),  # templates may write English
        ordinal_months=frozenset(_ORDINAL_MONTHS.get(code, "").split()),
        openers=frozenset(_OPENERS[code].split()),
        wordfreq_language=code,
    )


SUPPORTED = tuple(LANGUAGE_FORMULAS)


def base_code(code: str) -> str:
    """'es-MX' -> 'es', 'PT_br' -> 'pt'."""
    return code.strip().replace("_", "-").split("-")[0].lower()


def language_profile(code: str | None, fallbacks: Mapping[str, str] | None = None) -> LanguageProfile:
    """The profile for a language code (BCP 47: the region is ignored), or its configured fallback.

    `fallbacks` maps codes plainsum does not support to ones it does ({"ca": "es"}), as the
    [languages] table of plainsum.toml does. Raises UnknownLanguage otherwise."""
    requested = (code or "en").strip()
    fallbacks = fallbacks or {}
    candidates = [requested, requested.lower(), base_code(requested)]
    for candidate in candidates:
        if candidate in fallbacks:
            target = base_code(fallbacks[candidate])
            if target not in SUPPORTED:
                raise UnknownLanguage(fallbacks[candidate])
            return _with_request(_profile(target), requested)
    base = base_code(requested)
    if base in SUPPORTED:
        return _with_request(_profile(base), requested)
    raise UnknownLanguage(requested)


def _with_request(profile: LanguageProfile, requested: str) -> LanguageProfile:
    if requested.lower() == profile.code:
        return profile
    from dataclasses import replace

    return replace(profile, requested=requested)


ENGLISH = _profile("en")
