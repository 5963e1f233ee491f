"""The bundled demo project: the briefing article with worked claims.

Built from ``resources/samples/us-sanctions-petro.txt``. The sources are illustrative
(marked so in their notes): the demo shows how a check is recorded, it is not a
published fact-check.
"""

from __future__ import annotations

import os

from factcheck import importers
from factcheck.core import resources, workflow
from factcheck.core.errors import BugError
from factcheck.core.project import Project

SAMPLE = "us-sanctions-petro.txt"
ORGANISATION = "Demo Newsroom (example data)"
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


def build(path: str | os.PathLike, *, user: str = CHECKER) -> Project:
    """Create the demo project at ``path`` and return it open.

    The checks are written by a checker and reviewed by an editor, so the demo shows
    every review state: published, approved, in review, changes requested and draft.
    """
    sample = resources.path("samples", SAMPLE)
    imported = importers.import_file(sample)
    project = Project.create(path, user=user)
    try:
        project.set_setting("demo", True)
        project.set_setting("organisation_name", ORGANISATION)
        project.set_setting("organisation_url", "https://demo-newsroom.example/")
        project.set_setting("factcheck_url_pattern", "https://demo-newsroom.example/fact-checks/{article}#claim-{claim}")
        project.set_setting("methodology", (
            "Each claim is checked against primary sources where possible. Ratings follow the factcheck default "
            "scale. This project is a worked example; its sources are illustrative."
        ))
        article_id = project.import_article(
            imported,
            title="US sanctions Colombian President Petro as relations with Washington rupture",
            outlet="Example Wire", author="Staff", published_at="2025-10-25", language="en",
        ).created
        project.set_setting("tasks", TASKS)
        task_ids = [t["id"] for t in project.setting("tasks")]
        version = project.current_version(article_id)
        source_ids = {key: project.create_source(**fields).created for key, fields in SOURCES.items()}
        claim_ids = []
        for quote, fields, citations in CLAIMS:
            start = version.text.find(quote)
            if start < 0:
                raise BugError(f"demo quote not in sample: {quote!r}")
            claim_id = project.create_claim(version.id, start, start + len(quote), **fields).created
            claim_ids.append(claim_id)
            for key, stance, passage in citations:
                project.cite(claim_id, source_ids[key], stance, quote=passage)
        project.user = CHECKER
        for index, ticked in TICKED.items():
            for task in ticked:
                project.tick_task(claim_ids[index], task_ids[task])
        for index, steps, comment in REVIEW:
            for who, action in steps:
                project.user = who
                project.review(claim_ids[index], action, comment=comment if action == workflow.REQUEST_CHANGES else "")
        project.user = user
    except BaseException:
        project.close()
        raise
    return project


def is_demo(project) -> bool:
    """Whether ``project`` is the bundled demo: its ``demo`` setting, or (a demo built before
    that setting existed) the demo's organisation name."""
    return project.setting("demo") is True or project.setting("organisation_name") == ORGANISATION
