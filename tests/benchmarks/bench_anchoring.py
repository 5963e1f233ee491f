"""Re-locate 5,000 claims after 1% of a 1 MB article's words were edited."""

from __future__ import annotations

import time

from _corpus import article, claim_spans, edit, true_span

from factcheck.core import anchoring


def run() -> list[tuple[str, str, str]]:
    text = article()
    spans = claim_spans(text, 5000)
    anchors = [anchoring.describe(text, s, e) for s, e in spans]
    new_text, where = edit(text, 0.01)

    t0 = time.perf_counter()
    matches = anchoring.relocate_all(text, new_text, anchors)
    elapsed = time.perf_counter() - t0

    right = edited = edited_exact = orphaned = wrongly_orphaned = 0
    states: dict[str, int] = {}
    for (s, e), anchor, match in zip(spans, anchors, matches):
        state = match.state if match else "orphaned"
        states[state] = states.get(state, 0) + 1
        truth = true_span(where, s, e)
        words_edited = any(where[k] < 0 for k in range(s, e)) or (
            truth is not None and new_text[truth[0] : truth[1]] != anchor.quote.exact
        )
        if words_edited:
            edited += 1
            if match is not None and match.state in (anchoring.EXACT, anchoring.MOVED):
                edited_exact += 1
        if truth is None:
            right += match is None
            continue
        if match is None:
            wrongly_orphaned += 1
            continue
        overlap = max(0, min(match.end, truth[1]) - max(match.start, truth[0]))
        if overlap >= 0.9 * (truth[1] - truth[0]):
            right += 1
    n = len(spans)

    # Without the old text (e.g. annotations imported from elsewhere): quote search only.
    sample = list(zip(spans, anchors))[:1000]
    t0 = time.perf_counter()
    found = [anchoring.locate(new_text, a) for _, a in sample]
    quote_only = time.perf_counter() - t0
    quote_right = 0
    for ((s, e), _), match in zip(sample, found):
        truth = true_span(where, s, e)
        if truth is None or match is None:
            quote_right += truth is None and match is None
            continue
        overlap = max(0, min(match.end, truth[1]) - max(match.start, truth[0]))
        quote_right += overlap >= 0.9 * (truth[1] - truth[0])
    return [
        ("re-locate 5,000 claims after a 1% edit", f"{elapsed:.2f} s", "<= 2 s"),
        ("  found in the right place", f"{100 * right / n:.2f} %", ">= 99 %"),
        ("  claims with edited words reported exact/moved", f"{edited_exact} of {edited}", "0"),
        ("  wrongly orphaned", str(wrongly_orphaned), ""),
        ("  states", ", ".join(f"{k} {v}" for k, v in sorted(states.items())), ""),
        ("locate 1,000 claims by quote alone (no diff)", f"{quote_only:.2f} s", ""),
        ("  found in the right place", f"{100 * quote_right / len(sample):.1f} %", ""),
    ]
