"""Word (.docx) import: text in document order, lists, tables, notes, text boxes, tracked
changes accepted, comments left out, metadata, and the refusals (empty, protected, .doc)."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

import docx
import pytest

from factcheck.core.errors import ImportCancelled, ImportRefused
from factcheck.importers import docx as docx_importer
from factcheck.importers import import_bytes, import_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="wps"'
)
SPANISH = "¿Cuántos niños? El 11,7 % — «según el INE» 😀👍🏽 Ñandú, pingüino, acción."


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word(*paragraphs: str, **properties) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for key, value in properties.items():
        setattr(document.core_properties, key, value)
    return saved(document)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def word_xml(body: str, parts: dict[str, str] | None = None) -> bytes:
    """A python-docx document whose body is ``body`` (WordprocessingML) and which holds
    the extra ``parts`` ("footnotes", "endnotes", "comments": their XML), wired up with
    relationships and content types as Word writes them."""
    parts = parts or {}
    source = zipfile.ZipFile(io.BytesIO(word()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}><w:body>{body}</w:body></w:document>'.encode()
            elif info.filename == "word/_rels/document.xml.rels":
                extra = "".join(
                    f'<Relationship Id="rIdX{kind}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{kind}.xml"/>'
                    for kind in parts)
                data = data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                extra = "".join(
                    f'<Override PartName="/word/{kind}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>'
                    for kind in parts)
                data = data.replace(b"</Types>", extra.encode() + b"</Types>")
            archive.writestr(info.filename, data)
        for kind, xml in parts.items():
            archive.writestr(f"word/{kind}.xml", f'<?xml version="1.0" encoding="UTF-8"?>{xml}')
    return buffer.getvalue()


def notes(kind: str, *texts: str) -> str:
    tag = kind[:-1]
    ref = "footnoteRef" if tag == "footnote" else "endnoteRef"
    body = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
            f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>')
    for number, text in enumerate(texts, 1):
        body += f'<w:{tag} w:id="{number}"><w:p><w:r><w:{ref}/></w:r>{run(" " + text)}</w:p></w:{tag}>'
    return f"<w:{kind} {NAMESPACES}>{body}</w:{kind}>"


# --------------------------------------------------------------------------- text


def test_paragraphs_headings_lists_and_tables_in_document_order():
    document = docx.Document()
    document.add_heading("Informe anual", 0)
    document.add_heading("Empleo", 1)
    document.add_paragraph("El paro bajó.")
    document.add_paragraph("Primero", style="List Number")
    document.add_paragraph("Segundo", style="List Number")
    document.add_paragraph("Una viñeta", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "Año", (0, 1): "Paro", (1, 0): "2024", (1, 1): "11,7 %"}.items():
        table.cell(row, column).text = text
    document.add_paragraph("Fin.")
    article = import_bytes(saved(document), "informe.docx")
    assert article.text == ("Informe anual\n\nEmpleo\n\nEl paro bajó.\n\n1. Primero\n\n2. Segundo\n\n"
                            "• Una viñeta\n\nAño | Paro\n2024 | 11,7 %\n\nFin.")
    assert article.title == "Informe anual"
    assert article.source_format == "docx"
    assert article.source_name == "informe.docx"
    assert article.mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert article.notices == ()


def test_spanish_text_with_emoji_survives_exactly():
    decomposed = unicodedata.normalize("NFD", SPANISH)
    article = import_bytes(word(SPANISH, decomposed), "nota.docx")
    assert article.text == f"{SPANISH}\n\n{SPANISH}"  # NFC, as every article is stored
    assert article.original.startswith(b"PK")


def test_line_breaks_tabs_and_fields_read_as_word_shows_them():
    body = para(run("Primera línea"), "<w:r><w:br/></w:r>", run("segunda\tcon"), "<w:r><w:tab/></w:r>",
                run("tabulador, página "),
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("3"),
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                '<w:r><w:rPr><w:vanish/></w:rPr><w:t>oculto</w:t></w:r>')
    assert import_bytes(word_xml(body), "a.docx").text == "Primera línea\nsegunda\tcon\ttabulador, página 3"


def test_numbered_lists_follow_word_numbering():
    numbering = docx.Document()
    numbering.add_paragraph("uno", style="List Number")
    numbering.add_paragraph("dos", style="List Number")
    numbering.add_paragraph("tres", style="List Number")
    text = import_bytes(saved(numbering), "a.docx").text
    assert re.findall(r"^\d+\. \w+", text, re.M) == ["1. uno", "2. dos", "3. tres"]


def test_footnotes_and_endnotes_are_marked_and_written_at_the_end():
    body = (para(run("El paro bajó"), '<w:r><w:footnoteReference w:id="1"/></w:r>', run(" al 11,7 %."),
                 '<w:r><w:endnoteReference w:id="1"/></w:r>')
            + para(run("Otra cifra"), '<w:r><w:footnoteReference w:id="2"/></w:r>', run(".")))
    data = word_xml(body, {"footnotes": notes("footnotes", "Fuente: INE, EPA.", "Eurostat."),
                           "endnotes": notes("endnotes", "Nota final.")})
    assert import_bytes(data, "a.docx").text == (
        "El paro bajó[1] al 11,7 %.[i]\n\nOtra cifra[2].\n\n"
        "[1] Fuente: INE, EPA.\n\n[2] Eurostat.\n\n[i] Nota final.")


def test_a_text_box_is_read_once_after_its_paragraph():
    box = '<w:txbxContent><w:p><w:r><w:t>Dato destacado: 40 %</w:t></w:r></w:p></w:txbxContent>'
    drawing = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
               f'<a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData>'
               '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
               f'<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    body = para(run("Texto con recuadro"), drawing, run(" y sigue.")) + para(run("Después."))
    assert import_bytes(word_xml(body), "a.docx").text == \
        "Texto con recuadro y sigue.\n\nDato destacado: 40 %\n\nDespués."


def test_merged_and_nested_table_cells():
    body = ('<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para(run("Región"))
            + '</w:tc><w:tc>' + para(run("A")) + para(run("B")) + '</w:tc></w:tr>'
            '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>' + para() + '</w:tc><w:tc><w:tbl><w:tr><w:tc>'
            + para(run("interior")) + '</w:tc></w:tr></w:tbl>' + para() + '</w:tc></w:tr></w:tbl>')
    assert import_bytes(word_xml(body), "a.docx").text == "Región | A B\n | interior"


# --------------------------------------------------------------------------- tracked changes


TRACKED = (
    para(run("El paro bajó al "),
         '<w:del w:id="1" w:author="Ana" w:date="2024-05-01T10:00:00Z"><w:r><w:delText>12 %</w:delText></w:r></w:del>',
         '<w:ins w:id="2" w:author="Ana" w:date="2024-05-01T10:00:00Z"><w:r><w:t>11,7 %</w:t></w:r></w:ins>',
         run(" en 2024."))
    + para('<w:moveFrom w:id="3" w:author="Ana"><w:r><w:t>Frase movida.</w:t></w:r></w:moveFrom>', run("Queda."))
    + para(run("Primera mitad"), ppr='<w:pPr><w:rPr><w:del w:id="4" w:author="Ana"/></w:rPr></w:pPr>')
    + para(run(" y segunda."))
    + '<w:del w:id="5" w:author="Ana">' + para(run("")) + '</w:del>'
    + para('<w:moveTo w:id="6" w:author="Ana"><w:r><w:t>Frase movida.</w:t></w:r></w:moveTo>')
    + '<w:tbl><w:tr><w:trPr><w:del w:id="7" w:author="Ana"/></w:trPr><w:tc>' + para(run("fila borrada"))
    + '</w:tc></w:tr><w:tr><w:tc>' + para(run("fila")) + '</w:tc></w:tr></w:tbl>'
)


def test_tracked_changes_are_accepted_and_the_user_is_told():
    article = import_bytes(word_xml(TRACKED), "borrador.docx")
    assert article.text == ("El paro bajó al 11,7 % en 2024.\n\nQueda.\n\nPrimera mitad y segunda.\n\n"
                            "Frase movida.\n\nfila")
    assert "12 %" not in article.text and "borrada" not in article.text
    assert article.text.count("Frase movida.") == 1
    assert article.notices == (docx_importer.TRACKED_CHANGES,)
    assert str(article.notices[0]) == ("This document has tracked changes; factcheck imported the text "
                                       "with all changes accepted.")


def test_formatting_changes_alone_are_not_mentioned():
    body = para('<w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="Ana"><w:rPr/></w:rPrChange></w:rPr>'
                '<w:t>Negrita nueva.</w:t></w:r>')
    article = import_bytes(word_xml(body), "a.docx")
    assert article.text == "Negrita nueva."
    assert article.notices == ()


def test_comments_are_never_mixed_into_the_text():
    body = para(run("La cifra "), '<w:commentRangeStart w:id="0"/>', run("es falsa"),
                '<w:commentRangeEnd w:id="0"/>', '<w:r><w:commentReference w:id="0"/></w:r>', run("."))
    comments = (f'<w:comments {NAMESPACES}><w:comment w:id="0" w:author="Editor" w:initials="E">'
                + para(run("Comprobar con el INE antes de publicar")) + "</w:comment></w:comments>")
    article = import_bytes(word_xml(body, {"comments": comments}), "a.docx")
    assert article.text == "La cifra es falsa."
    assert "Comprobar" not in article.text
    assert article.notices == (docx_importer.COMMENTS,)


def test_tracked_changes_and_comments_both_noticed():
    body = TRACKED + para(run("x"), '<w:r><w:commentReference w:id="0"/></w:r>')
    article = import_bytes(word_xml(body), "a.docx")
    assert article.notices == (docx_importer.TRACKED_CHANGES, docx_importer.COMMENTS)


# --------------------------------------------------------------------------- metadata


def test_core_properties_give_title_and_author_but_no_publication_date():
    data = word("Texto del artículo.", title="Cifras del paro", author="Ana Pérez", language="es-ES")
    article = import_bytes(data, "a.docx")
    assert article.title == "Cifras del paro"
    assert article.author == "Ana Pérez"
    assert article.language == "es-ES"
    assert article.published_at == ""  # python-docx's template says 2013: not a publication date


def test_placeholder_authors_are_left_out():
    article = import_bytes(word("Texto."), "a.docx")  # python-docx writes "python-docx"
    assert article.author == ""
    assert article.title == "Texto."


# --------------------------------------------------------------------------- refusals


def test_an_empty_document_has_no_text():
    with pytest.raises(ImportRefused, match="^The Word document has no text.$"):
        import_bytes(word(), "vacio.docx")
    with pytest.raises(ImportRefused, match="has no text"):
        import_bytes(word("   ", ""), "blancos.docx")


def encrypted_ooxml() -> bytes:
    """The start of what Word writes for a .docx with a password: an OLE2 compound file
    whose directory names the "EncryptionInfo" and "EncryptedPackage" streams."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entries = b""
    for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entries += encoded.ljust(64, b"\x00") + bytes(64)
    return header + entries.ljust(512, b"\x00") + bytes(4096)


@pytest.mark.parametrize("name", ["secreto.docx", "secreto"])
def test_a_password_protected_document_says_to_save_it_without_the_password(name):
    with pytest.raises(ImportRefused) as caught:
        import_bytes(encrypted_ooxml(), name)
    sentence = str(caught.value)
    assert "protected with a password" in sentence
    assert "save a copy without the password" in sentence
    if name.endswith(".docx"):
        assert sentence.startswith("This Word document is protected")


def test_old_word_documents_stay_refused():
    old_doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    with pytest.raises(ImportRefused, match="looks like an old Microsoft Office file"):
        import_bytes(old_doc, "carta.doc")
    with pytest.raises(ImportRefused, match=r"Old Word documents \(\.doc\) cannot be imported"):
        import_bytes(b"Plain text named like a .doc file.", "carta.doc")
    with pytest.raises(ImportRefused, match=r"old Word document \(\.doc\)"):
        import_bytes(old_doc, "carta.docx")  # renamed: the Word reader says what it is


def test_rtf_stays_refused():
    with pytest.raises(ImportRefused, match="RTF documents cannot be imported yet"):
        import_bytes(b"{\\rtf1\\ansi Hola}", "carta.rtf")


def test_text_named_docx_is_refused():
    with pytest.raises(ImportRefused, match=r"named like a Word document \(\.docx\) but is not one"):
        import_bytes(b"Just some text.", "notes.docx")


def test_a_zip_without_a_main_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", b"hello")
    with pytest.raises(ImportRefused, match="not a Word document"):
        import_bytes(buffer.getvalue(), "a.docx")


def test_progress_is_reported_and_cancel_stops_the_import():
    calls = []
    import_bytes(word("Texto."), "a.docx", progress=lambda done, total: calls.append((done, total)) or True)
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)
    with pytest.raises(ImportCancelled):
        import_bytes(word("Texto."), "a.docx", progress=lambda done, total: done < 1)


def test_import_file_reads_a_docx(tmp_path):
    path = tmp_path / "nota.docx"
    path.write_bytes(word(SPANISH))
    article = import_file(path)
    assert article.text == SPANISH
    assert article.original == path.read_bytes()


# --------------------------------------------------------------------------- command line


def test_the_cli_imports_a_docx_and_prints_what_was_accepted(tmp_path):
    from click.testing import CliRunner

    from factcheck import cli
    from factcheck.core.project import Project

    project = tmp_path / "p.factcheck"
    Project.create(project, user="ana").close()
    path = tmp_path / "borrador.docx"
    path.write_bytes(word_xml(TRACKED + para(run("x"), '<w:r><w:commentReference w:id="0"/></w:r>')))
    result = CliRunner().invoke(cli.cli, ["import", str(project), str(path), "--user", "ana"])
    assert result.exit_code == 0, result.output
    assert "all changes accepted" in result.output
    assert "left them out of the article text" in result.output
    with Project.open(project) as opened:
        [article] = opened.articles()
        version = opened.current_version(article.id)
        assert version.source_format == "docx"
        assert opened.text(version.id).startswith("El paro bajó al 11,7 % en 2024.")


def test_the_cli_refuses_a_damaged_docx_in_one_line(tmp_path):
    import subprocess
    import sys

    from factcheck.core.project import Project

    project = tmp_path / "p.factcheck"
    Project.create(project, user="ana").close()
    path = tmp_path / "cortado.docx"
    data = word("Texto.")
    path.write_bytes(data[: len(data) // 2])
    result = subprocess.run([sys.executable, "-m", "factcheck", "import", str(project), str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: This Word document is damaged (perhaps not fully downloaded or copied) and cannot be read."]
