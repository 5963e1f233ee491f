"""OpenDocument text (.odt) import: text, lists, tables, notes, frames, tracked changes
accepted, comments left out, metadata, and the refusals."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from factcheck.core.errors import ImportRefused
from factcheck.importers import docx as docx_importer
from factcheck.importers import import_bytes

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{extra}'
            '</manifest:file-entry></manifest:manifest>')
SPANISH = "¿Cuántos niños? El 11,7 % — «según el INE» 😀👍🏽 Ñandú, pingüino, acción."


def odt(body: str, *, styles: str = "", meta: str = "", manifest_extra: str = "",
        content: str | None = None) -> bytes:
    """An .odt as LibreOffice lays it out: "mimetype" first and stored, then the XML parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content if content is not None else (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} office:version="1.3">'
            f'<office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>'
            f'{body}</office:text></office:body></office:document-content>'))
        archive.writestr("meta.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}>'
                                     f'<office:meta>{meta}</office:meta></office:document-meta>')
        archive.writestr("META-INF/manifest.xml", MANIFEST.format(extra=manifest_extra))
    return buffer.getvalue()


LIST_STYLE = ('<text:list-style style:name="L1">'
              '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
              '<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>'
              '</text:list-style><text:list-style style:name="L2">'
              '<text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>')


def test_paragraphs_headings_lists_and_tables_in_document_order():
    body = ('<text:h text:outline-level="1">Informe   anual</text:h>'
            '<text:p>El paro <text:span>bajó</text:span>.</text:p>'
            '<text:list text:style-name="L1"><text:list-item><text:p>uno</text:p></text:list-item>'
            '<text:list-item><text:p>dos</text:p><text:list><text:list-item><text:p>dos a</text:p>'
            '</text:list-item></text:list></text:list-item></text:list>'
            '<text:list text:style-name="L2"><text:list-item><text:p>viñeta</text:p></text:list-item></text:list>'
            '<table:table><table:table-column/><table:table-header-rows><table:table-row>'
            '<table:table-cell><text:p>Año</text:p></table:table-cell><table:table-cell><text:p>Paro</text:p>'
            '</table:table-cell><table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
            '</table:table-header-rows><table:table-row><table:table-cell><text:p>2024</text:p></table:table-cell>'
            '<table:covered-table-cell/></table:table-row></table:table>'
            '<text:section><text:p>En una sección.</text:p></text:section>')
    article = import_bytes(odt(body, styles=LIST_STYLE), "informe.odt")
    assert article.text == ("Informe anual\n\nEl paro bajó.\n\n1. uno\n\n2. dos\n\n  a) dos a\n\n• viñeta\n\n"
                            "Año | Paro\n2024\n\nEn una sección.")
    assert article.title == "Informe anual"
    assert article.source_format == "odt"
    assert article.mime == "application/vnd.oasis.opendocument.text"
    assert article.notices == ()


def test_spaces_tabs_line_breaks_notes_and_frames():
    body = ('<text:p>Dos<text:s text:c="2"/>espacios<text:tab/>tab<text:line-break/>línea'
            '<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
            '<text:note-body><text:p>Fuente: INE.</text:p></text:note-body></text:note>'
            '<draw:frame draw:name="f"><draw:text-box><text:p>Recuadro</text:p></draw:text-box></draw:frame>'
            ' y fin.</text:p>'
            '<text:p>Final<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation>'
            '<text:note-body><text:p>Nota final.</text:p></text:note-body></text:note></text:p>')
    assert import_bytes(odt(body), "a.odt").text == (
        "Dos  espacios\ttab\nlínea[1] y fin.\n\nRecuadro\n\nFinal[i]\n\n[1] Fuente: INE.\n\n[i] Nota final.")


def test_spanish_text_with_emoji_survives_exactly():
    decomposed = unicodedata.normalize("NFD", SPANISH)
    article = import_bytes(odt(f"<text:p>{SPANISH}</text:p><text:p>{decomposed}</text:p>"), "a.odt")
    assert article.text == f"{SPANISH}\n\n{SPANISH}"


def test_tracked_changes_are_accepted_and_the_user_is_told():
    body = ('<text:tracked-changes>'
            '<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Ana</dc:creator>'
            '<dc:date>2024-05-01T10:00:00</dc:date></office:change-info><text:p>12 %</text:p></text:deletion>'
            '</text:changed-region><text:changed-region text:id="ct2"><text:insertion><office:change-info>'
            '<dc:creator>Ana</dc:creator><dc:date>2024-05-01T10:00:00</dc:date></office:change-info>'
            '</text:insertion></text:changed-region></text:tracked-changes>'
            '<text:p>El paro bajó al <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>'
            '11,7 %<text:change-end text:change-id="ct2"/> en 2024.</text:p>')
    article = import_bytes(odt(body), "borrador.odt")
    assert article.text == "El paro bajó al 11,7 % en 2024."
    assert article.notices == (docx_importer.TRACKED_CHANGES,)


def test_comments_are_never_mixed_into_the_text():
    body = ('<text:p>La cifra <office:annotation office:name="c1"><dc:creator>Editor</dc:creator>'
            '<text:p>Comprobar con el INE</text:p></office:annotation>es falsa'
            '<office:annotation-end office:name="c1"/>.</text:p>')
    article = import_bytes(odt(body), "a.odt")
    assert article.text == "La cifra es falsa."
    assert article.notices == (docx_importer.COMMENTS,)


def test_metadata_from_meta_xml():
    meta = ('<dc:title>Cifras del paro</dc:title><meta:initial-creator>Ana Pérez</meta:initial-creator>'
            '<dc:creator>Luis</dc:creator><dc:language>es-ES</dc:language><dc:date>2024-05-01T10:00:00</dc:date>')
    article = import_bytes(odt("<text:p>Texto.</text:p>", meta=meta), "a.odt")
    assert (article.title, article.author, article.language) == ("Cifras del paro", "Ana Pérez", "es-ES")
    assert article.published_at == ""  # the date the file was saved, not published


def test_an_empty_document_has_no_text():
    with pytest.raises(ImportRefused, match="^The OpenDocument text file has no text.$"):
        import_bytes(odt("<text:p/><text:p>  </text:p>"), "vacio.odt")


def test_a_password_protected_document_says_to_save_it_without_the_password():
    encryption = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
                  '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/>'
                  '</manifest:encryption-data>')
    data = odt("", manifest_extra=encryption, content="\x8f\x01 encrypted bytes")
    with pytest.raises(ImportRefused, match="protected with a password.*save a copy without the password"):
        import_bytes(data, "secreto.odt")


def test_truncated_and_forged_documents_are_refused():
    data = odt("<text:p>Texto.</text:p>")
    for cut in (0.3, 0.7):
        with pytest.raises(ImportRefused, match="This OpenDocument text file is damaged"):
            import_bytes(data[: int(len(data) * cut)], "a")  # told by its stored "mimetype"
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            f'<office:document-content {NAMESPACES}><office:body><office:text><text:p>&b;</text:p>'
            '</office:text></office:body></office:document-content>')
    with pytest.raises(ImportRefused, match="declares entities or a DTD"):
        import_bytes(odt("", content=bomb), "a.odt")
    with pytest.raises(ImportRefused, match=r"named like an OpenDocument text file \(\.odt\)"):
        import_bytes(b"Plain text.", "a.odt")
