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
