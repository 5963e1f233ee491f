from hypothesis import given
from hypothesis import strategies as st

from factcheck.core.segments import Segment, claims_at, segments, smallest_first


def test_overlapping_claims_split_into_flat_segments():
    segs = segments([("a", 0, 10), ("b", 5, 15), ("c", 20, 25)])
    assert segs == [
        Segment(0, 5, frozenset({"a"})),
        Segment(5, 10, frozenset({"a", "b"})),
        Segment(10, 15, frozenset({"b"})),
        Segment(20, 25, frozenset({"c"})),
    ]


def test_nested_and_identical_spans():
    segs = segments([("outer", 0, 30), ("inner", 10, 12), ("twin", 10, 12)])
    assert [(s.start, s.end, set(s.claim_ids)) for s in segs] == [
        (0, 10, {"outer"}), (10, 12, {"outer", "inner", "twin"}), (12, 30, {"outer"}),
    ]


def test_touching_spans_do_not_overlap():
    segs = segments([("a", 0, 5), ("b", 5, 9)])
    assert claims_at(segs, 4) == {"a"} and claims_at(segs, 5) == {"b"}


def test_click_resolution_smallest_first():
    spans = {"outer": (0, 30), "inner": (10, 12), "mid": (8, 20)}
    segs = segments([(k, *v) for k, v in spans.items()])
    assert smallest_first(claims_at(segs, 11), spans) == ["inner", "mid", "outer"]
    assert claims_at(segs, 31) == frozenset()


def test_empty_spans_are_ignored():
    assert segments([("a", 5, 5), ("b", 7, 3)]) == []


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=25))
def test_segments_cover_exactly_the_claimed_offsets(raw):
    spans = [(f"c{i}", min(a, b), max(a, b)) for i, (a, b) in enumerate(raw)]
    segs = segments(spans)
    for s, t in zip(segs, segs[1:]):
        assert s.end <= t.start
    for offset in range(62):
        expected = {cid for cid, a, b in spans if a <= offset < b}
        assert claims_at(segs, offset) == expected


@given(
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=30),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=3),
    st.integers(0, 29),
)
def test_resegment_equals_a_full_segmentation(raw, changes, drop):
    from factcheck.core.segments import resegment

    spans = {f"c{i}": (min(a, b), max(a, b)) for i, (a, b) in enumerate(raw) if a != b}
    old = segments([(k, *v) for k, v in spans.items()])
    touched = []
    if spans and drop < len(spans):
        key = sorted(spans)[drop]
        touched.append(spans.pop(key))
    for n, (a, b) in enumerate(changes):
        if a != b:
            spans[f"new{n}"] = (min(a, b), max(a, b))
            touched.append(spans[f"new{n}"])
    if not touched:
        return
    lo = min(s for s, _ in touched)
    hi = max(e for _, e in touched)
    i, j, new = resegment(old, spans, lo, hi)
    patched = old[:i] + new + old[j:]
    for offset in range(82):
        expected = {cid for cid, (a, b) in spans.items() if a <= offset < b}
        assert claims_at(patched, offset) == expected
    for s, t in zip(patched, patched[1:]):
        assert s.end <= t.start
