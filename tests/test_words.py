"""Word counts for scripts with and without spaces, and the card and review pages that show them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hzcorpus.card import CardInfo, render_card
from hzcorpus.document import Document
from hzcorpus.review import render_review
from hzcorpus.words import SEPARATORS, UNSPACED, WORD_UNIT, count_words
from hzcorpus.writer import DatasetStats
from tests.review_fixture import make_dataset

CHINESE = "某年某月，杭州的公司发布了新模型。\n市场份额达到%。"  # 21 characters and "%"


def test_chinese_and_japanese_count_characters():
    assert count_words(CHINESE) == 22
    assert count_words("東京都は、新しい本を買った。") == 12
    assert count_words("我们在2024年发布了新的模型") == 12  # 2024 is one word


def test_spaced_scripts_count_whitespace_tokens():
    assert count_words("The council met, on Tuesday — again.") == 7
    assert count_words("서울시는 예산을 승인했다") == 3
    assert count_words("Москва и Белград") == 3
    assert count_words("") == count_words(" \n\u3000。") == 0


def _spaced_text():
    unspaced = "".join(UNSPACED.values()) + SEPARATORS
    return st.text(st.characters(exclude_characters=set(_expand(unspaced))))


def _expand(ranges: str) -> list[str]:
    out, i = [], 0
    while i < len(ranges):
        if i + 2 < len(ranges) and ranges[i + 1] == "-":
            out += [chr(c) for c in range(ord(ranges[i]), ord(ranges[i + 2]) + 1)]
            i += 3
        else:
            out.append(ranges[i])
            i += 1
    return out


@given(_spaced_text())
def test_without_cjk_a_word_is_a_whitespace_token(text):
    assert count_words(text) == len(text.split())


@given(st.text(), st.text())
def test_counts_add_up_across_whitespace(a, b):
    assert count_words(f"{a} {b}") == count_words(a) + count_words(b)


def _chinese_doc() -> Document:
    return Document(source="zh.txt", id="c0ffee0000000001", text=CHINESE, language="zh-cn")


def test_the_card_counts_and_names_its_words():
    stats = DatasetStats()
    stats.add(_chinese_doc().to_record())
    card = render_card(stats, CardInfo(stages=("read", "clean")), {"kept": 1})
    assert f"1 news articles (22 words; {WORD_UNIT})" in card
    assert WORD_UNIT in card.split("## Fields", 1)[1]


def test_the_review_page_counts_the_same_words(tmp_path):
    folder = make_dataset(tmp_path / "ds", [_chinese_doc()])
    index = render_review(folder)
    page = (index.parent / "index_articles" / "c0ffee0000000001.html").read_text("utf-8")
    assert f'title="{WORD_UNIT}">22 words<' in page


SPACES_AND_CJK = "ab \t\n\u00a0\u2003\u3000\u1680\x1c\x85中。、x"


@given(st.text(alphabet=st.sampled_from(SPACES_AND_CJK), max_size=40))
def test_the_split_shortcut_counts_as_the_word_pattern(text):
    from hzcorpus.words import _WORD

    assert count_words(text) == sum(1 for _ in _WORD.finditer(text))


def test_str_split_and_the_pattern_agree_on_whitespace_everywhere():
    import re
    import sys

    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert [c for c in chars if c.isspace()] == re.findall(r"\s", chars)
