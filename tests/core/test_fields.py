"""Validators every entry point shares: dates, URLs, one-sentence summaries, lengths."""

import pytest

from factcheck.core import fields
from factcheck.core.errors import InvalidInput


@pytest.mark.parametrize("value", ["", "2025", "2025-10", "2025-10-24", " 2024-02-29 "])
def test_dates_accepted(value):
    assert fields.date(value) == value.strip()


@pytest.mark.parametrize("value", ["last Tuesday", "24/10/2025", "2025-13", "2025-02-30", "0999", "2025-1-5",
                                   "2025-10-24T10:00"])
def test_dates_refused_with_what_to_write(value):
    with pytest.raises(InvalidInput, match="YYYY|not a date|plausible"):
        fields.date(value)
    assert fields.date_problem(value)


@pytest.mark.parametrize("value", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)",
    "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
    "file:///etc/passwd", "ftp://example.org/x", "https://", "mailto:ana@example.org",
])
def test_urls_other_than_web_addresses_are_refused(value):
    with pytest.raises(InvalidInput):
        fields.url(value)
    assert fields.safe_url(value) == ""
    assert fields.url_problem(value)


@pytest.mark.parametrize("value, kept", [
    ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
    ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
    ("  https://example.org/x ", "https://example.org/x"),
    ("example.org/page", "https://example.org/page"),
    ("", ""),
])
def test_web_addresses_are_kept(value, kept):
    assert fields.url(value) == kept


@pytest.mark.parametrize("summary", [
    "The U.S. cut aid.", "Sen. Warren did not vote on the bill.", "No evidence was provided linking the president to drug trafficking.",
    "El Sr. Petro no dijo eso.", "¿Redujo EE.UU. la ayuda? No.",
    "La ayuda de EE. UU. a Colombia caerá al menos un 20 %.", "Lo confirmaron las FF. AA. de Colombia.",
    "Lo dijo el Gral. Zapateiro en Bogotá.",
])
def test_one_sentence_summaries(summary):
    if summary.startswith("¿"):
        assert fields.sentence_count(summary) == 2
    else:
        assert fields.sentence_count(summary) == 1
        assert fields.summary_problem(summary) == ""


def test_a_spanish_second_sentence_after_initials_still_counts():
    assert fields.sentence_count("Lo dijo la OEA. Luego habló Petro.") == 2


def test_two_sentences_are_named():
    assert fields.sentence_count("It is false. The data say otherwise.") == 2
    assert "one sentence" in fields.summary_problem("It is false. The data say otherwise.")


def test_text_limits_and_nul():
    with pytest.raises(InvalidInput, match="limit"):
        fields.text("x" * (fields.MAX_TEXT + 1), "rationale")
    with pytest.raises(InvalidInput, match="NUL"):
        fields.text("a\x00b", "statement")
    assert fields.line(" a\n b  c ", "title") == "a b c"


def test_tags_are_folded_and_deduplicated():
    assert fields.tags("economy, economy ,  foreign   policy,") == ["economy", "foreign policy"]
    assert fields.tags(["a", "a", " b "]) == ["a", "b"]


@pytest.mark.parametrize("summary", [
    "Le chiffre est faux. À Paris, il est plus bas.", "Die Zahl ist falsch. Über die Hälfte fehlt.",
    "Es falso. «Nunca lo dijo», aclaró.", 'He said "no." Then he left.', "Это ложь. Данные другие.",
])
def test_second_sentences_in_any_script_are_counted(summary):
    assert fields.sentence_count(summary) == 2


@pytest.mark.parametrize("value", ["٢٠٢٥-١٠-٢٤", "２０２５-10-24"])
def test_dates_are_written_in_ascii_digits(value):
    with pytest.raises(InvalidInput):
        fields.date(value)


@pytest.mark.parametrize("value", ["http://exa mple.org", "10.1000/182", "https://example.org:port/"])
def test_not_quite_urls_are_refused(value):
    with pytest.raises(InvalidInput):
        fields.url(value)


@pytest.mark.parametrize("value", ["https://例え.jp/パス", "https://example.org:8443/x", "http://[::1]/x"])
def test_real_urls_are_kept(value):
    assert fields.url(value) == value
