"""Author names: a byline's names split apart, news agencies told from people."""

from __future__ import annotations

import pytest

from hzcorpus.authors import NEWS_AGENCIES, is_agency, people_first, split_names


@pytest.mark.parametrize(
    ("found", "names"),
    [
        ("Jane Doe, AFP", ["Jane Doe"]),
        ("Anna Schmidt und Max Weber, dpa", ["Anna Schmidt", "Max Weber"]),
        ("Ana Ruiz y Luis Gil, EFE", ["Ana Ruiz", "Luis Gil"]),
        ("JANE DOE, REUTERS", ["JANE DOE"]),
        ("AFP", ["AFP"]),  # a byline that names only an agency keeps it
        ("dpa/AFP", ["dpa/AFP"]),
        ("AFP, Reuters", ["AFP", "Reuters"]),
        ("张三、李四", ["张三", "李四"]),
        ("Jane Doe, Jane Doe", ["Jane Doe"]),
        ("Apolline Dupont et Paul Martin", ["Apolline Dupont", "Paul Martin"]),
        ("Mia Stone, MS, RD", ["Mia Stone"]),  # degrees are no names
        ("王小明 李华", ["王小明", "李华"]),  # a space parts Chinese names
        # the words a byline puts around an agency are the agency's
        ("Jane Doe, For The Associated Press", ["Jane Doe"]),
        ("Jane Doe for Reuters", ["Jane Doe"]),
        ("JANE DOE Associated Press", ["JANE DOE"]),
        ("Jane Doe | AP", ["Jane Doe"]),
        ("Jane Doe, AP Business Writer", ["Jane Doe"]),
        ("Marie Roy, pour l'AFP", ["Marie Roy"]),
        ("Anna Schmidt, mit Material von dpa", ["Anna Schmidt"]),
        ("The Associated Press", ["The Associated Press"]),
        # ... and only an agency's: a short surname, a desk or a paper stays
        ("Maria Efe", ["Maria Efe"]),
        ("Jane Doe AP", ["Jane Doe AP"]),
        ("Jane Doe | Travel Editor", ["Jane Doe | Travel Editor"]),
        ("Jane Doe for the Guardian", ["Jane Doe for the Guardian"]),
    ],
)
def test_split_names(found, names):
    assert split_names(found) == names


def test_agencies_are_told_from_people():
    assert all(is_agency(name) for name in NEWS_AGENCIES)
    assert is_agency("APA / AP") and is_agency("dpa und AFP") and is_agency("新华社")
    assert is_agency("Reuters Staff") and is_agency("dpa-Korrespondent")
    assert is_agency("For The Associated Press") and is_agency("mit Material von dpa")
    assert not is_agency("Apa Lee") and not is_agency("Reuters Jones") and not is_agency("")
    assert not is_agency("Diepa") and not is_agency("The Guardian Staff")
    assert people_first(["AFP", "Ann Lee"]) == ["Ann Lee"]
    assert people_first(["AFP", "dpa"]) == ["AFP", "dpa"]
