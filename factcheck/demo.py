"""The bundled demo project: the briefing article with worked claims, in English or Spanish.

Built from ``resources/samples/us-sanctions-petro.txt`` (English, the default scale) or
``resources/samples/eeuu-sanciona-petro.txt`` (Spanish, the Spanish scale and Spanish
reports), the same story told in each language. The sources are illustrative (marked so
in their notes): the demo shows how a check is recorded, it is not a published
fact-check.
"""

from __future__ import annotations

import dataclasses
import os

from factcheck.core import resources, workflow
from factcheck.core.errors import BugError
from factcheck.core.project import Project

SAMPLE = "us-sanctions-petro.txt"
SPANISH_SAMPLE = "eeuu-sanciona-petro.txt"
ORGANISATION = "Demo Newsroom (example data)"
SPANISH_ORGANISATION = "Redacción de demostración (datos de ejemplo)"
DEMO_NOTE = "Example source for the factcheck demo project; check the original before relying on it."

SOURCES = {
    "treasury": dict(
        title="Treasury sanctions President Gustavo Petro and associates (press release)",
        url="https://home.treasury.gov/news/press-releases",
        publisher="US Department of the Treasury", kind="official statement", reliability="high",
        published_at="2025-10-24", notes=DEMO_NOTE,
    ),
    "ap": dict(
        title="US sanctions Colombian President Petro, accusing him of failing to curb drug trade",
        url="https://apnews.com/", publisher="Associated Press", kind="article", reliability="high",
        published_at="2025-10-24", notes=DEMO_NOTE,
    ),
    "afp": dict(
        title="US strikes on alleged drug boats: AFP tally based on US figures",
        url="https://www.afp.com/", publisher="AFP", kind="article", reliability="high",
        published_at="2025-10-25", notes=DEMO_NOTE,
    ),
    "aid": dict(
        title="US foreign assistance to Colombia by fiscal year",
        url="https://foreignassistance.gov/", publisher="US Government", kind="dataset", reliability="high",
        notes=DEMO_NOTE,
    ),
    "official": dict(
        title="Interview with a Colombian foreign ministry official",
        publisher="", kind="interview", reliability="medium", confidential=True,
        notes="Spoke on condition of anonymity. " + DEMO_NOTE,
    ),
}

#: (quote, fields, [(source key, stance, passage)])
CLAIMS = [
    (
        "President Petro has allowed drug cartels to flourish and refused to stop this activity",
        dict(
            statement="Petro has allowed drug cartels to flourish in Colombia",
            claimant="Scott Bessent, US Treasury Secretary", claim_date="2025-10-24", checkworthiness=5,
            tags=["drugs", "sanctions"], rating="no-evidence",
            verdict_summary="No evidence was provided linking the president or his family to drug trafficking",
            rationale=(
                "The Treasury statement asserts the accusation without evidence. AP and AFP both report that "
                "the case against Petro's son remains undecided in court and that the administration has "
                "provided no evidence directly linking the president or his family to drug trafficking."
            ),
        ),
        [
            ("treasury", "context", "President Petro has allowed drug cartels to flourish and refused to stop this activity."),
            ("ap", "contradicts", "the Trump administration has provided no evidence directly linking the Colombian president or his family to drug trafficking"),
            ("official", "context", "The ministry has received no evidence from Washington."),
        ],
    ),
    (
        "He’s a guy that is making a lot of drugs.",
        dict(
            statement="Petro is making a lot of drugs",
            claimant="Donald Trump, US President", claim_date="2025-10-22", checkworthiness=4,
            tags=["drugs"], rating="no-evidence",
            verdict_summary="No evidence was presented that Petro produces or traffics drugs",
            rationale="The remark was made to reporters without supporting evidence; no charge has been filed against Petro.",
        ),
        [("ap", "contradicts", "the case remains undecided in court")],
    ),
    (
        "the US has destroyed 10 vessels and killed at least 43 people in strikes off the coast of South America",
        dict(
            statement="US strikes have destroyed 10 vessels and killed at least 43 people",
            claimant="AFP", claim_date="2025-10-25", checkworthiness=3,
            tags=["military"], rating="true",
            verdict_summary="AFP's count, based on US figures, matches the strikes the US announced",
        ),
        [("afp", "supports", "10 vessels destroyed, at least 43 people killed")],
    ),
    (
        "US aid to Colombia is expected to decrease by at least 20%",
        dict(
            statement="US aid to Colombia will fall by at least 20%",
            claimant="Associated Press", claim_date="2025-10-24", checkworthiness=3,
            tags=["aid"], rating="mostly-true",
            verdict_summary="The cut is a projection; aid had already fallen from over $700 million to $230 million",
        ),
        [
            ("aid", "supports", "FY2025 obligations: $230 million"),
            ("ap", "context", "US aid to Colombia is expected to decrease by at least 20%"),
        ],
    ),
    (
        "added the country to a list of nations failing to cooperate in the drug war for the first time in almost three decades",
        dict(
            statement="Colombia was listed as failing to cooperate in the drug war for the first time in almost 30 years",
            claimant="Associated Press", claim_date="2025-09-15", checkworthiness=2, tags=["drugs", "diplomacy"],
        ),
        [],
    ),
]


CHECKER = "Ana (checker)"
EDITOR = "Ben (editor)"

#: The project's verification tasks: every claim shows them as a checklist.
TASKS = [
    {"label": "Found the original source", "required": True},
    {"label": "Asked the claimant for their evidence"},
    {"label": "Checked the figures against the official data"},
]
#: Tasks the checker ticked on each worked claim: (index in CLAIMS) -> indexes in TASKS.
#: Every claim that goes to review has the required one ticked, or it could not be submitted.
TICKED = {0: (0, 1), 1: (0,), 2: (0, 2), 3: (0, 2)}

#: Where each worked claim stands in review: (index in CLAIMS, steps, comment).
REVIEW = [
    (0, [(CHECKER, workflow.SUBMIT), (EDITOR, workflow.APPROVE), (EDITOR, workflow.PUBLISH)], ""),
    (1, [(CHECKER, workflow.SUBMIT)], ""),
    (2, [(CHECKER, workflow.SUBMIT), (EDITOR, workflow.APPROVE)], ""),
    (3, [(CHECKER, workflow.SUBMIT), (EDITOR, workflow.REQUEST_CHANGES)],
     "Say which fiscal year the 20% cut is measured against."),
]


@dataclasses.dataclass(frozen=True)
class Demo:
    """One language's demo: its article, newsroom, scale, people and worked checks."""

    sample: str
    title: str
    outlet: str
    author: str
    language: str
    scale: str
    organisation: str
    organisation_url: str
    url_pattern: str
    methodology: str
    sources: dict
    claims: list
    tasks: list
    checker: str
    editor: str
    review: list


ES_NOTE = "Fuente de ejemplo del proyecto de demostración de factcheck; consulte el original antes de usarla."
ES_CHECKER = "Ana (verificadora)"
ES_EDITOR = "Beto (editor)"

ES_SOURCES = {
    "treasury": dict(
        title="El Tesoro sanciona al presidente Gustavo Petro y a sus allegados (comunicado)",
        url="https://home.treasury.gov/news/press-releases",
        publisher="Departamento del Tesoro de EE. UU.", kind="official statement", reliability="high",
        published_at="2025-10-24", notes=ES_NOTE,
    ),
    "ap": dict(
        title="EE. UU. sanciona al presidente colombiano Petro y lo acusa de no frenar el narcotráfico",
        url="https://apnews.com/", publisher="Associated Press", kind="article", reliability="high",
        published_at="2025-10-24", notes=ES_NOTE,
    ),
    "afp": dict(
        title="Ataques de EE. UU. contra supuestas lanchas con droga: recuento de AFP con cifras oficiales",
        url="https://www.afp.com/", publisher="AFP", kind="article", reliability="high",
        published_at="2025-10-25", notes=ES_NOTE,
    ),
    "aid": dict(
        title="Ayuda exterior de EE. UU. a Colombia por año fiscal",
        url="https://foreignassistance.gov/", publisher="Gobierno de EE. UU.", kind="dataset", reliability="high",
        notes=ES_NOTE,
    ),
    "official": dict(
        title="Entrevista con un funcionario de la Cancillería colombiana",
        publisher="", kind="interview", reliability="medium", confidential=True,
        notes="Habló a condición de anonimato. " + ES_NOTE,
    ),
}

ES_CLAIMS = [
    (
        "El presidente Petro ha permitido que los carteles de la droga florezcan y se ha negado a frenar esa actividad",
        dict(
            statement="Petro ha permitido que los carteles de la droga florezcan en Colombia",
            claimant="Scott Bessent, secretario del Tesoro de EE. UU.", claim_date="2025-10-24", checkworthiness=5,
            tags=["narcotráfico", "sanciones"], rating="insostenible",
            verdict_summary="No se presentaron pruebas que vinculen al presidente o a su familia con el narcotráfico",
            rationale=(
                "El comunicado del Tesoro formula la acusación sin pruebas. AP y AFP informan de que el caso contra "
                "el hijo de Petro sigue sin resolverse y de que el gobierno no ha aportado pruebas que vinculen "
                "directamente al presidente o a su familia con el narcotráfico."
            ),
        ),
        [
            ("treasury", "context", "El presidente Petro ha permitido que los carteles de la droga florezcan."),
            ("ap", "contradicts", "no ha presentado pruebas que vinculen directamente al presidente colombiano con el narcotráfico"),
            ("official", "context", "La Cancillería no ha recibido pruebas de Washington."),
        ],
    ),
    (
        "Es un tipo que está fabricando muchas drogas",
        dict(
            statement="Petro fabrica muchas drogas",
            claimant="Donald Trump, presidente de EE. UU.", claim_date="2025-10-22", checkworthiness=4,
            tags=["narcotráfico"], rating="insostenible",
            verdict_summary="No se presentó ninguna prueba de que Petro produzca o trafique drogas",
            rationale="La frase se dijo ante periodistas sin pruebas; no hay cargos contra Petro.",
        ),
        [("ap", "contradicts", "el caso sigue sin resolverse en los tribunales")],
    ),
    (
        "Estados Unidos destruyó 10 embarcaciones y mató al menos a 43 personas en ataques frente a las costas de Sudamérica",
        dict(
            statement="Los ataques de EE. UU. destruyeron 10 embarcaciones y mataron al menos a 43 personas",
            claimant="AFP", claim_date="2025-10-25", checkworthiness=3,
            tags=["ejército"], rating="verdadero",
            verdict_summary="El recuento de AFP, basado en cifras de EE. UU., coincide con los ataques anunciados",
        ),
        [("afp", "supports", "10 embarcaciones destruidas, al menos 43 muertos")],
    ),
    (
        "la ayuda estadounidense a Colombia caerá al menos un 20 %",
        dict(
            statement="La ayuda de EE. UU. a Colombia caerá al menos un 20 %",
            claimant="Associated Press", claim_date="2025-10-24", checkworthiness=3,
            tags=["ayuda"], rating="verdadero-pero",
            verdict_summary="El recorte es una previsión; la ayuda ya había bajado de más de 700 a 230 millones de dólares",
        ),
        [
            ("aid", "supports", "Año fiscal 2025: 230 millones de dólares"),
            ("ap", "context", "la ayuda estadounidense a Colombia caerá al menos un 20 %"),
        ],
    ),
    (
        "incluyó a Colombia en la lista de países que no cooperan en la lucha antidrogas por primera vez en casi tres décadas",
        dict(
            statement="Colombia entró en la lista de países que no cooperan en la lucha antidrogas por primera vez en casi 30 años",
            claimant="Associated Press", claim_date="2025-09-15", checkworthiness=2, tags=["narcotráfico", "diplomacia"],
        ),
        [],
    ),
]

ES_TASKS = [
    {"label": "Encontrada la fuente original", "required": True},
    {"label": "Pedidas las pruebas a quien hizo la afirmación"},
    {"label": "Cifras comparadas con los datos oficiales"},
]


def _demo(language: str) -> Demo:
    """The demo in ``language`` ("es" for Spanish; anything else gives the English one)."""
    if language == "es":
        return Demo(
            sample=SPANISH_SAMPLE, title="EE. UU. sanciona al presidente colombiano Petro y rompe con Bogotá",
            outlet="Agencia de Ejemplo", author="Redacción", language="es", scale="es",
            organisation=SPANISH_ORGANISATION, organisation_url="https://redaccion-demo.example/",
            url_pattern="https://redaccion-demo.example/verificaciones/{article}#afirmacion-{claim}",
            methodology=(
                "Cada afirmación se contrasta con fuentes primarias cuando es posible. Las calificaciones siguen la "
                "escala en español. Este proyecto es un ejemplo; sus fuentes son ilustrativas."
            ),
            sources=ES_SOURCES, claims=ES_CLAIMS, tasks=ES_TASKS, checker=ES_CHECKER, editor=ES_EDITOR,
            review=[(index, [(ES_CHECKER if who == CHECKER else ES_EDITOR, action) for who, action in steps],
                     "Indique con qué año fiscal se compara el recorte del 20 %." if comment else "")
                    for index, steps, comment in REVIEW],
        )
    return Demo(
        sample=SAMPLE, title="US sanctions Colombian President Petro as relations with Washington rupture",
        outlet="Example Wire", author="Staff", language="en", scale="default",
        organisation=ORGANISATION, organisation_url="https://demo-newsroom.example/",
        url_pattern="https://demo-newsroom.example/fact-checks/{article}#claim-{claim}",
        methodology=(
            "Each claim is checked against primary sources where possible. Ratings follow the factcheck default "
            "scale. This project is a worked example; its sources are illustrative."
        ),
        sources=SOURCES, claims=CLAIMS, tasks=TASKS, checker=CHECKER, editor=EDITOR, review=REVIEW,
    )


def build(path: str | os.PathLike, *, user: str | None = None, language: str = "en") -> Project:
    """Create the demo project at ``path`` and return it open.

    The checks are written by a checker and reviewed by an editor, so the demo shows
    every review state: published, approved, in review, changes requested and draft.
    ``language`` "es" builds the Spanish demo (Spanish article, scale and reports).
    """
    from factcheck import importers  # not loaded by the window, which asks only ``is_demo``

    d = _demo(language)
    imported = importers.import_file(resources.path("samples", d.sample))
    project = Project.create(path, user=user or d.checker)
    try:
        project.set_setting("demo", True)
        if d.scale != "default":
            project.set_setting("rating_scale", d.scale)
        project.set_setting("organisation_name", d.organisation)
        project.set_setting("organisation_url", d.organisation_url)
        project.set_setting("factcheck_url_pattern", d.url_pattern)
        project.set_setting("methodology", d.methodology)
        if d.language != "en":
            project.set_setting("report_language", d.language)
        article_id = project.import_article(
            imported, title=d.title, outlet=d.outlet, author=d.author, published_at="2025-10-25", language=d.language,
        ).created
        project.set_setting("tasks", d.tasks)
        task_ids = [t["id"] for t in project.setting("tasks")]
        version = project.current_version(article_id)
        source_ids = {key: project.create_source(**fields).created for key, fields in d.sources.items()}
        claim_ids = []
        for quote, fields, citations in d.claims:
            start = version.text.find(quote)
            if start < 0:
                raise BugError(f"demo quote not in sample: {quote!r}")
            claim_id = project.create_claim(version.id, start, start + len(quote), **fields).created
            claim_ids.append(claim_id)
            for key, stance, passage in citations:
                project.cite(claim_id, source_ids[key], stance, quote=passage)
        project.user = d.checker
        for index, ticked in TICKED.items():
            for task in ticked:
                project.tick_task(claim_ids[index], task_ids[task])
        for index, steps, comment in d.review:
            for who, action in steps:
                project.user = who
                project.review(claim_ids[index], action, comment=comment if action == workflow.REQUEST_CHANGES else "")
        project.user = user or d.checker
    except BaseException:
        project.close()
        raise
    return project


def is_demo(project) -> bool:
    """Whether ``project`` is the bundled demo: its ``demo`` setting, or (a demo built before
    that setting existed) the demo's organisation name."""
    return project.setting("demo") is True or project.setting("organisation_name") in (ORGANISATION, SPANISH_ORGANISATION)
