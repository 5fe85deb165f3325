"""Events: general English wordings of working lives, one kind at a time (vocabulary coverage 7).

Sentences written for these tests from everyday English — blogs, forum threads, video talk,
third-person articles — not taken from any corpus: phrasal verbs (put in my two weeks, got
bumped up), idioms (pounding the pavement, running on fumes, tore into me) and irregular past
tenses. Each sentence is parsed as a whole document and must give exactly one event, of the
kind named.
"""

from __future__ import annotations

import functools

import pytest
from extract_helpers import builtin_host

import careernarr


@functools.cache
def _kinds(text: str) -> tuple[str, ...]:
    return tuple(e.kind for e in careernarr.parse(text, host=builtin_host()).events)


HAPPENINGS: dict[str, list[str]] = {
    "job_start": [
        "In 2020 I picked up a job at a warehouse.",
        "He snagged a job at a law firm in 2016.",
        "I got a gig at a radio station in 2009.",
        "In 2016 I got my foot in the door at a publisher.",
        "They brought me on as a contractor in 2020.",
    ],
    "job_end": [
        "I put in my two weeks in June 2022.",
        "I got the axe in 2009.",
        "I called it quits at the agency in 2016.",
        "In 2020 I hung up my apron.",
        "I served out my notice in 2018.",
    ],
    "promotion": [
        "In 2018 I was put in charge of the night crew.",
        "In 2016 I was given my own show.",
        "I took over the department in 2020.",
        "She moved into management in 2019.",
    ],
    "transfer": [
        "I switched departments in 2019.",
        "I moved to the London office in 2017.",
        "They shipped me off to the Dallas office in 2013.",
        "I made a lateral move to the audit team in 2021.",
    ],
    "leave": [
        "I went on short-term disability in 2015.",
        "I took a mental health break in 2022.",
        "I took a step back from work for a few months in 2020.",
    ],
    "support": [
        "I called a crisis line in 2020.",
        "My friend talked me through it in 2019.",
        "In 2021 I confided in my sister about the job.",
    ],
    "review": [
        "I got a formal warning in 2017.",
        "My pay was docked in 2019.",
        "I failed my probation in 2016.",
        "He was demoted in 2018.",
    ],
    "job_search": [
        "I was pounding the pavement in 2010.",
        "I put out feelers in 2019.",
        "In 2019 I declined the offer.",
        "I turned down an offer from a bank in 2021.",
    ],
    "overwork": [
        "I skipped lunch every day in 2021.",
        "I was running on fumes in 2018.",
        "I was drowning in work in 2022.",
        "In 2019 I was doing the work of two people.",
    ],
    "conflict": [
        "I had a blowup with my supervisor in 2019.",
        "In 2016 my boss chewed me out.",
        "In 2020 I had a run-in with the site manager.",
        "A coworker sabotaged my work in 2021.",
        "My manager retaliated against me in 2021.",
    ],
    "health": [
        "I came down with pneumonia in 2018.",
        "I had a heart scare in 2020.",
        "I crashed hard in 2022.",
        "She pulled a muscle lifting a patient in 2017.",
    ],
    "education": [
        "I did a course in bookkeeping in 2018.",
        "In 2020 I got my CPA.",
        "I went to night school in 2015.",
        "I passed my driving test in 2012.",
    ],
    "creator": [
        "I bought out my partner in 2022.",
        "I hired my first employee in 2020.",
        "I went into business for myself in 2014.",
        "I became my own boss in 2018.",
    ],
    "career_change": [
        "I swapped the classroom for the kitchen in 2017.",
        "I traded my desk job for carpentry in 2019.",
        "She broke into tech in 2020 after ten years in retail.",
    ],
    "family": [
        "We tied the knot in 2017.",
        "My dad got sick in 2018.",
        "In 2021 we welcomed our first child.",
    ],
    "project": [
        "I designed the new kitchen in 2017.",
        "In 2019 the project ran over budget.",
        "We wrapped the shoot in 2018.",
    ],
    "other": [
        "The company restructured in 2018.",
        "In 2020 the pandemic hit.",
        "We went remote in 2020.",
        "In 2019 we merged with a rival firm.",
    ],
}


@pytest.mark.parametrize(
    ("text", "kind"), [(text, kind) for kind, texts in HAPPENINGS.items() for text in texts]
)
def test_a_general_wording_gives_its_kind(text: str, kind: str) -> None:
    assert _kinds(text) == (kind,)


NOT_EVENTS = [
    "I might put in my two weeks if nothing changes.",
    "If they put me in charge of the team, I'd say yes.",
    "I never had a run-in with anyone there.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_plans_hypotheticals_and_denials_are_not_events(text: str) -> None:
    assert _kinds(text) == ()
