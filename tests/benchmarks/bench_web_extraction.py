"""Article-body extraction on generated news pages: trafilatura alone against the second-opinion rule.

Each page template is a way real news pages are built (clean; a newsletter box or a
"Related stories" list inside the article; inline "Read more" links; a paywalled part a
subscriber saved; a paragraph in a container whose class looks like boilerplate;
paragraphs as ``<br>``-separated text; a reader-comments section; a JSON-LD body, true or
lying; an author's bio; short one-sentence paragraphs; teaser cards under "More on this
story"); 12 pages each, with random text. The templates were written with the rule, so
they show what it fixes and that it breaks nothing it was not meant to touch; they are
not a sample of the web. The figure is word-level F1 (bag of words,
headline left out) against the article's own paragraphs, and the time per page.
"""

from __future__ import annotations

import json
import random
import time

from _corpus import WORDS

from factcheck.importers import _article_body, import_bytes

PAGES_PER_TEMPLATE = 12


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 24))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    return [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(count)]


def _p(texts) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _page(rng, article_html: str, head: str = "", after: str = "") -> str:
    nav = " ".join(f"<a href='/s{n}'>{rng.choice(WORDS).capitalize()}</a>" for n in range(8))
    aside = "".join(f"<li><a href='/t{n}'>{_sentence(rng)}</a></li>" for n in range(5))
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Headline | Site</title>{head}"
            f"</head><body><header><a href='/'>The Daily Example</a></header><nav>{nav}</nav><main>"
            f"<article><h1>Headline of the story</h1><p class='byline'>By Ana Ruiz</p>{article_html}</article>"
            f"{after}<aside><h2>Most read</h2><ul>{aside}</ul></aside></main>"
            "<footer><p>© 2025 The Daily Example. All rights reserved.</p></footer></body></html>")


def _ld(body: str) -> str:
    return ("<script type='application/ld+json'>" + json.dumps(
        {"@type": "NewsArticle", "headline": "Headline of the story", "articleBody": body}) + "</script>")


def _templates():
    def clean(rng, gold):
        caption = f"<figure><img src='x.jpg'><figcaption>{_sentence(rng)}</figcaption></figure>"
        return _page(rng, _p(gold[:3]) + caption + f"<blockquote><p>{gold[3]}</p></blockquote>" + _p(gold[4:]))

    def newsletter(rng, gold):
        box = ("<div class='box'><h3>Get our morning briefing</h3><p>Sign up to receive the top stories "
               "straight to your inbox every morning.</p><p>Enter your email address below. You can "
               "unsubscribe at any time.</p></div>")
        return _page(rng, _p(gold[:3]) + box + _p(gold[3:]))

    def related(rng, gold):
        links = "".join(f"<p><a href='/r{n}'>{_sentence(rng)[:60]}</a></p>" for n in range(3))
        return _page(rng, _p(gold) + "<p><strong>Related stories</strong></p>" + links)

    def read_more(rng, gold):
        inline = f"<p>Read more: <a href='/x'>{_sentence(rng)[:70]}</a></p>"
        return _page(rng, _p(gold[:2]) + inline + _p(gold[2:4]) + inline + _p(gold[4:]))

    def paywall(rng, gold):
        return _page(rng, _p(gold[:2]) + f"<div id='premium-content'>{_p(gold[2:])}</div>")

    def paid_class(rng, gold):
        return _page(rng, _p(gold[:3]) + f"<div class='paid-content'>{_p(gold[3:])}</div>")

    def bottom_class(rng, gold):
        return _page(rng, _p(gold[:3]) + f"<div class='story-bottom'>{_p(gold[3:5])}</div>" + _p(gold[5:]))

    def br_paragraphs(rng, gold):
        return _page(rng, _p(gold[:2]) + "<div class='text'>" + "<br><br>".join(gold[2:]) + "</div>")

    def comments(rng, gold):
        thread = "".join(f"<div class='comment'><p class='author'>user{n}</p><p>{_sentence(rng)}</p></div>"
                         for n in range(6))
        return _page(rng, _p(gold), after=f"<section id='comments'><h3>Comments</h3>{thread}</section>")

    def json_ld_true(rng, gold):
        return _page(rng, _p(gold[:2]) + f"<div id='premium-content'>{_p(gold[2:])}</div>",
                     head=_ld("\n".join(gold)))

    def json_ld_lie(rng, gold):
        lie = " ".join(_sentence(rng) for _ in range(6))
        return _page(rng, _p(gold), head=_ld(" ".join(gold) + " " + lie))

    def author_bio(rng, gold):
        bio = (f"<div class='bio'><p>Ana Ruiz is a reporter who has covered {rng.choice(WORDS)} and "
               f"{rng.choice(WORDS)} for the paper since 2015. {_sentence(rng)} {_sentence(rng)}</p></div>")
        return _page(rng, _p(gold) + bio)

    def short_paragraphs(rng, gold):
        # Real short paragraphs (one sentence each) after a subheading: nothing to drop.
        return _page(rng, _p(gold[:3]) + "<h2>What happens next</h2>" + _p(gold[3:]))

    def teasers_inside(rng, gold):
        teasers = "".join(f"<div class='card'><h3><a href='/c{n}'>{_sentence(rng)[:50]}</a></h3>"
                          f"<p>{_sentence(rng)} {_sentence(rng)}</p></div>" for n in range(3))
        return _page(rng, _p(gold) + "<h2>More on this story</h2>" + teasers)

    return [clean, newsletter, related, read_more, paywall, paid_class, bottom_class, br_paragraphs,
            comments, json_ld_true, json_ld_lie, author_bio, short_paragraphs, teasers_inside]


def _f1(gold: list[str], text: str) -> float:
    truth: dict[str, int] = {}
    for word in _article_body.words(" ".join(gold)):
        truth[word] = truth.get(word, 0) + 1
    got = [w for w in _article_body.words(text.replace("Headline of the story", ""))]
    if not got:
        return 0.0
    held, left = 0, dict(truth)
    for word in got:
        if left.get(word, 0) > 0:
            left[word] -= 1
            held += 1
    precision, recall = held / len(got), held / sum(truth.values())
    return 0.0 if not held else 2 * precision * recall / (precision + recall)


def _alone():
    """Switch the second opinion off (returns a function that switches it back on)."""
    saved = (_article_body.drop_boilerplate, _article_body.readability_blocks, _article_body.agrees)
    _article_body.drop_boilerplate = lambda blocks: list(blocks)
    _article_body.readability_blocks = lambda html: []
    _article_body.agrees = lambda claimed, visible: False

    def restore():
        (_article_body.drop_boilerplate, _article_body.readability_blocks, _article_body.agrees) = saved

    return restore


def run() -> list[tuple[str, str, str]]:
    rows = []
    totals = {"alone": [], "rule": []}
    times = {"alone": 0.0, "rule": 0.0}
    pages = 0
    for template in _templates():
        scores = {"alone": [], "rule": []}
        for seed in range(PAGES_PER_TEMPLATE):
            rng = random.Random(f"{template.__name__}-{seed}")
            gold = _paragraphs(rng, rng.randint(6, 10))
            if template.__name__ == "short_paragraphs":
                gold = gold[:3] + [_sentence(rng) for _ in range(4)]
            data = template(rng, gold).encode()
            for mode in ("alone", "rule"):
                restore = _alone() if mode == "alone" else (lambda: None)
                try:
                    t0 = time.perf_counter()
                    text = import_bytes(data, "page.html").text
                    times[mode] += time.perf_counter() - t0
                finally:
                    restore()
                scores[mode].append(_f1(gold, text))
            pages += 1
        for mode in scores:
            totals[mode].extend(scores[mode])
        alone = sum(scores["alone"]) / len(scores["alone"])
        rule = sum(scores["rule"]) / len(scores["rule"])
        rows.append((f"F1 {template.__name__}: trafilatura alone -> with the rule", f"{alone:.3f} -> {rule:.3f}", ""))
    alone = sum(totals["alone"]) / len(totals["alone"])
    rule = sum(totals["rule"]) / len(totals["rule"])
    rows.append((f"F1 all {pages} pages: trafilatura alone -> with the rule", f"{alone:.3f} -> {rule:.3f}",
                 ">= trafilatura"))
    rows.append(("time per page: trafilatura alone -> with the rule",
                 f"{times['alone'] / pages * 1000:.0f} ms -> {times['rule'] / pages * 1000:.0f} ms", ""))
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
