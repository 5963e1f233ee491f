"""A project with a bit of everything a report shows, for the tests that compare exports byte for byte.

Several articles (one a paged PDF, one in Spanish with emoji, one of hostile text, one deleted),
many claims in every status read across batch boundaries, citations of plain, confidential and
non-web sources with quotes, locators and evidence files, comments, tags, a verdict copied from an
earlier check, fuzzy and orphaned claims after a new version, a deleted claim, a correction and a
retraction, a logo, a methodology and the organisation's details.
"""

from __future__ import annotations

import dataclasses

from factcheck.core import model
from factcheck.core.project import Project
from factcheck.core.workflow import APPROVE, PUBLISH, SUBMIT

from ..bulk import STATUSES, add_articles
from ..conftest import imported
from .conftest import HOSTILE, HOSTILE_ARTICLE, SCRIPT, approve

PAGED = ("Primera página: el ministro habló de la inflación.\n\nSegunda página: la producción cayó un 30 % 😀 "
         "en 2020, y siguió en la tercera.\n\nTercera página: «los precios bajaron», dijo el ministro.")
SPANISH = ("El ministro dijo que la inflación bajó al 3 % en mayo 👍🏽.\nLas exportaciones crecieron un 12 %, "
           "según el banco central.\n\nEl café subió un 40 %; «nadie lo esperaba», dijo Ñoño.\n")
#: A PNG of two by two red pixels, the organisation's logo.
LOGO = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001049444154789c6338a0a000"
                     "440c100a001e8e0401978b419c0000000049454e44ae426082")


def build(path, tmp_path) -> Project:
    """The project at ``path`` (``tmp_path`` for the evidence files it attaches); open, for the caller to close."""
    p = Project.create(path, user="ana")
    p.set_setting("organisation_name", "Verificado Ñ 👍🏽")
    p.set_setting("organisation_url", "https://verificado.example.org/")
    p.set_setting("methodology", "Leemos las fuentes.\nLlamamos a quien habló. <b>no markup</b>")
    p.set_setting("factcheck_url_pattern", "https://verificado.example.org/checks/{article}#{claim}")
    p.set_logo(LOGO, "logo.png")
    add_articles(p, 3, 40, statuses=STATUSES)
    _paged(p)
    _spanish(p, tmp_path)
    _hostile(p)
    _history(p)
    gone = p.import_article(imported("A deleted article that said the sky is green.", title="Deleted")).created
    version = p.current_version(gone)
    approve(p, [p.create_claim(version.id, 2, 20).created])
    p.delete_article(gone)
    return p


def _paged(p: Project) -> None:
    starts = (0, PAGED.index("Segunda"), PAGED.index("Tercera"))
    paged = dataclasses.replace(imported(PAGED, title="Informe en PDF", name="informe.pdf"), source_format="pdf",
                                pages=starts, page_labels=("iv", "v", "vi"))
    version = p.current_version(p.import_article(paged).created)
    claims = [p.create_claim(version.id, PAGED.index(a), PAGED.index(b), rating="mixed", claimant="El ministro",
                             statement=f"La frase {i}").created
              for i, (a, b) in enumerate((("la producción", " en 2020"), ("siguió", "\n\nTercera"),
                                          ("«los", " dijo el")))]
    approve(p, claims, status=model.PUBLISHED)


def _spanish(p: Project, tmp_path) -> None:
    article = p.import_article(imported(SPANISH, title="Inflación y café ☕"), url="https://noticias.example.org/café",
                               outlet="El Diario", author="María Núñez", published_at="2025-10-20").created
    p.update_article(article, factcheck_url="https://verificado.example.org/inflacion")
    version = p.current_version(article)
    open_source = p.create_source(title="Banco central", url="https://banco.example.org/informe",
                                  publisher="Banco", author="Equipo de datos", published_at="2025-09-30").created
    secret = p.create_source(title="Fuente interna", publisher="Ministerio", confidential=True).created
    offline = p.create_source(title="Acta del concejo", publisher="Archivo").created
    # A link that is not the web's (core takes only http(s) now; an older file may hold one).
    p.store.conn.execute("UPDATE sources SET url = 'ftp://archivo.example.org/acta' WHERE id = ?", (offline,))
    evidence = tmp_path / "entrevista.txt"
    evidence.write_text("lo que dijo, palabra por palabra 👍🏽", encoding="utf-8")
    p.attach(evidence, source_id=secret)
    p.attach(evidence, source_id=open_source)
    quotes = ("la inflación bajó al 3 % en mayo", "Las exportaciones crecieron un 12 %", "El café subió un 40 %",
              "«nadie lo esperaba»", "inflación bajó")  # the last two overlap others
    for i, quote in enumerate(quotes):
        start = version.text.index(quote)
        claim_id = p.create_claim(
            version.id, start, start + len(quote), statement=f"Dijo que {quote} 👍🏽", claimant="Ministro de Hacienda",
            claim_date="2025-10-19", rating=("false", "true", "mostly-true", "", "misleading")[i] or None,
            verdict_summary=f"Resumen {i}: «falso», según los datos.", rationale="Porque sí.\n\nY además, no.",
            tags=["economía", "café ☕"] if i % 2 else []).created
        cited = p.cite(claim_id, (open_source, secret, offline)[i % 3], ("supports", "contradicts", "context")[i % 3],
                       quote="«una cita» & <otra>", locator=f"p. {i + 1}")
        if i == 0:
            p.attach(evidence, citation_id=cited.created)
        p.add_comment(claim_id, "Revisar la fuente 👀")
        approve(p, [claim_id], status=model.PUBLISHED if i % 2 else model.APPROVED)


def _hostile(p: Project) -> None:
    article = p.import_article(imported(HOSTILE_ARTICLE, title=f"Title {SCRIPT}")).created
    version = p.current_version(article)
    source = p.create_source(title=f"Source {SCRIPT}", publisher=HOSTILE[5]).created
    for i, text in enumerate(HOSTILE):
        start = version.text.index(text)
        claim_id = p.create_claim(version.id, start, start + len(text), statement=text,
                                  claimant=HOSTILE[(i + 1) % len(HOSTILE)], rating="false",
                                  verdict_summary=HOSTILE[(i + 2) % len(HOSTILE)],
                                  tags=[HOSTILE[(i + 5) % len(HOSTILE)][:40]]).created
        p.cite(claim_id, source, "contradicts", quote=HOSTILE[(i + 6) % len(HOSTILE)],
               locator=HOSTILE[(i + 7) % len(HOSTILE)][:60])
    approve(p, [c.id for c in p.claims(article)])


def _history(p: Project) -> None:
    """A correction, a retraction, a deleted claim, a verdict copied from an earlier check, fuzzy and orphaned claims."""
    text = "Uno. El gasto subió un 5 %. Dos. La deuda bajó. Tres. Nadie votó. Cuatro.\n"
    article = p.import_article(imported(text, title="Historia")).created
    version = p.current_version(article)
    record = p.create_source(title="Registro oficial").created
    made = {}
    for quote in ("El gasto subió un 5 %", "La deuda bajó", "Nadie votó", "Cuatro"):
        start = text.index(quote)
        made[quote] = p.create_claim(version.id, start, start + len(quote), rating="false",
                                     verdict_summary="No es así.").created
        p.cite(made[quote], record, "contradicts")
    p.update_claim(made["Cuatro"], rating="true", based_on={"date": "2025-06-01", "url": "https://old.example.org/c"})
    for claim_id in made.values():
        p.review(claim_id, SUBMIT)
    p.user = "ben"
    for claim_id in made.values():
        p.review(claim_id, APPROVE)
        p.review(claim_id, PUBLISH)
    p.update_claim(made["El gasto subió un 5 %"], rating="mostly-true", reason="Un lector mandó el dato <oficial>.")
    p.managers.claims.retract(made["Nadie votó"], "La cita era de otro.")
    p.add_version(article, imported("Uno. El gasto subió un 5,2 %. Dos. Tres. Cuatro.\n", title="Historia"))
    drafted = p.create_claim(p.current_version(article).id, 0, 3).created
    p.delete_claim(drafted)
    p.user = "ana"
