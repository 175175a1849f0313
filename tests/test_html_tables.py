"""HTML layout tables: turned into divs, and put back when the divs lose the article."""

from __future__ import annotations

from lxml import html

from hzcorpus.html_tables import (
    KEEP_SHARE,
    prose_words,
    unwrap_layout_tables,
    with_layout_tables,
)

SENTENCE = "The harbour authority said on Monday that the new ferry terminal would open late."
LAYOUT = (
    "<html><body><table><tr><td><h1>Brain teasers</h1></td></tr>"
    "<tr><td>Puzzle one.</td><td>Puzzle two.</td></tr></table>"
    "<table><tr><th>Year</th><th>Passengers</th></tr><tr><td>2022</td><td>1.2 million</td></tr>"
    "</table></body></html>"
)


def _tags(tree) -> list[str]:
    return [el.tag for el in tree.iter() if el.tag in ("table", "div")]


def test_a_layout_table_becomes_a_div_and_a_data_table_stays():
    tree = html.fromstring(LAYOUT)
    unwrapped = unwrap_layout_tables(tree)
    assert _tags(tree) == ["div", "table"]
    assert [tag for _, tag in unwrapped.elements] == ["table"]


def test_restore_and_redo_switch_the_tree_between_tables_and_divs():
    tree = html.fromstring(LAYOUT)
    unwrapped = unwrap_layout_tables(tree)
    unwrapped.restore()
    assert _tags(tree) == ["table", "table"]
    unwrapped.redo()
    assert _tags(tree) == ["div", "table"]


def test_prose_words_counts_sentences_of_lines_and_of_table_cells():
    assert prose_words([SENTENCE]) == 14
    assert (
        prose_words(
            [
                f"| Menu | {SENTENCE} | 12 |",
                "Home",
                "Ten words but no sentence mark at all in this line",
            ]
        )
        == 14
    )
    assert prose_words(["港务局周一表示，新的渡轮码头将推迟两年开放。"]) > 0


def _unwrapped():
    tree = html.fromstring(LAYOUT)
    return tree, unwrap_layout_tables(tree)


def _never() -> list[str]:
    raise AssertionError("the page must not be extracted again")


def test_lines_that_hold_the_pages_prose_are_kept_without_a_second_extraction():
    tree, unwrapped = _unwrapped()
    lines = [SENTENCE, SENTENCE]
    page = [SENTENCE, SENTENCE, "Home", "Contact"]
    assert with_layout_tables(lines, page, unwrapped, _never) == lines
    assert _tags(tree) == ["div", "table"]


def test_nothing_unwrapped_means_nothing_to_put_back():
    tree = html.fromstring("<p>x</p>")
    assert with_layout_tables([], [SENTENCE], unwrap_layout_tables(tree), _never) == []


def test_the_tables_come_back_when_the_divs_lose_the_articles_prose():
    tree, unwrapped = _unwrapped()
    page = [SENTENCE] * 5

    def with_tables() -> list[str]:
        assert _tags(tree) == ["table", "table"]  # read with the tables back
        return [f"| {SENTENCE} | {SENTENCE} |"] * 2

    assert with_layout_tables([SENTENCE], page, unwrapped, with_tables) == with_tables()
    assert _tags(tree) == ["table", "table"]


def test_the_divs_stay_when_the_tables_give_no_more_prose():
    tree, unwrapped = _unwrapped()
    lines = [SENTENCE] * 4
    page = [SENTENCE] * 6
    got = prose_words(lines)
    other = [SENTENCE] * 5  # 4 of 5 is not less than KEEP_SHARE
    assert got >= KEEP_SHARE * prose_words(other)
    assert with_layout_tables(lines, page, unwrapped, lambda: other) == lines
    assert _tags(tree) == ["div", "table"]
