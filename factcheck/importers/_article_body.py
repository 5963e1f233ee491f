"""A second opinion on the article text trafilatura finds in a web page.

trafilatura is the best open extractor on news pages, but it is tuned for precision: on
some pages it cuts the article short (a paragraph in a container whose class looks like
boilerplate, a paywalled section a subscriber saved, text in ``<div>``s split by
``<br>``), and on others it keeps a newsletter box or a "Related stories" list that sits
inside the article. The rule, in order:

1. **Boilerplate runs go.** In every candidate, a block that is a boilerplate marker
   ("Related stories", "Most read", "Get our morning newsletter", "Advertisement",
   "Noticias relacionadas"...: the marker alone or with up to 5 words, or followed by a
   colon and a headline, "Read more: ...", "Lee también: ...") is dropped; after a list
   heading ("Related stories") the short blocks that follow (under 20 words: the linked
   headlines) go too, up to the next real paragraph; after a newsletter marker, the
   blocks that speak of inboxes, e-mail addresses or signing up.
   A short block (under 40 words) that names two such things ("inbox", "unsubscribe")
   is a newsletter pitch wherever it stands.
2. **JSON-LD ``articleBody`` is a yardstick only when it agrees with the page.** It
   counts when at least 80% of its sentences (of 4 words or more) are found, word for
   word, in the text the page shows (scripts, styles and hidden elements left out), so
   structured data that says something else than the page cannot put words in the
   article. When it counts, trafilatura's text stands if it holds at least 90% of the
   body's words; else readability-lxml's, if it does; else the page's own visible blocks
   that lie inside the body, if they do; else trafilatura's, unless another holds clearly
   more of it (5 points).
   Text is always taken from the page, never from the JSON-LD itself.
3. **Otherwise readability-lxml is asked.** Its text replaces trafilatura's when it holds
   trafilatura's paragraphs (90% of their words, in the same order) and adds either a
   paragraph of 15 words or more between two of them (a dropped paragraph) or, after
   the last, at least 30 words and a quarter more text (a cut end). readability's text is
   then taken from trafilatura's first paragraph on, with trafilatura's blocks before it
   (the headline readability leaves out, not the byline it keeps). Figure captions are
   left out of readability's text, as trafilatura leaves them out of its own.

Pages over ``SECOND_OPINION_LIMIT`` characters are left to trafilatura alone.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from factcheck.importers._normalize import collapse_spaces

LOGGER = logging.getLogger(__name__)

#: Largest page (characters of HTML) readability-lxml is run on: its scoring walks the
#: tree several times; on a multi-megabyte page the second opinion would cost seconds.
SECOND_OPINION_LIMIT = 3_000_000

#: Share of JSON-LD sentences that must be visible on the page for the body to count.
AGREEMENT = 0.8
#: Share of a believed JSON-LD body's words a candidate must hold to stand.
COVERAGE = 0.9
#: How much more of a believed JSON-LD body another candidate must hold, when none holds
#: ``COVERAGE``, to be taken over trafilatura's.
CLEARLY_MORE = 0.05
#: A dropped paragraph: words readability finds between two of trafilatura's paragraphs.
GAP_WORDS = 15
#: A cut end: words readability finds after trafilatura's last paragraph (and a quarter more).
TAIL_WORDS = 30
TAIL_SHARE = 0.25
#: Blocks this long or longer are real paragraphs; shorter ones after a list marker are links.
PARAGRAPH_WORDS = 20
#: A marker block: the marker alone or with a few words ("Related stories from Politics":
#: ``MARKER_ALONE`` words at most), or the marker, a colon (or a bar, a dash) and a linked
#: headline ("Read more: ...": ``MARKER_WORDS`` at most). "Recommended doses were halved"
#: is a sentence, not a marker.
MARKER_ALONE = 5
MARKER_WORDS = 24

_LIST_MARKERS = re.compile(
    r"^(?:related(?: stories| articles| content| coverage| news| posts| reading| links| topics)?\b"
    r"|read (?:more|next|also)\b|more (?:from|on|stories|news|in|about)\b|see also\b|also read\b"
    r"|most (?:read|popular|viewed|shared)\b|recommended\b|top stories\b|trending\b"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|in other news\b|editor'?s picks\b"
    r"|noticias relacionadas|relacionad[oa]s?\b|(?:lee|lea|leer) (?:también|más)\b"
    r"|(?:te|le|les) (?:puede|podría|pueden|podrían) interesar|lo más (?:leído|visto)"
    r"|(?:las )?más (?:leídas|vistas)|más (?:noticias|información) sobre|te recomendamos"
    r"|recomendad[oa]s\b|tendencias\b|últimas noticias\b|(?:à )?lire aussi\b|mehr zum thema\b"
    r"|leia (?:também|mais)\b)",
    re.I,
)
_NEWSLETTER_MARKERS = re.compile(
    r"^(?:(?:sign up|subscribe|get|join|receive|apúntate|suscr[ií]b[ea]te?|recibe)\b.{0,60}"
    r"\b(?:newsletters?|briefing|bulletin|e-?mails?|inbox|updates|boletín|correo)\b"
    r"|(?:the |our )?.{0,30}newsletters?\b|sign up\b|subscribe\b|suscr[ií]b[ea]te\b|boletín\b)",
    re.I,
)
#: What a newsletter pitch says: a short block with two of these (distinct) is one.
_PITCH = re.compile(
    r"\b(?:inbox|unsubscribe|e-?mail address|sign(?:ing)? up|subscribe|newsletter|privacy policy"
    r"|bandeja de entrada|correo electrónico|suscr[ií]b\w*|darte de baja|boletín)\b", re.I)
PITCH_WORDS = 40
_LABEL_MARKERS = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|promoted(?: stories)?|share this\b"
    r"|share on\b|follow us\b|publicidad|anuncio|contenido patrocinado|comparte\b|compartir\b"
    r"|síguenos\b)",
    re.I,
)

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")

#: Never visible: their text is code, a fallback or a form's inner state.
_INVISIBLE = frozenset({
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe",
    "frame", "object", "embed", "select", "option", "datalist", "textarea", "canvas",
    "audio", "video", "button",
})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
    "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
    "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "address", "hr", "form",
    "fieldset", "details", "summary", "caption", "center", "body", "html",
})


# --------------------------------------------------------------------------- the rule


def choose(first: list[str], *, html: str, tree, claimed: str = "") -> tuple[list[str], str]:
    """The article's blocks and where they come from ("trafilatura", "readability", "page").

    ``first`` is trafilatura's blocks (possibly empty), ``html`` the page, ``tree`` its lxml
    tree (read, not changed), ``claimed`` the JSON-LD ``articleBody`` ('' if none).
    """
    first = drop_boilerplate(first)
    claimed_words = words(claimed) if claimed else []
    believed = bool(claimed_words) and agrees(claimed, visible_text(tree))
    if not first and not believed:
        return first, "trafilatura"
    second = drop_boilerplate(readability_blocks(html)) if len(html) <= SECOND_OPINION_LIMIT else []

    if believed:
        if first and coverage(claimed_words, first) >= COVERAGE:
            return first, "trafilatura"
        if second and coverage(claimed_words, second) >= COVERAGE:
            return _joined(first, second), "readability"
        guided = blocks_inside(page_blocks(tree), claimed)
        if guided and coverage(claimed_words, guided) >= COVERAGE:
            return guided, "page"
        # None holds enough: another than trafilatura's only if it holds clearly more.
        best, source, held = first, "trafilatura", coverage(claimed_words, first)
        for blocks, name in ((_joined(first, second), "readability"), (guided, "page")):
            if blocks and coverage(claimed_words, blocks) > held + CLEARLY_MORE:
                best, source, held = blocks, name, coverage(claimed_words, blocks)
        return best, source

    if second and extends(first, second):
        return _joined(first, second), "readability"
    return first, "trafilatura"


def _joined(first: list[str], second: list[str]) -> list[str]:
    """readability's blocks from trafilatura's first paragraph on, with trafilatura's blocks
    before it (the headline readability leaves out; not the byline or kicker it keeps)."""
    if not first or not second:
        return second
    text = " " + " ".join(words("\n".join(second))) + " "
    for index, block in enumerate(first):
        key = " " + " ".join(words(block)) + " "
        if len(key.split()) >= PARAGRAPH_WORDS and key in text:  # its first real paragraph
            for start, candidate in enumerate(second):
                inner = " " + " ".join(words(candidate)) + " "
                if inner.strip() and (inner in key or key in inner):
                    return first[:index] + second[start:]
            return first[:index] + second
    return second


def drop_boilerplate(blocks: list[str]) -> list[str]:
    """``blocks`` without boilerplate runs (rule 1 of the module docstring)."""
    kept: list[str] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        head = block.lstrip("•*#-–—>|: \t").strip()
        count = len(_WORD.findall(block))
        index += 1
        if _pitch(block, 2):
            continue
        if count > MARKER_WORDS or not head:
            kept.append(block)
        elif _marker(_NEWSLETTER_MARKERS, head, count):
            while index < len(blocks) and _pitch(blocks[index], 1):
                index += 1
        elif _marker(_LIST_MARKERS, head, count):
            if count <= MARKER_ALONE:  # a heading over a list; "Read more: <headline>" is alone
                while index < len(blocks) and len(_WORD.findall(blocks[index])) < PARAGRAPH_WORDS:
                    index += 1
        elif not _marker(_LABEL_MARKERS, head, count):
            kept.append(block)
    return kept if kept else list(blocks)


def _marker(pattern: re.Pattern, head: str, count: int) -> bool:
    """Whether a block (its text ``head``, ``count`` words) is a marker of ``pattern``."""
    found = pattern.match(head)
    if not found:
        return False
    rest = head[found.end():].lstrip()
    return count <= MARKER_ALONE or not rest or rest[0] in ":|»›>–—-·"


def _pitch(block: str, needed: int) -> bool:
    """Whether a block (under ``PITCH_WORDS`` words) names ``needed`` distinct newsletter terms."""
    if len(_WORD.findall(block)) >= PITCH_WORDS:
        return False
    return len({m.group(0).lower() for m in _PITCH.finditer(block)}) >= needed


def agrees(claimed: str, visible: str) -> bool:
    """Whether most of ``claimed``'s sentences (4+ words) appear in ``visible``, word for word."""
    page = " " + " ".join(words(visible)) + " "
    sentences = [tokens for tokens in (words(s) for s in _SENTENCE_END.split(claimed)) if len(tokens) >= 4]
    if not sentences:
        return False
    found = sum(1 for tokens in sentences if " " + " ".join(tokens) + " " in page)
    return found >= AGREEMENT * len(sentences)


def coverage(reference: list[str], blocks: list[str]) -> float:
    """The share of ``reference``'s words (with repeats) that ``blocks`` hold."""
    if not reference or not blocks:
        return 0.0
    counts: dict[str, int] = {}
    for word in words("\n".join(blocks)):
        counts[word] = counts.get(word, 0) + 1
    held = 0
    for word in reference:
        if counts.get(word, 0) > 0:
            counts[word] -= 1
            held += 1
    return held / len(reference)


def extends(first: list[str], second: list[str]) -> bool:
    """Whether ``second`` holds ``first`` in order and adds what trafilatura cut (rule 3)."""
    text = " " + " ".join(words("\n".join(second))) + " "
    total = sum(len(words(block)) for block in first)
    if not total:
        return False
    position, found, spans = 0, 0, []
    for block in first:
        tokens = words(block)
        if not tokens:
            continue
        key = " " + " ".join(tokens) + " "
        at = text.find(key, position)
        if at < 0:
            continue
        found += len(tokens)
        spans.append((at, at + len(key) - 1))
        position = at + len(key) - 1
    if not spans or found < 0.9 * total:
        return False
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if text.count(" ", end, start + 1) - 1 >= GAP_WORDS:
            return True
    tail = text.count(" ", spans[-1][1]) - 1
    return tail >= TAIL_WORDS and tail >= TAIL_SHARE * total


def blocks_inside(blocks: list[str], claimed: str) -> list[str]:
    """The blocks whose words run inside ``claimed`` (in page order, repeats dropped)."""
    body = " " + " ".join(words(claimed)) + " "
    kept: list[str] = []
    for block in blocks:
        tokens = words(block)
        if tokens and " " + " ".join(tokens) + " " in body and block not in kept:
            kept.append(block)
    return kept


# --------------------------------------------------------------------------- the page's text


def words(text: str) -> list[str]:
    """Words for comparing texts: case, accents' composition, quotes and punctuation ignored."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u00ad", "")
    return _WORD.findall(text)


def _hidden(element) -> bool:
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def page_blocks(root) -> list[str]:
    """The visible text of an lxml element as blocks: paragraphs, headings, list items
    ("• "), table rows; ``<br><br>`` inside a block starts a new one. Iterative, so a
    deeply nested page does not exhaust Python's stack."""
    from lxml import etree

    if root is None:
        return []
    blocks: list[str] = []
    buffer: list[str] = []
    prefix = [""]  # "• " while a list item's text has not been written yet

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        for piece in re.split(r"\n[ \t\r\f\v]*\n", text):
            lines = (collapse_spaces(line) for line in piece.split("\n"))
            piece = "\n".join(line for line in lines if line)
            if piece:
                blocks.append(prefix[0] + piece)
                prefix[0] = ""

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None:  # a comment or processing instruction: only its tail is text
            if event in ("comment", "pi") and element.tail:
                buffer.append(element.tail)
            continue
        tag = tag.lower().rpartition("}")[2]
        if event == "start":
            if tag in _INVISIBLE or _hidden(element):
                walker.skip_subtree()
                continue
            if tag == "br":
                buffer.append("\n")
            elif tag in ("td", "th"):
                buffer.append(" ")
            elif tag in _BLOCKS:
                flush()
                if tag == "li":
                    prefix[0] = "• "
            if element.text and tag not in ("br", "hr"):
                buffer.append(element.text)
        else:
            if tag in ("td", "th"):
                buffer.append(" ")
            elif tag in _BLOCKS:
                flush()
                if tag == "li":
                    prefix[0] = ""
            if element.tail:
                buffer.append(element.tail)
    flush()
    return blocks


def visible_text(tree) -> str:
    """All the text a reader of the page could see, one block a line."""
    if tree is None:
        return ""
    body = tree.find("body")
    return "\n".join(page_blocks(body if body is not None else tree))


def readability_blocks(html: str) -> list[str]:
    """readability-lxml's article as blocks ([] when it finds none or fails)."""
    try:
        from readability import Document

        for name in ("readability", "readability.readability"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        summary = Document(html).summary(html_partial=True)
        import lxml.html

        fragment = lxml.html.fragment_fromstring(summary, create_parent="div")
        for caption in list(fragment.iter("figcaption", "figure")):  # trafilatura leaves them out too
            if caption.getparent() is not None:
                caption.drop_tree()
        return page_blocks(fragment)
    except Exception:  # noqa: BLE001 - a second opinion that fails is simply not given
        LOGGER.debug("readability-lxml gave no second opinion", exc_info=True)
        return []
