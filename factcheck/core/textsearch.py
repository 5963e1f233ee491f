"""Words as a search sees them: cut out of a text, case and diacritics folded, stemmed.

``words(text)`` gives each word of a text with its span (code points) and its folded
form ("Bogotá" -> "bogota", "Straße" -> "strasse"); ``stem_es`` and ``stem_en`` reduce a
folded word to its stem, so that the forms of one word meet: "verificaciones" and
"verificación" -> "verif"; "rises" and "rising" -> "rise".

The stemmers are written here rather than taken from a package, small and fast enough to
run on every word of a 1 MB article when it is indexed (3 to 4 µs a word, each word once):

- ``stem_es`` is the Snowball Spanish stemmer (steps 0 to 3: attached pronouns, standard
  suffixes, verb suffixes, residual vowels), applied to folded words, so its suffixes are
  written without accents. Spanish needs its verb endings taken off ("permitió",
  "permitieron", "permitir" -> "permit") for a search to find a claim in other words.
- ``stem_en`` is the inflectional half of Porter2 (Snowball English steps 0 to 1c:
  plurals, -ed, -ing, -ly, final y): "cartels" -> "cartel", "checked" -> "check",
  "verified"/"verifies" -> "verifi". Its derivational steps (-ational, -ness, -ful,
  -ment...) are left out: they join words a reader would not take for one ("general" and
  "generous"), and a search for an exact claim is better served by fewer false friends.
  Irregular forms stay apart: "rose" does not find "rising".

Nothing here knows which language a text is in: a search indexes both stems of each word
and a query word matches either (see ``core/search.py``).
"""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.cache
def mark_class() -> str:
    """The combining marks of the Basic Multilingual Plane, as a regular expression's class body."""
    ranges: list[list[int]] = []
    for code in range(0x0300, 0x10000):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


@functools.cache
def _word_pattern() -> re.Pattern[str]:
    # Letters and digits (\w less the underscore) with the marks that belong to them (an
    # Arabic vowel sign, a Devanagari matra, a decomposed accent). Built on first use.
    return re.compile(f"[\\w{mark_class()}]+")


def fold(word: str) -> str:
    """A word without case or diacritics: "Bogotá" -> "bogota", "Ñandú" -> "nandu"."""
    if word.isascii():
        return word.lower()
    return _fold_unicode(word)


@functools.lru_cache(maxsize=200_000)
def _fold_unicode(word: str) -> str:
    # Compatibility forms first, then case: the "bold" letters of social-media posts
    # ("𝐁𝐨𝐠𝐨𝐭𝐚") have no case of their own and become capitals only once decomposed.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", word).casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


_ASCII_WORD = re.compile("[a-z0-9]+")


def words(text: str) -> list[tuple[int, int, str]]:
    """Each word of ``text``: ``(start, end, folded)``, offsets in code points.

    A word is a run of letters, digits and combining marks; anything else (space,
    punctuation, symbols, emoji, the underscore) separates words.
    """
    if text.isascii():  # most text: lower-casing keeps every offset
        return [(m.start(), m.end(), m.group()) for m in _ASCII_WORD.finditer(text.lower())]
    lowered = text.lower()
    if len(lowered) == len(text) and "_" not in text:  # most text: only its accented words need folding
        out = []
        for match in _word_pattern().finditer(lowered):
            word = match.group()
            folded = word if word.isascii() else _fold_unicode(word)
            if folded:  # not a lone combining mark
                out.append((match.start(), match.end(), folded))
        return out
    return _words(text)


def _words(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for match in _word_pattern().finditer(text):
        start = match.start()
        for part in match.group().split("_"):
            if part:
                folded = fold(part)
                if folded:
                    out.append((start, start + len(part), folded))
            start += len(part) + 1
    return out


def folded_words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return [w for _s, _e, w in words(text)]


# --- Spanish: the Snowball algorithm, on folded words -----------------------------------------

_ES_VOWELS = frozenset("aeiou")


class _Suffixes:
    """A set of suffixes, matched longest first by slicing (a few set lookups a word)."""

    def __init__(self, *groups: str):
        self.all = frozenset(s for g in groups for s in g.split())
        self.lengths = tuple(sorted({len(s) for s in self.all}, reverse=True))

    def longest(self, word: str, start: int = 0) -> str:
        """The longest suffix of ``word`` in the set that lies wholly after ``start``, or ''."""
        room = len(word) - start
        for n in self.lengths:
            if n <= room and word[-n:] in self.all:
                return word[-n:]
        return ""


_ES_PRONOUNS = _Suffixes("me se sela selo selas selos la le lo las les los nos")
_ES_BEFORE_PRONOUN = _Suffixes("iendo ando ar er ir yendo")
_ES_STEP1 = {
    "r2": ("anza anzas ico ica icos icas ismo ismos able ables ible ibles ista istas oso osa osos osas "
           "amiento amientos imiento imientos"),
    "r2_ic": "adora ador acion adoras adores aciones ante antes ancia ancias",
    "log": "logia logias",
    "u": "ucion uciones",
    "ente": "encia encias",
    "amente": "amente",
    "mente": "mente",
    "idad": "idad idades",
    "iv": "iva ivo ivas ivos",
}
_ES_STEP1_ALL = _Suffixes(*_ES_STEP1.values())
_ES_STEP1_KIND = {s: kind for kind, group in _ES_STEP1.items() for s in group.split()}
_ES_Y_VERB = _Suffixes("ya ye yan yen yeron yendo yo yas yes yais yamos")
_ES_VERB_GU = frozenset("en es eis emos".split())
_ES_VERB_ALL = _Suffixes(
    " ".join(_ES_VERB_GU),
    "arian arias aran aras ariais aria areis ariamos aremos ara are erian erias eran eras eriais eria ereis "
    "eriamos eremos era ere irian irias iran iras iriais iria ireis iriamos iremos ira ire aba ada ida ia ara "
    "iera ad ed id ase iese aste iste an aban ian aran ieran asen iesen aron ieron ado ido ando iendo io ar er "
    "ir as abas adas idas ias aras ieras ases ieses is ais abais iais arais ierais aseis ieseis asteis isteis "
    "ados idos amos abamos iamos imos aramos ieramos iesemos asemos")
# Snowball also takes off a final í, which folding cannot tell from i: left, so "casi" stays
# apart from "casa".
_ES_RESIDUAL = _Suffixes("os a o")
_ES_MENTE_BEFORE = _Suffixes("ante able ible")
_ES_IDAD_BEFORE = _Suffixes("abil ic iv")


def _es_regions(w: str) -> tuple[int, int, int]:
    """Snowball's RV, R1 and R2 of a Spanish word, as the offsets where they start."""
    n = len(w)
    rv = n
    if n >= 2:
        if w[1] not in _ES_VOWELS:
            rv = next((i + 1 for i in range(2, n) if w[i] in _ES_VOWELS), n)
        elif w[0] in _ES_VOWELS:
            rv = next((i + 1 for i in range(2, n) if w[i] not in _ES_VOWELS), n)
        else:
            rv = min(3, n)
    r1 = next((i + 1 for i in range(1, n) if w[i] not in _ES_VOWELS and w[i - 1] in _ES_VOWELS), n)
    r2 = next((i + 1 for i in range(r1 + 1, n) if w[i] not in _ES_VOWELS and w[i - 1] in _ES_VOWELS), n)
    return rv, r1, r2


def _es_step1(w: str, r1: int, r2: int) -> str | None:
    """Snowball's standard suffix removal; None when no suffix was removed."""
    suffix = _ES_STEP1_ALL.longest(w)
    if not suffix:
        return None
    at = len(w) - len(suffix)
    kind = _ES_STEP1_KIND[suffix]
    if kind == "amente":
        if at < r1:
            return None
        w = w[:at]
        for before in ("iv", "os", "ic", "ad"):
            if w.endswith(before) and len(w) - 2 >= r2:
                w = w[:-2]
                if before == "iv" and w.endswith("at") and len(w) - 2 >= r2:
                    w = w[:-2]
                break
        return w
    if at < r2:
        return None
    if kind == "log":
        return w[:at] + "log"
    if kind == "u":
        return w[:at] + "u"
    if kind == "ente":
        return w[:at] + "ente"
    w = w[:at]
    if kind == "r2_ic" and w.endswith("ic") and len(w) - 2 >= r2:
        w = w[:-2]
    elif kind == "mente":
        before = _ES_MENTE_BEFORE.longest(w)
        if before and len(w) - len(before) >= r2:
            w = w[: -len(before)]
    elif kind == "idad":
        before = _ES_IDAD_BEFORE.longest(w)
        if before and len(w) - len(before) >= r2:
            w = w[: -len(before)]
    elif kind == "iv" and w.endswith("at") and len(w) - 2 >= r2:
        w = w[:-2]
    return w


@functools.lru_cache(maxsize=200_000)
def stem_es(word: str) -> str:
    """The Snowball Spanish stem of a folded word (see ``fold``)."""
    if len(word) < 3 or not word.isalpha():
        return word
    w = word
    rv, r1, r2 = _es_regions(w)
    # Step 0: an attached pronoun after a verb form (dándole, haciéndolo...).
    pronoun = _ES_PRONOUNS.longest(w)
    if pronoun:
        stem = w[: -len(pronoun)]
        before = _ES_BEFORE_PRONOUN.longest(stem)
        if before and len(stem) - len(before) >= rv and (before != "yendo" or stem[: -len(before)].endswith("u")):
            w = stem
    # Step 1, else the verb suffixes of steps 2a and 2b.
    stepped = _es_step1(w, r1, r2)
    if stepped is not None:
        w = stepped
    else:
        # Both look for their suffix inside RV only (Snowball's ``setlimit tomark pV``).
        suffix = _ES_Y_VERB.longest(w, rv)
        if suffix and w[: -len(suffix)].endswith("u"):
            w = w[: -len(suffix)]
        else:
            suffix = _ES_VERB_ALL.longest(w, rv)
            if suffix:
                w = w[: -len(suffix)]
                if suffix in _ES_VERB_GU and w.endswith("gu"):
                    w = w[:-1]
    # Step 3: a residual vowel.
    suffix = _ES_RESIDUAL.longest(w)
    if suffix and len(w) - len(suffix) >= rv:
        w = w[: -len(suffix)]
    elif w.endswith("e") and len(w) - 1 >= rv:
        w = w[:-1]
        if w.endswith("gu") and len(w) - 1 >= rv:
            w = w[:-1]
    return w


# --- English: the inflectional steps of Porter2 --------------------------------------------------

_EN_VOWELS = frozenset("aeiouy")
_EN_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_EN_LI_ENDINGS = frozenset("cdeghkmnrt")
#: Porter2's exceptional forms (those that inflection reaches).
_EN_EXCEPTIONS = {
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
    "news": "news", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    "sky": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
    "singly": "singl",
}
_EN_AFTER_1A = frozenset(("inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"))


def _en_r1(w: str) -> int:
    for prefix in ("gener", "commun", "arsen"):
        if w.startswith(prefix):
            return len(prefix)
    n = len(w)
    return next((i + 1 for i in range(1, n) if w[i] not in _EN_VOWELS and w[i - 1] in _EN_VOWELS), n)


def _en_short_syllable_end(w: str) -> bool:
    """Porter2: ``w`` ends in a short syllable."""
    n = len(w)
    if n == 2:
        return w[0] in _EN_VOWELS and w[1] not in _EN_VOWELS
    return (n >= 3 and w[-3] not in _EN_VOWELS and w[-2] in _EN_VOWELS
            and w[-1] not in _EN_VOWELS and w[-1] not in "wxY")


def _has_vowel(w: str) -> bool:
    return any(ch in _EN_VOWELS for ch in w)


@functools.lru_cache(maxsize=200_000)
def stem_en(word: str) -> str:
    """Porter2's inflectional stem of a folded English word (steps 0 to 1c)."""
    if len(word) <= 2 or not word.isalpha():
        return word
    if word in _EN_EXCEPTIONS:
        return _EN_EXCEPTIONS[word]
    w = word
    # y as a consonant (initial, or after a vowel) is Y while stemming.
    if w[0] == "y":
        w = "Y" + w[1:]
    w = w[0] + "".join("Y" if ch == "y" and w[i] in _EN_VOWELS else ch for i, ch in enumerate(w[1:]))
    r1 = _en_r1(w)
    # Step 1a: plurals.
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith(("ied", "ies")):
        w = w[:-2] if len(w) > 4 else w[:-1]
    elif w.endswith(("us", "ss")):
        pass
    elif w.endswith("s") and _has_vowel(w[:-2]):
        w = w[:-1]
    if w in _EN_AFTER_1A:
        return w
    # Step 1b: -eed, -ed, -ing and their -ly forms.
    for suffix in ("eedly", "ingly", "edly", "eed", "ing", "ed"):
        if not w.endswith(suffix):
            continue
        at = len(w) - len(suffix)
        if suffix in ("eed", "eedly"):
            if at >= r1:
                w = w[:at] + "ee"
        elif _has_vowel(w[:at]):
            w = w[:at]
            if w.endswith(("at", "bl", "iz")):
                w += "e"
            elif w.endswith(_EN_DOUBLES):
                w = w[:-1]
            elif r1 >= len(w) and _en_short_syllable_end(w):
                w += "e"
        break
    # Step 1c: a final y after a consonant (not the first letter) becomes i.
    if len(w) > 2 and w[-1] in "yY" and w[-2] not in _EN_VOWELS:
        w = w[:-1] + "i"
    # -ly after a valid li-ending (Porter2 step 2 does this one for adverbs: "quickly").
    if w.endswith("li") and len(w) - 2 >= r1 and len(w) > 4 and w[-3] in _EN_LI_ENDINGS:
        w = w[:-2]
    return w.replace("Y", "y")


def stems(word: str) -> tuple[str, str]:
    """A folded word's Spanish and English stems."""
    return stem_es(word), stem_en(word)

