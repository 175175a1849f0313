"""The per-page choice of trafilatura's mode with the line model (`hzcorpus.html_choice`)."""

from __future__ import annotations

import pytest

from hzcorpus.html import HtmlOptions, extract_html
from hzcorpus.html_choice import DEFAULT_MODE, ModeChoice, choose_mode, mode_values, prose_loss

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


def _scored(prose: tuple[str, ...], menu: tuple[str, ...]) -> tuple[list[str], list[float]]:
    """A page's blocks with line-model-like scores: menu lines furniture, prose article."""
    blocks = [*menu, *prose]
    return blocks, [0.95] * len(menu) + [0.05] * len(prose)


@pytest.mark.parametrize(
    ("prose", "menu"), [(EN_PROSE, EN_MENU), (DE_PROSE, DE_MENU), (ZH_PROSE, ZH_MENU)]
)
def test_a_mode_that_keeps_the_menu_loses_to_one_that_drops_it(prose, menu):
    blocks, scores = _scored(prose, menu)
    long_menu = [*menu, *menu, *menu]  # enough furniture words to pass the margin
    candidates = {DEFAULT_MODE: [*long_menu, *prose], "precision": list(prose)}
    values = mode_values(candidates, blocks * 3, scores * 3, CHOICE.threshold)
    assert values["precision"] > values[DEFAULT_MODE]
    assert choose_mode(candidates, blocks, scores, ModeChoice(margin=0.5)) == "precision"


@pytest.mark.parametrize(
    ("prose", "menu"), [(EN_PROSE, EN_MENU), (DE_PROSE, DE_MENU), (ZH_PROSE, ZH_MENU)]
)
def test_a_mode_that_finds_more_article_wins(prose, menu):
    blocks, scores = _scored(prose, menu)
    candidates = {DEFAULT_MODE: [prose[0]], "recall": [*prose], "precision": []}
    assert choose_mode(candidates, blocks, scores, ModeChoice(margin=2.0)) == "recall"


def test_near_ties_keep_the_balanced_mode():
    blocks, scores = _scored(EN_PROSE, EN_MENU)
    candidates = {DEFAULT_MODE: [*EN_PROSE, "Home"], "precision": list(EN_PROSE)}
    # dropping one furniture word is worth less than the margin
    assert choose_mode(candidates, blocks, scores, CHOICE) == DEFAULT_MODE


def test_lines_not_on_the_page_count_nothing_and_list_markers_are_ignored():
    blocks, scores = _scored(EN_PROSE, EN_MENU)
    values = mode_values(
        {"a": ["Joined from  two blocks, not one", f"- {EN_PROSE[0]}"], "b": [EN_PROSE[0]]},
        blocks,
        scores,
        0.5,
    )
    assert values["a"] == values["b"] > 0


PAGE = (
    "<html lang='en'><head><title>Ferry timetable approved</title></head><body>"
    "<nav><ul>" + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in EN_MENU) + "</ul></nav>"
    "<article><h1>Ferry timetable approved</h1>"
    + "".join(f"<p>{p}</p>" for p in EN_PROSE * 2)
    + "<ul><li>Tickets: 4 euros</li><li>Children free</li></ul>"
    "</article><footer><p>Contact us</p><p>Imprint</p></footer></body></html>"
)


def test_extract_html_with_a_choice_reports_the_mode_and_is_deterministic():
    plain = extract_html(PAGE)
    assert plain.mode == DEFAULT_MODE
    chosen = extract_html(PAGE, HtmlOptions(choice=CHOICE))
    assert chosen.mode in (DEFAULT_MODE, *CHOICE.modes)
    assert EN_PROSE[0] in chosen.text
    assert extract_html(PAGE, HtmlOptions(choice=CHOICE)) == chosen
    forced = extract_html(PAGE, HtmlOptions(choice=ModeChoice(threshold=0.0, margin=1e9)))
    assert forced.mode == DEFAULT_MODE and forced.text == plain.text


def test_prose_loss_counts_the_default_modes_sentences_another_mode_drops():
    default = [*EN_MENU, *EN_PROSE, *ZH_PROSE]
    assert prose_loss(default, [*EN_PROSE, *ZH_PROSE], 10) == 0.0
    assert prose_loss(default, [f"- {p}" for p in (*EN_PROSE, *ZH_PROSE)], 10) == 0.0
    lost = prose_loss(default, [EN_PROSE[0], *ZH_PROSE], 10)
    assert 0.0 < lost < 0.5
    assert prose_loss(default, [], 10) == 1.0
    assert prose_loss(list(EN_MENU), [], 10) == 0.0  # no prose, nothing to lose


@pytest.mark.parametrize(
    ("prose", "menu"), [(EN_PROSE, EN_MENU), (DE_PROSE, DE_MENU), (ZH_PROSE, ZH_MENU)]
)
def test_the_guard_refuses_a_mode_that_drops_the_balanced_modes_prose(prose, menu):
    # the model likes another block more (a forum's posts, a teaser list), but taking it
    # would drop the sentences the balanced mode kept
    other = [f"{p} {p}" for p in EN_PROSE]
    blocks, scores = [*menu, *prose, *other], [0.95] * len(menu) + [0.05] * (len(prose) + 2)
    candidates = {DEFAULT_MODE: list(prose), "recall": other}
    values = mode_values(candidates, blocks, scores, CHOICE.threshold)
    assert values["recall"] > values[DEFAULT_MODE] + CHOICE.margin
    assert choose_mode(candidates, blocks, scores, CHOICE) == DEFAULT_MODE
    unguarded = ModeChoice(max_prose_loss=1.0)
    assert choose_mode(candidates, blocks, scores, unguarded) == "recall"


def test_the_guard_refuses_a_recall_mode_with_fewer_words_than_the_balanced_one():
    # the balanced mode kept a forum thread flattened into one table row (no prose lines);
    # recall mode took only the first post, which the model likes better
    row = "| " + " | ".join(EN_PROSE * 4).replace(".", "") + " |"
    blocks, scores = [*EN_MENU, *EN_PROSE, row], [0.95] * len(EN_MENU) + [0.05, 0.05, 0.9]
    candidates = {DEFAULT_MODE: [row], "recall": list(EN_PROSE)}
    assert prose_loss(candidates[DEFAULT_MODE], candidates["recall"], 10) == 0.0
    values = mode_values(candidates, blocks, scores, CHOICE.threshold)
    assert values["recall"] > values[DEFAULT_MODE] + CHOICE.margin
    assert choose_mode(candidates, blocks, scores, CHOICE) == DEFAULT_MODE
    assert choose_mode(candidates, blocks, scores, ModeChoice(min_word_share=())) == "recall"
