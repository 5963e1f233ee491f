"""EPUB import: chapters in spine order, blocks as from a simple web page, metadata from
the OPF, and the refusals (empty, DRM, damaged, entity tricks)."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.importers import import_bytes

SPANISH = "¿Cuántos niños? El 11,7 % — «según el INE» 😀👍🏽 Ñandú, pingüino, acción."
CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
             '</rootfiles></container>')


def xhtml(body: str, *, doctype: str = "<!DOCTYPE html>") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>{doctype}<html xmlns="http://www.w3.org/1999/xhtml" '
            f'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Capítulo</title></head>'
            f'<body>{body}</body></html>')


def epub(chapters: list[str], *, metadata: str = "<dc:title>Libro</dc:title>", spine: str | None = None,
         manifest: str = "", extra: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("META-INF/container.xml", CONTAINER)
        items = "".join(f'<item id="c{i}" href="text/ch%20{i}.xhtml" media-type="application/xhtml+xml"/>'
                        for i in range(len(chapters)))
        refs = spine if spine is not None else "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
        archive.writestr("OEBPS/content.opf", (
            '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
            f'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">{metadata}</metadata>'
            f'<manifest>{items}{manifest}</manifest><spine>{refs}</spine></package>'))
        for i, chapter in enumerate(chapters):
            archive.writestr(f"OEBPS/text/ch {i}.xhtml", chapter)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_chapters_in_spine_order_as_blocks():
    first = xhtml('<section><h1>Capítulo 1</h1><p>Hola&nbsp;mundo, <em>con énfasis</em>.<br/>Otra línea.</p>'
                  '<div>Suelto <span>texto</span><p>dentro</p>cola</div>'
                  '<ul><li>uno</li><li>dos<ol><li>dos a</li></ol></li></ul>'
                  '<table><tr><th>Año</th><th>Paro</th></tr><tr><td>2024</td><td>11,7 %</td></tr></table>'
                  '<script>var x = 1;</script></section>')
    second = xhtml('<h2>Capítulo 2</h2><p>Fin.</p>')
    # The spine reads the second file first.
    article = import_bytes(epub([second, first], spine='<itemref idref="c1"/><itemref idref="c0"/>'), "libro.epub")
    assert article.text == ("Capítulo 1\n\nHola mundo, con énfasis.\nOtra línea.\n\nSuelto texto\n\ndentro\n\n"
                            "cola\n\n• uno\n\n• dos\n\n  1. dos a\n\nAño | Paro\n2024 | 11,7 %\n\n"
                            "Capítulo 2\n\nFin.")
    assert article.source_format == "epub"
    assert article.mime == "application/epub+zip"


def test_the_navigation_document_and_non_linear_chapters():
    nav = xhtml('<nav epub:type="toc"><ol><li><a href="ch 0.xhtml">Capítulo 1</a></li></ol></nav>')
    notes = xhtml("<p>Nota emergente.</p>")
    body = xhtml("<p>Texto.</p>")
    manifest = '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    data = epub([notes, body], manifest=manifest, extra={"OEBPS/nav.xhtml": nav},
                spine='<itemref idref="nav"/><itemref idref="c0" linear="no"/><itemref idref="c1"/>')
    assert import_bytes(data, "a.epub").text == "Texto.\n\nNota emergente."


def test_spanish_text_with_emoji_survives_exactly():
    decomposed = unicodedata.normalize("NFD", SPANISH)
    article = import_bytes(epub([xhtml(f"<p>{SPANISH}</p><p>{decomposed}</p>")]), "a.epub")
    assert article.text == f"{SPANISH}\n\n{SPANISH}"


def test_metadata_from_the_package_document():
    metadata = ('<dc:title>Mi libro</dc:title><dc:creator>Ana Pérez</dc:creator><dc:creator>Luis Gil</dc:creator>'
                '<dc:language>es</dc:language><dc:publisher>Editorial Sur</dc:publisher>'
                '<dc:date>2021-03-04T00:00:00Z</dc:date>')
    article = import_bytes(epub([xhtml("<p>Texto.</p>")], metadata=metadata), "a.epub")
    assert (article.title, article.author, article.outlet) == ("Mi libro", "Ana Pérez, Luis Gil", "Editorial Sur")
    assert (article.language, article.published_at) == ("es", "2021-03-04")


def test_entity_declarations_in_a_chapter_are_not_expanded():
    laughs = ('<!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
              '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>')
    article = import_bytes(epub([xhtml("<p>Antes &lol2; después</p>", doctype=laughs)]), "a.epub")
    assert "lollol" not in article.text
    assert article.text.startswith("Antes") and article.text.endswith("después")
    assert "]>" not in article.text


def test_an_empty_book_has_no_text():
    with pytest.raises(ImportRefused, match="^The e-book has no text.$"):
        import_bytes(epub([xhtml('<p> </p><img src="cover.jpg" alt=""/>')]), "vacio.epub")


def test_a_book_with_drm_is_refused():
    encryption = ('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                  'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                  '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                  '<enc:CipherData><enc:CipherReference URI="OEBPS/text/ch%200.xhtml"/></enc:CipherData>'
                  '</enc:EncryptedData></encryption>')
    data = epub([xhtml("<p>x</p>")], extra={"META-INF/encryption.xml": encryption})
    with pytest.raises(ImportRefused, match=r"protected against copying \(DRM\)"):
        import_bytes(data, "a.epub")


def test_obfuscated_fonts_are_no_reason_to_refuse():
    encryption = ('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                  'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                  '<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
                  '<enc:CipherData><enc:CipherReference URI="OEBPS/fonts/a.otf"/></enc:CipherData>'
                  '</enc:EncryptedData></encryption>')
    data = epub([xhtml("<p>Texto.</p>")], extra={"META-INF/encryption.xml": encryption})
    assert import_bytes(data, "a.epub").text == "Texto."


def test_damaged_and_forged_books_are_refused():
    data = epub([xhtml("<p>Texto.</p>")])
    with pytest.raises(ImportRefused, match="This e-book \\(EPUB\\) is damaged"):
        import_bytes(data[: len(data) // 2], "a")
    no_container = io.BytesIO()
    with zipfile.ZipFile(no_container, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
    with pytest.raises(ImportRefused, match="damaged"):
        import_bytes(no_container.getvalue(), "a.epub")
    outside = epub([xhtml("<p>x</p>")], spine='<itemref idref="evil"/>',
                   manifest='<item id="evil" href="../../../etc/passwd" media-type="application/xhtml+xml"/>')
    with pytest.raises(ImportRefused, match="has no text"):
        import_bytes(outside, "a.epub")


def test_progress_counts_chapters_and_cancel_stops():
    data = epub([xhtml("<p>Uno.</p>"), xhtml("<p>Dos.</p>"), xhtml("<p>Tres.</p>")])
    calls = []
    import_bytes(data, "a.epub", progress=lambda done, total: calls.append((done, total)) or True)
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    with pytest.raises(ImportCancelled):
        import_bytes(data, "a.epub", progress=lambda done, total: done < 2)
