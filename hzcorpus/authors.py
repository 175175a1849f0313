"""Author names as a byline gives them: split apart, news agencies told from people.

"By Jane Doe, AFP" names one author, Jane Doe, and the agency that carried the story:
an agency (`NEWS_AGENCIES`) is not a person, so beside a person it is left out. A byline
that names only agencies ("AFP", "dpa/AFP") keeps them: the agency is then the best
answer the page gives to "who wrote this". The words a byline puts around an agency are
the agency's ("Jane Doe for The Associated Press", "Jane Doe, AP Business Writer"). Used
for HTML pages (`html_meta`) and page-text dumps (`clean`) alike.
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
#: An agency's name as it can follow a person's without a separator ("JANE DOE Associated
#: Press"): names of five letters or more, so that a surname such as "Efe" stays a name.
_LONG_AGENCY = "|".join(
    re.escape(name) for name in sorted(NEWS_AGENCIES, key=len, reverse=True) if len(name) >= 5
)
#: Words before an agency in a byline: "For The Associated Press", "mit Material von dpa".
AGENCY_LEADS: tuple[str, ...] = (
    *("for", "for the", "from", "with", "via", "für", "mit", "mit material von", "von"),
    *("pour", "avec", "para", "con", "per", "the", "die", "der", "la", "el"),
)
#: Words that end an agency's desk rather than a person's name: "AP Business Writer",
#: "Reuters Staff", "dpa-Korrespondent".
AGENCY_ROLES: tuple[str, ...] = (
    *("staff", "writer", "writers", "correspondent", "reporter", "reporters", "editor"),
    *("desk", "photographer", "korrespondent", "korrespondentin", "redaktion", "corresponsal"),
)
_LEAD = "|".join(re.escape(lead) for lead in sorted(AGENCY_LEADS, key=len, reverse=True))
_LEADS = rf"(?:(?:{_LEAD})\s+)?(?:l')?"
_AGENCY_LIST = rf"(?:{_AGENCY})(?:\s*(?:[/,&+]|and|und|y|et)\s*(?:{_AGENCY}))*"
_ROLE_TAIL = rf"(?:[\s-](?:\w+\s){{0,2}}(?:{'|'.join(AGENCY_ROLES)}))?"
#: A name that is one agency or several ("dpa/AFP", "APA / AP", "AFP, Reuters"), maybe with
#: the words a byline puts around it ("For The Associated Press", "AP Business Writer").
_AGENCIES_ONLY = re.compile(rf"{_LEADS}{_AGENCY_LIST}{_ROLE_TAIL}", re.I)
#: Where an agency follows a person's name in one item of a byline ("Jane Doe | AP",
#: "Jane Doe for Reuters", "JANE DOE Associated Press"): the item is cut there. Without
#: a separator or a lead word only a long agency name cuts ("Maria Efe" is a name).
_TRAILING_AGENCY = re.compile(
    rf"\s*\|\s*(?={_LEADS}{_AGENCY_LIST}{_ROLE_TAIL}$)"
    rf"|\s+(?=(?:(?:{_LEAD})\s+(?:l')?{_AGENCY_LIST}|(?:{_LONG_AGENCY})){_ROLE_TAIL}$)",
    re.I,
)
#: Degrees and titles that a byline writes after a name ("Mia Stone, MS, RD"): no names.
CREDENTIALS: frozenset[str] = frozenset(
    (
        *("phd", "ph.d.", "md", "m.d.", "ms", "m.s.", "ma", "m.a.", "mba", "mph", "rd"),
        *("rdn", "rn", "np", "dds", "jd", "llm", "bsc", "msc", "frcp", "facp", "cpt"),
        *("cscs", "lcsw", "psyd", "edd", "ed.d.", "esq"),
    )
)
#: What separates the names in a byline's list of them (a space between Chinese names too).
NAME_SPLIT = re.compile(
    r"\s*(?:[,，、;&]|\band\b|\bund\b|\by\b|\bet\b)\s*|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])"
)


def is_agency(name: str) -> bool:
    """Whether `name` names news agencies only (`NEWS_AGENCIES`)."""
    return _AGENCIES_ONLY.fullmatch(" ".join(name.split())) is not None


def people_first(names: list[str]) -> list[str]:
    """`names` without the agencies among them when a person is named too."""
    people = [name for name in names if not is_agency(name)]
    return people or names


def split_names(found: str) -> list[str]:
    """The names of a byline's list of them ("Anna Schmidt und Max Weber, AFP" gives
    "Anna Schmidt", "Max Weber"), agencies left out beside a person, degrees after a name
    (`CREDENTIALS`: "Mia Stone, MS, RD") left out, each name once."""
    names = []
    for item in NAME_SPLIT.split(found):
        item = " ".join(item.split())
        names += [item] if is_agency(item) else _TRAILING_AGENCY.split(item, maxsplit=1)
    names = [name for name in names if name and name.casefold() not in CREDENTIALS]
    return people_first(list(dict.fromkeys(names)))
