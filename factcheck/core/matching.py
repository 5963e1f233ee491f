"""How a new claim is compared with earlier verdicts: text analysis and scoring, no model to load.

A text is read three ways (``analyze``):

- **terms**: words folded (case and accents), Spanish and English stop words dropped,
  stemmed by project search's stemmers (``textsearch``: Spanish or English, by which
  language's stop words the text holds), then mapped through a small Spanish–English lexicon of fact-check vocabulary
  (``resources/matching/lexicon.tsv``) onto shared concepts: "vacunas", "vaccination"
  and "jabs" all become ``c_vaccine``, so a Spanish query meets an English verdict.
  Capitalised words the lexicon does not know (names) are folded, not stemmed: "Petro"
  stays ``petro`` in both languages. Numbers lose their separators ("1.000" = "1,000").
- **bigrams**: adjacent terms (``c_inflation_12``), for phrases and word order.
- **prefixes**: each folded word's first five letters, which meet across word forms and
  cognates the stemmer or lexicon miss ("inflación"/"inflation" -> ``infla``).

The library (``core/library.py``) keeps the three in an SQLite FTS5 table; ``fts_query``
turns a query's analysis into an FTS5 expression (only our own tokens, quoted, so no
FTS5 syntax a person typed gets through) whose bm25 picks candidates. ``rerank`` then
orders those candidates by bm25 together with how much of the query's weight (IDF) each
covers, the same for prefixes and for names and numbers alone (which say which claim it
is: the same words about another city are another claim), and the overlap of character
trigrams; numbers that disagree count against a candidate. The weights were set on the development half of
the self-made benchmark (``tests/benchmarks/bench_matching.py``).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from factcheck.core import resources, textsearch

#: Bumped whenever ``analyze`` changes what it produces: the library re-indexes its entries.
#: 2: a letter's combining marks belong to its word (decomposed accents, Arabic vowel signs).
ANALYZER_VERSION = 2
PREFIX_LEN = 5
#: At most this many distinct terms of a query are used (a pasted article is not a claim).
MAX_QUERY_TERMS = 48
#: Characters of a query read at all.
MAX_QUERY_CHARS = 4000

_EN_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves s t don shall may might must us per via
""".split())
_ES_STOP = frozenset("""
a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos
en entre era erais eran eras eres es esa esas ese eso esos esta estaba estado estais estamos estan estar estas este
esto estos estoy fue fueron fui ha habia han has hasta hay la las le les lo los me mi mis mucho muchos muy nada ni
no nos nosotros o os otra otras otro otros para pero poco por porque que quien quienes se sea sean segun ser si
sido sin sobre sois somos son soy su sus tambien te tenia tiene tienen todo tu tus un una unas uno unos vosotros y
ya yo he sus cuya cuyo cual cuales mientras tras e u pues aun asi
""".split())
STOPWORDS = _EN_STOP | _ES_STOP

@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """A number with its separators ("1.000", "12,5"), else a run of letters and digits with
    their combining marks ("vacunacio" + U+0301 + "n" is one word). Built on first use."""
    return re.compile(f"\\d[\\d.,]*\\d|[^\\W_](?:[^\\W_]|[{textsearch.mark_class()}])*")


def fold(text: str) -> str:
    """Lower case without accents or marks ("Bogotá" -> "bogota"); other scripts kept as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@functools.lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """A folded word's stem in ``language`` ("en" or "es"), by project search's stemmers (``textsearch``).

    Words with digits or in other scripts stay as they are.
    """
    if not word.isascii() or not word.isalpha():
        return word
    return textsearch.stem_es(word) if language == "es" else textsearch.stem_en(word)


@dataclasses.dataclass(frozen=True)
class Lexicon:
    """Concepts by folded surface form, by (language, stem), and by phrases of surface forms."""

    surface: dict[str, str]
    stems: dict[tuple[str, str], str]
    phrases: dict[tuple[str, ...], str]
    longest: int
    starts: frozenset[str]  # first words of the phrases


@functools.cache
def lexicon() -> Lexicon:
    surface: dict[str, str] = {}
    stems: dict[tuple[str, str], str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    path = resources.path("matching", "lexicon.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, english, spanish = (line.split("\t") + ["", ""])[:3]
        concept = "c_" + re.sub(r"\W+", "", fold(name).replace(" ", ""))
        for language, forms in (("en", english), ("es", spanish)):
            for form in forms.split(","):
                words = tuple(w for w, _ in _tokens(form))
                if not words:
                    continue
                if len(words) > 1:
                    phrases.setdefault(words, concept)
                elif words[0] not in STOPWORDS:
                    surface.setdefault(words[0], concept)
                    stems.setdefault((language, stem(words[0], language)), concept)
    if "percent" in surface:  # "%" is read as the word percent
        phrases.setdefault(("por", "ciento"), surface["percent"])
    return Lexicon(surface, stems, phrases, max((len(p) for p in phrases), default=1), frozenset(p[0] for p in phrases))


def language_of(words: Sequence[str]) -> str:
    """"es" or "en": whichever language's stop words the folded words hold more of (English on a tie)."""
    es = sum(1 for w in words if w in _ES_STOP and w not in _EN_STOP)
    en = sum(1 for w in words if w in _EN_STOP and w not in _ES_STOP)
    return "es" if es > en else "en"


@dataclasses.dataclass(frozen=True)
class Analysis:
    terms: tuple[str, ...]
    bigrams: tuple[str, ...]
    prefixes: tuple[str, ...]
    numbers: frozenset[str]
    folded: str  # letters, digits and single spaces: what trigrams are taken from
    entities: frozenset[str] = frozenset()  # names (capitalised words the lexicon does not know) and numbers


_fold_word = functools.lru_cache(maxsize=300_000)(fold)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(folded word, capitalised) in order; numbers without separators; "%" as the word percent."""
    out: list[tuple[str, bool]] = []
    if "%" in text:
        text = text.replace("%", " percent ")
    for raw in _token_pattern().findall(text):
        if raw[0].isdigit():
            out.append((raw.replace(".", "").replace(",", ""), False))
        else:
            out.append((_fold_word(raw), raw[0].isupper()))
    return out


@functools.lru_cache(maxsize=300_000)
def _word(word: str, name: bool, language: str) -> tuple[str, str, bool] | None:
    """(term, prefix, is a name) of one folded word in a text of ``language``; None for a stop word."""
    if word in STOPWORDS or len(word) < 2:
        return None
    prefix = word[:PREFIX_LEN] if len(word) > 2 and word.isalpha() else ""
    lex = lexicon()
    other = "en" if language == "es" else "es"
    concept = lex.surface.get(word)
    if concept is None:
        concept = lex.stems.get((language, stem(word, language))) or lex.stems.get((other, stem(word, other)))
    if concept is not None:
        return concept, prefix, False
    if name:
        return word, prefix, True
    return stem(word, language), prefix, False


def analyze(text: str, *, query: bool = False) -> Analysis:
    """The terms, bigrams, prefixes and numbers of a text (see the module docstring)."""
    if query:
        text = text[:MAX_QUERY_CHARS]
    tokens = _tokens(text)
    words = [w for w, _ in tokens]
    language = language_of(words)
    lex = lexicon()
    starts = lex.starts
    terms: list[str] = []
    prefixes: list[str] = []
    numbers: set[str] = set()
    entities: set[str] = set()
    i = 0
    n = len(tokens)
    while i < n:
        word, name = tokens[i]
        if word in starts:
            size = min(lex.longest, n - i)
            while size > 1:
                concept = lex.phrases.get(tuple(words[i:i + size]))
                if concept:
                    break
                size -= 1
            if size > 1:
                terms.append(concept)
                prefixes.extend(w[:PREFIX_LEN] for w in words[i:i + size] if w not in STOPWORDS and len(w) > 2)
                i += size
                continue
        i += 1
        if word.isdigit():
            terms.append(word)
            numbers.add(word)
            continue
        found = _word(word, name, language)
        if found is None:
            continue
        term, prefix, is_name = found
        terms.append(term)
        if prefix:
            prefixes.append(prefix)
        if is_name:
            entities.add(term)
    # Pairs in either order ("vaccines cause autism" / "autism caused by vaccines") are one bigram.
    bigrams = tuple(f"{a}_{b}" if a < b else f"{b}_{a}" for a, b in zip(terms, terms[1:]) if a != b)
    folded = " ".join(words)
    return Analysis(tuple(terms), bigrams, tuple(prefixes), frozenset(numbers), folded, frozenset(entities | numbers))


def index_columns(analysis: Analysis) -> tuple[str, str, str]:
    """The three FTS5 columns of an entry: terms, bigrams, prefixes (space-separated)."""
    return " ".join(analysis.terms), " ".join(analysis.bigrams), " ".join(analysis.prefixes)


def query_terms(analysis: Analysis) -> tuple[list[str], list[str], list[str]]:
    """The distinct terms, bigrams and prefixes of a query (at most ``MAX_QUERY_TERMS`` of each)."""
    def distinct(items: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(items))[:MAX_QUERY_TERMS]

    return distinct(analysis.terms), distinct(analysis.bigrams), distinct(analysis.prefixes)


#: A token in more than this share of the library does not pick candidates (it still counts in ``rerank``).
COMMON_SHARE = 0.02
COMMON_FLOOR = 300


def selective(groups: Sequence[Sequence[str]], frequency: dict[str, int], documents: int,
              marks: Sequence[str] = ("", "b:", "p:")) -> list[list[str]]:
    """The tokens of each group worth asking FTS5 for: present in the library, and not in most of it.

    Asking for a word in half the library makes FTS5 score half the library; those words
    say little about which claim it is anyway. When every token is that common, the three
    rarest are asked for.
    """
    cap = max(COMMON_FLOOR, int(documents * COMMON_SHARE))
    kept = [[t for t in group if 0 < frequency.get(mark + t, 0) <= cap] for group, mark in zip(groups, marks)]
    if not any(kept):
        present = sorted((frequency.get(mark + t, 0), g, t) for g, (group, mark) in enumerate(zip(groups, marks))
                         for t in group if frequency.get(mark + t, 0) > 0)
        kept = [[] for _ in groups]
        for _, g, t in present[:3]:
            kept[g].append(t)
    return kept


def fts_query(terms: Sequence[str], bigrams: Sequence[str], prefixes: Sequence[str]) -> str:
    """An FTS5 expression: any of the tokens in its column. '' when there is nothing to look for.

    Tokens come from ``analyze`` (letters, digits, "_"), and are quoted anyway: whatever
    a person typed ("NEAR", '"', '*', '-') is only ever a word to look for.
    """
    def group(column: str, tokens: Sequence[str]) -> str:
        quoted = [f'"{t}"' for t in tokens if t and '"' not in t]
        return f"{column} : ({' OR '.join(quoted)})" if quoted else ""

    parts = [p for p in (group("terms", terms), group("bigrams", bigrams), group("prefixes", prefixes)) if p]
    return " OR ".join(parts)


def trigrams(folded: str) -> frozenset[str]:
    padded = f" {folded} "
    return frozenset(padded[i:i + 3] for i in range(len(padded) - 2))


def _weighted_f(query: Iterable[str], doc: Iterable[str], weight) -> float:
    """Harmonic mean of the query's and the candidate's shares (by weight) of what they have in common."""
    q, d = set(query), set(doc)
    if not q or not d:
        return 0.0
    common = sum(weight(t) for t in q & d)
    if not common:
        return 0.0
    recall = common / sum(weight(t) for t in q)
    precision = common / sum(weight(t) for t in d)
    return 2 * recall * precision / (recall + precision)


@dataclasses.dataclass(frozen=True)
class Weights:
    """How much each signal counts; set by ``bench_matching.py --tune`` on the development half only."""

    bm25: float = 0.2
    terms: float = 0.25
    prefixes: float = 0.05
    trigrams: float = 0.1
    numbers: float = 0.15
    entities: float = 0.35


WEIGHTS = Weights()


@dataclasses.dataclass(frozen=True)
class Candidate:
    """What ``rerank`` needs of one entry: its key, FTS5 bm25 (lower is better) and analysis."""

    key: object
    bm25: float
    analysis: Analysis


def rerank(query: Analysis, candidates: Sequence[Candidate], documents: int, frequency: dict[str, int],
           weights: Weights | None = None) -> list[tuple[float, object]]:
    """Candidates by score (0..1, best first), ties by their order in ``candidates``.

    ``documents``: how many entries the library holds; ``frequency``: in how many each
    term (and prefix) occurs, for the IDF weights.
    """
    if not candidates:
        return []
    weights = weights or WEIGHTS

    def idf(token: str) -> float:
        return math.log(1 + documents / (1 + frequency.get(token, 0)))

    best = min(c.bm25 for c in candidates) or -1.0
    q_tri = trigrams(query.folded)
    q_prefixes = ["p:" + p for p in query.prefixes]
    scored = []
    for order, c in enumerate(candidates):
        a = c.analysis
        s = weights.bm25 * (c.bm25 / best if best < 0 else 0.0)
        s += weights.terms * _weighted_f(query.terms, a.terms, idf)
        s += weights.prefixes * _weighted_f(q_prefixes, ("p:" + p for p in a.prefixes), idf)
        d_tri = trigrams(a.folded)
        if q_tri and d_tri:
            s += weights.trigrams * 2 * len(q_tri & d_tri) / (len(q_tri) + len(d_tri))
        if query.numbers and a.numbers and not (query.numbers & a.numbers):
            s -= weights.numbers
        if query.entities:
            s += weights.entities * _weighted_f(query.entities, a.entities, idf)
        scored.append((s, -order, c.key))
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [(max(0.0, s), key) for s, _, key in scored]
