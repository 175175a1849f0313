"""Author names as a byline gives them: split apart, news agencies told from people.

"By Jane Doe, AFP" names one author, Jane Doe, and the agency that carried the story:
an agency (`NEWS_AGENCIES`) is not a person, so beside a person it is left out. A byline
that names only agencies ("AFP", "dpa/AFP") keeps them: the agency is then the best
answer the page gives to "who wrote this". Used for HTML pages (`html_meta`) and page-text
dumps (`clean`) alike.
"""

from __future__ import annotations

import re

#: News agencies (wire services), lowercase, as bylines name them.
NEWS_AGENCIES: tuple[str, ...] = (
    *("afp", "ap", "associated press", "reuters", "dpa", "epd", "kna", "apa", "sda", "ats"),
    *("keystone-sda", "efe", "europa press", "ansa", "agi", "anp", "belga", "tass", "itar-tass"),
    *("ria novosti", "interfax", "kyodo", "jiji", "yonhap", "xinhua", "pa", "press association"),
    *("upi", "aa", "anadolu", "pap", "ctk", "mti", "hina", "tanjug", "notimex", "telam"),
    *("新华社", "中新社", "中新网", "共同社", "agencias", "agencies", "agenturen", "agences"),
)
_AGENCY = "|".join(re.escape(name) for name in sorted(NEWS_AGENCIES, key=len, reverse=True))
#: A name that is one agency or several ("dpa/AFP", "APA / AP", "AFP, Reuters").
_AGENCIES_ONLY = re.compile(rf"(?:{_AGENCY})(?:\s*(?:[/,&+]|and|und|y|et)\s*(?:{_AGENCY}))*", re.I)
#: What separates the names in a byline's list of them.
NAME_SPLIT = re.compile(r"\s*(?:[,，、;&]|\band\b|\bund\b|\by\b|\bet\b)\s*")


def is_agency(name: str) -> bool:
    """Whether `name` names news agencies only (`NEWS_AGENCIES`)."""
    return _AGENCIES_ONLY.fullmatch(" ".join(name.split())) is not None


def people_first(names: list[str]) -> list[str]:
    """`names` without the agencies among them when a person is named too."""
    people = [name for name in names if not is_agency(name)]
    return people or names


def split_names(found: str) -> list[str]:
    """The names of a byline's list of them ("Anna Schmidt und Max Weber, AFP" gives
    "Anna Schmidt", "Max Weber"), agencies left out beside a person, each name once."""
    names = [" ".join(name.split()) for name in NAME_SPLIT.split(found)]
    return people_first(list(dict.fromkeys(name for name in names if name)))
