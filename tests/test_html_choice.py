"""The per-page choice of trafilatura's mode with the line model (`hzcorpus.html_choice`)."""

from __future__ import annotations

import pytest

from hzcorpus.html import HtmlOptions, extract_html
from hzcorpus.html_choice import (
    DEFAULT_MODE,
    Candidate,
    ModeChoice,
    block_scores,
    candidate,
    choose_mode,
    looked_at,
    non_sentence_share,
)

CHOICE = ModeChoice()

EN_PROSE = (
    "The council approved the new ferry timetable on Tuesday after a long debate about costs.",
    "Passengers will see two more crossings every morning from the first week of June.",
)
EN_MENU = ("Home", "Sport", "Weather", "Most read", "Sign in")
DE_PROSE = (
    "Der Gemeinderat hat am Dienstag nach langer Debatte den neuen Fahrplan beschlossen.",
    "Ab Juni fahren morgens zwei zusätzliche Fähren über den See nach Konstanz.",
)
DE_MENU = ("Startseite", "Politik", "Wetter", "Anmelden")
ZH_PROSE = (
    "市政府周二宣布，新的渡轮时刻表将从六月第一周开始实施，每天早上增加两班。",
    "交通部门表示，此举将缓解早高峰期间码头的拥挤情况，并减少乘客的等候时间。",
)
ZH_MENU = ("首页", "新闻", "体育", "登录")


def _seen(prose: tuple[str, ...], menu: tuple[str, ...], **modes: list[str]):
    """The model's view of each candidate on a page of `menu` then `prose` blocks, the
    menu lines scored as furniture, the prose as article."""
    blocks = [*menu, *prose]
    score_of = block_scores(blocks, [0.95] * len(menu) + [0.05] * len(prose))
    return {
        mode: candidate(lines, score_of, CHOICE.furniture_score) for mode, lines in modes.items()
    }


LANGUAGES = [(EN_PROSE, EN_MENU), (DE_PROSE, DE_MENU), (ZH_PROSE, ZH_MENU)]


@pytest.mark.parametrize(("prose", "menu"), LANGUAGES)
def test_a_balanced_mode_of_furniture_loses_to_a_mode_that_finds_the_article(prose, menu):
    menus = list(menu) * 5  # a headline sidebar taken for the article
    seen = _seen(prose, menu, balanced=[*menus, prose[0]], precision=list(prose), recall=menus)
    assert seen[DEFAULT_MODE].furniture > CHOICE.max_furniture
    assert choose_mode(seen, CHOICE) == "precision"


@pytest.mark.parametrize(("prose", "menu"), LANGUAGES)
def test_a_balanced_mode_of_prose_stays_whatever_the_others_find(prose, menu):
    seen = _seen(prose, menu, balanced=[*prose, menu[0]], precision=[prose[0]], recall=list(prose))
    assert choose_mode(seen, CHOICE) == DEFAULT_MODE


def test_another_mode_must_be_more_article_like_by_the_gain():
    seen = {
        DEFAULT_MODE: Candidate(100.0, 0.6, 0.45),
        "precision": Candidate(50.0, 0.3, 0.7),
    }
    assert choose_mode(seen, CHOICE) == DEFAULT_MODE  # 0.25 more: under min_gain
    assert choose_mode(seen, ModeChoice(min_gain=0.2)) == "precision"
    seen["recall"] = Candidate(80.0, 0.55, 0.9)  # more article-like, but mostly furniture
    assert choose_mode(seen, ModeChoice(min_gain=0.2)) == DEFAULT_MODE


def test_lines_not_on_the_page_count_nothing_and_list_markers_are_ignored():
    score_of = block_scores([*EN_MENU, *EN_PROSE], [0.95] * len(EN_MENU) + [0.05] * 2)
    joined = candidate(["Joined from  two blocks, not one", f"- {EN_PROSE[0]}"], score_of, 0.5)
    assert joined == candidate([EN_PROSE[0]], score_of, 0.5)
    assert candidate(["Nowhere on the page"], score_of, 0.5) == Candidate(0.0, 0.0, 0.0)
    nothing = {DEFAULT_MODE: Candidate(0.0, 0.0, 0.0), "recall": joined}
    assert choose_mode(nothing, CHOICE) == DEFAULT_MODE  # the model cannot place it


def test_only_pages_of_mostly_non_sentences_are_looked_at():
    assert non_sentence_share([*EN_PROSE, *ZH_PROSE]) == 0.0
    assert non_sentence_share(list(EN_MENU)) == 1.0
    assert non_sentence_share([]) == 0.0
    assert not looked_at([*EN_PROSE, *EN_MENU], CHOICE)
    assert looked_at([*DE_MENU, *DE_MENU, *DE_MENU, DE_PROSE[0]], CHOICE)


PAGE = (
    "<html lang='en'><head><title>Ferry timetable approved</title></head><body>"
    "<nav><ul>" + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in EN_MENU) + "</ul></nav>"
    "<article><h1>Ferry timetable approved</h1>"
    + "".join(f"<p>{p}</p>" for p in EN_PROSE * 2)
    + "<ul><li>Tickets: 4 euros</li><li>Children free</li></ul>"
    "</article><footer><p>Contact us</p><p>Imprint</p></footer></body></html>"
)


def test_extract_html_reports_the_mode_and_is_deterministic():
    plain = extract_html(PAGE)
    assert plain.mode == DEFAULT_MODE
    chosen = extract_html(PAGE, HtmlOptions(choice=CHOICE))
    assert chosen.mode in (DEFAULT_MODE, *CHOICE.modes)
    assert EN_PROSE[0] in chosen.text
    assert extract_html(PAGE, HtmlOptions(choice=CHOICE)) == chosen
    never = extract_html(PAGE, HtmlOptions(choice=ModeChoice(min_non_sentence=2.0)))
    assert never.mode == DEFAULT_MODE and never.text == plain.text


SIDEBAR = [
    "Storm closes harbour road for a day",
    "Council votes on new parking fees",
    "Local team wins the regional cup final",
    "Bakery on Main Street shuts after forty years",
    "School holidays start a week early",
    "Museum opens new wing for modern art",
]


def test_a_page_whose_balanced_mode_is_a_headline_list_is_looked_at():
    listing = "".join(f"<li><a href='/{n}'>{h}</a> ({n})</li>" for n, h in enumerate(SIDEBAR * 3))
    page = PAGE.replace("<footer>", f"<aside><ul>{listing}</ul></aside><footer>")
    result = extract_html(
        page, HtmlOptions(choice=CHOICE)
    )  # whatever it keeps, the article's first sentence stays
    assert EN_PROSE[0] in result.text
    assert result.mode in (DEFAULT_MODE, *CHOICE.modes)
