"""Every example of every line rule passes, and the tables are well formed."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hzcorpus.boilerplate import CONTEXT_REASONS, LINE_RULES, UI_LABELS, Thresholds
from hzcorpus.clean import CleanOptions
from hzcorpus.rules import Rule, fold, rule_example_failures

KINDS = {"furniture", "edge", "boundary", "published", "byline", "toc"}


def test_every_rule_example_passes():
    assert list(rule_example_failures(LINE_RULES)) == []


def test_rules_are_well_formed():
    for rule in LINE_RULES:
        assert rule.kind in KINDS, rule.id
        assert rule.reason and rule.match, rule.id
        assert rule.pattern is None or rule.pattern.startswith("^"), rule.id
    assert not set(CONTEXT_REASONS) & {r.id for r in LINE_RULES}


def test_options_default_to_the_tables():
    options = CleanOptions()
    assert options.rules is LINE_RULES
    assert options.thresholds == Thresholds()
    hash(options)  # frozen, usable as a cache key


def test_combined_matcher_agrees_with_rule_by_rule():
    from hzcorpus.line_matcher import LineMatcher
    from tests.clean_gate import page_paths

    first_hit = LineMatcher.of(LINE_RULES)
    lines = {ex for rule in LINE_RULES for ex in rule.match + rule.no_match}
    for path in page_paths():
        lines.update(line.strip() for line in path.read_text(encoding="utf-8").split("\n"))
    for line in sorted(lines):
        expected = next((rule for rule in LINE_RULES if rule.hits(line)), None)
        assert first_hit(line) is expected, line


def test_custom_options_pickle_for_worker_processes():
    import pickle

    options = CleanOptions(rules=LINE_RULES[:-1])
    assert pickle.loads(pickle.dumps(options)) == options


def test_first_char_of_a_pattern_keeps_every_possible_start():

    from hzcorpus.rules import Rule

    cases = {
        r"^\s*(?:read more|mehr)\b": ("read more", "  mehr", "Mehr"),
        r"^(?-i:Foto)|^(?:x)?y": ("Foto", "xy", "y"),
        r"^(?=ab)a|^[^a-z]": ("ab", "1", "É"),
        r"^(?:[Hh]ome|首页)\s*>": ("Home >", "home>", "首页 >"),
        r"^\d{1,2}[.)]\s": ("3. ", "12) "),
    }
    for pattern, starts in cases.items():
        rule = Rule("r", "test", pattern, match=starts)
        assert rule.first_char is not None, pattern
        for text in starts:
            assert rule.regex.match(text), (pattern, text)
            assert rule.first_char.match(text), (pattern, text)
    assert Rule("r", "t", r"^(?-i:Foto)", match=("Foto",)).first_char.match("foto") is None
    for anything in (r"^.x", r"^(?:a)?", r"^[^x]*", r"^x*"):  # any start, or empty hits
        assert Rule("r", "t", anything, match=("x",)).first_char is None, anything
    assert Rule("r", "t", predicate=str.isupper, match=("X",)).first_char is None


def test_first_chars_names_each_character_once():
    from hzcorpus.rules import first_chars

    assert first_chars(r"^(?:share|save|send|[Ss]ign in|print)\b") == "s|[Ss]|p"


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted({ex for rule in LINE_RULES for ex in rule.match + rule.no_match})),
    st.text(alphabet=" -•·|>»:©.\n0123456789aBcÄéßİıſ\u212a首页", max_size=4),
    st.booleans(),
)
def test_combined_matcher_agrees_on_varied_lines(example, affix, upper):
    from hzcorpus.line_matcher import LineMatcher

    first_hit = LineMatcher.of(LINE_RULES)
    for line in (affix + example, example + affix, example.upper() if upper else example.lower()):
        expected = next((rule for rule in LINE_RULES if rule.hits(line)), None)
        assert first_hit(line) is expected, line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAzZ5٣:|é\u212a -", max_size=8))
def test_required_characters_found_with_the_strings_are_the_rules(text):
    """An ASCII line's required characters come from its strings' pass where a class is
    the same in either case (`\\d`, `[:|]`); a class of one case (`[A-Z]`) or without
    ASCII members (`[é]`) is still searched: the first hits stay `Rule.hits`'."""
    from hzcorpus.line_matcher import LineMatcher

    def fires(line: str) -> bool:
        return True

    table = tuple(
        Rule(f"r{i}", "test", predicate=fires, requires_chars=chars, requires=needs, match=(m,))
        for i, (chars, needs, m) in enumerate(
            [
                (r"[A-Z]", (), "A"),
                (r"\d", ("z",), "z5"),
                (r"[é]", (), "é"),
                (r"[:|]", (), ":"),
                (r"\d", (), "٣"),
            ]
        )
    )
    matcher = LineMatcher(table)
    for line in (text, text.lower(), text.upper()):
        assert matcher(line) is next((r for r in table if r.hits(line)), None), line


def test_the_matchers_memo_answers_as_the_rules_and_stays_bounded(monkeypatch):
    from hzcorpus.line_matcher import LineMatcher

    monkeypatch.setattr(LineMatcher, "MEMO_LINES", 3)
    first_hit = LineMatcher(LINE_RULES)
    lines = sorted({ex for rule in LINE_RULES for ex in rule.match + rule.no_match})[:40]
    for _ in range(2):  # the second round is answered from the memo where it holds the line
        for line in lines:
            expected = next((rule for rule in LINE_RULES if rule.hits(line)), None)
            assert first_hit(line) is expected, line
            assert len(first_hit._memo) <= 3
    long_line = "Furniture " * 30  # over MEMO_LINE_CHARS: answered, never held
    assert first_hit(long_line) is next((r for r in LINE_RULES if r.hits(long_line)), None)
    assert long_line not in first_hit._memo


def test_lines_alike_at_their_edges_share_one_plan():
    from hzcorpus.line_matcher import LineMatcher

    first_hit = LineMatcher(LINE_RULES)
    for line in ("alpha", "beta", "Alpha", "ALPHA", "ändern", "1.", "2.", "首页", "»"):
        first_hit(line)
    assert first_hit._mask("1.") == first_hit._mask("2.")
    assert len(first_hit._plans) < 9
    prose = "The council met on Tuesday and agreed to the plan after a long debate."
    ids = {LINE_RULES[i].id for i, _ in first_hit._plan(first_hit._mask(prose))}
    assert "headline-with-count" not in ids  # its hits end with a count, never with "."
    assert "date-meta" not in ids  # over its `max_chars`
    assert "copyright" not in ids  # none of its `requires`
    assert "author-role" not in ids  # none of its literals ("reporter", "editor", …)


def test_last_char_of_a_pattern_keeps_every_possible_end():
    from hzcorpus.rules import Rule

    cases = {
        r"^(?:read more|mehr)\s*$": ("read more", "mehr  ", "MEHR"),
        r"^a(?-i:Foto)$|^x(?:y|z\d)$": ("aFoto", "xy", "xz1"),
        r"^.*(?<=b)b$|^(?:(?:c))$(?!x)": ("bb", "abb", "c"),
        r"^(?:[Hh]ome|首页)\s*>\Z": ("Home >", "home>", "首页 >"),
    }
    for pattern, texts in cases.items():
        rule = Rule("r", "test", pattern, match=texts)
        assert rule.last_char is not None, pattern
        for text in texts:
            assert rule.regex.match(text), (pattern, text)
            assert rule.last_char.match(text[-1]), (pattern, text)
    assert Rule("r", "t", r"^a(?-i:Foto)$", match=("aFoto",)).last_char.match("O") is None
    for open_end in (r"^x", r"^x$|^y", r"^x.$", r"^x?$", r"(?m)^x$", r"^x(?=$)"):
        assert Rule("r", "t", open_end, match=("x",)).last_char is None, open_end
    assert Rule("r", "t", predicate=str.isupper, match=("X",)).last_char is None


def test_a_table_has_one_matcher_whether_found_by_identity_or_by_value():
    from hzcorpus.line_matcher import LineMatcher

    matcher = LineMatcher.of(LINE_RULES)
    assert LineMatcher.of(LINE_RULES) is matcher
    assert LineMatcher.of(tuple(LINE_RULES)[:-1]) is not matcher
    assert LineMatcher.of(tuple(list(LINE_RULES))) is matcher  # an equal table, another tuple


def _pattern_preconditions_hold(line: str) -> None:
    """A pattern rule's hit implies its preconditions and its derived length bound (for
    predicates the preconditions are part of the rule itself)."""
    for rule in LINE_RULES:
        if rule.pattern is None or rule.regex.search(line) is None:
            continue
        assert rule.admits(line), (rule.id, line)
        if rule.regex.match(line) and rule.longest_text is not None:
            assert len(line) <= rule.longest_text, (rule.id, line)
        folded = fold(line)
        assert not rule.literals or any(s in folded for s in rule.literals), (rule.id, line)


def test_pattern_preconditions_keep_every_hit():
    from tests.clean_gate import page_paths

    lines = {ex for rule in LINE_RULES for ex in rule.match + rule.no_match}
    for path in page_paths():
        lines.update(line.strip() for line in path.read_text(encoding="utf-8").split("\n"))
    assert any(r.pattern and (r.requires or r.requires_chars) for r in LINE_RULES)
    assert sum(bool(r.literals) for r in LINE_RULES) > 20
    for line in lines:
        _pattern_preconditions_hold(line)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted({ex for rule in LINE_RULES for ex in rule.match})),
    st.text(alphabet=" .:1٣İıſ\u212aKSI", max_size=3),
    st.sampled_from([str.upper, str.lower, str.title, str.swapcase]),
)
def test_pattern_preconditions_keep_hits_in_any_case(example, affix, case):
    """Case traps: "İ" and "ſ" match "i" and "s" with IGNORECASE, "٣" is a digit."""
    for line in (case(example), affix + case(example), case(example) + affix):
        _pattern_preconditions_hold(line)
        _pattern_preconditions_hold(line.replace("i", "İ").replace("s", "ſ"))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(sorted(UI_LABELS)), min_size=1, max_size=3),
    st.sampled_from([" | ", "/", " ｜ ", " "]),
    st.sampled_from(["", ":", " »", " · 5:12 min", " (4 Min)"]),
    st.sampled_from([str.upper, str.title, str]),
)
def test_ui_label_strings_are_implied_by_its_predicate(labels, separator, suffix, case):
    """The `ui-label` row's `requires` restates its predicate: a line of labels holds one."""
    from hzcorpus.boilerplate import _is_ui_label

    rule = next(r for r in LINE_RULES if r.id == "ui-label")
    line = case(separator.join(labels) + suffix)
    for text in (line, line.replace("i", "İ"), line.replace("s", "ſ")):
        if _is_ui_label(text):
            assert rule.admits(text) or len(text) > rule.max_chars, text


def test_literals_are_the_strings_every_hit_holds():
    cases = {
        r"^(?:says|said)\s*:": {"sa"},  # the parser moves the common "sa" out of the branch
        r"^a?bc(?:d|e)": {"bc"},
        r"^x(?:abc)+y*": {"abc"},
        r"^(?:reporter|记者)$": {"reporter", "记者"},
        r"^İstanbul": {"istanbul"},
        r"^(?i:Foto)\b": {"foto"},
    }
    for pattern, literals in cases.items():
        assert Rule("r", "t", pattern, match=("x",)).literals == literals, pattern
    for none in (r"^(?:abc)*", r"^(?:abc|d)", r"^[ab]c", r"^a.b", r"^\d+"):
        assert Rule("r", "t", none, match=("x",)).literals == frozenset(), none
    assert Rule("r", "t", predicate=str.isupper, match=("X",)).literals == frozenset()
    for text in ("ISTANBUL", "ıstanbul", "İSTANBUL", "iſtanbul"):
        assert Rule("r", "t", r"^İstanbul", match=("x",)).regex.match(text), text
        assert "istanbul" in fold(text), text


@settings(max_examples=500, deadline=None)
@given(st.characters(), st.sampled_from([str.lower, str.upper, str.swapcase, str.title]))
def test_characters_a_pattern_takes_as_one_fold_alike(char, case):
    """`fold` writes alike every two characters that a case-insensitive pattern of one
    of them takes as the other (the literals are `fold`ed pattern characters)."""
    import re

    for other in {case(char), *"İıiſsKkΣσςµμ"}:
        if len(fold(char)) == 1 and re.fullmatch(re.escape(char), other, re.IGNORECASE):
            assert fold(other) == fold(char), (char, other)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["12", "3.", "2025", " ", "März", "Mon", "de", "mai", ".", "/", "星期一"])
        | st.sampled_from(["Feb", "11,", "\t", "\xa0", "\n", "٣", "th", "de ", "年", "月", "日"])
        | st.text(alphabet="aA1 .:-/年月日", max_size=3),
        max_size=8,
    )
)
def test_a_guarded_pattern_finds_the_same_hits(parts):
    """`rules.guarded` (DATE_IN_LINE is one) finds what its pattern finds, where it finds it;
    a date's text holds `DATE_SHAPE`."""
    import re

    from hzcorpus.boilerplate import _DATE, DATE_IN_LINE, DATE_SHAPE
    from hzcorpus.rules import guarded

    text = "".join(parts)
    if (date := DATE_IN_LINE.search(text)) is not None:
        assert DATE_SHAPE.search(date.group()), text
    plain = re.compile(_DATE, re.I).search(text)
    found = DATE_IN_LINE.search(text)
    assert (found and found.group()) == (plain and plain.group()), text
    assert (found and found.span()) == (plain and plain.span()), text
    assert guarded(r"^(?:a|b)?\d", re.I).pattern.startswith("(?=")
    assert guarded(r".x").pattern == ".x"  # a hit may start with any character


def _icon_run_token_by_token(line: str) -> bool:
    """The `icon-names` row as it was written before its one-match shape test (now its
    gate)."""
    import re

    from hzcorpus.boilerplate import ICON_WORDS, STOPWORDS

    if line[:1].isupper() or not line[:1].isascii():
        return False
    tokens = line.split()
    if len(tokens) < 6 or line != line.lower():
        return False
    if not all(re.fullmatch(r"[a-z0-9_-]+", t) for t in tokens):
        return False
    known = sum(t in ICON_WORDS or "-" in t or "_" in t for t in tokens)
    stop = sum(t in STOPWORDS for t in tokens)
    return known >= 0.5 * len(tokens) and stop <= 0.1 * len(tokens)


def _cjk_menu_token_by_token(line: str) -> bool:
    import re

    tokens = line.split()
    return len(tokens) >= 4 and all(re.fullmatch(r"[\u4e00-\u9fff]{1,4}", t) for t in tokens)


#: Pieces of icon rows, Chinese menus and what breaks them (case, marks, odd white space).
_ROW_PIECES = st.sampled_from(
    [
        "icon",
        "fa-home",
        "arrow_left",
        "the",
        "x1",
        "Menu",
        "-",
        "新闻",
        "体育频道",
        "国际新闻网",
        "a.b",
        "é",
        "ß",
        "İ",
        "K",
        " ",
        "  ",
        "\t",
        "\xa0",
        "\u3000",
        "\n",
        "，",
    ]
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_ROW_PIECES, max_size=14).map("".join)
    | st.lists(_ROW_PIECES, max_size=9).map(" ".join)
)
@example("\xa0fa-home arrow_left fa-bars fa-user fa-search fa-close")  # no ASCII first
@example("fa-home arrow_left fa-bars fa-user fa-search fa-close")
@example("fa-home arrow_left fa-bars fa-user fa-search")  # five names: too few
@example("国际新闻网 体育 财经 科技")  # a five-character word
@example("国际 体育 财经 科技")
@example("国际 体育 财经")  # three words: too few
def test_row_shape_rows_answer_as_token_by_token(line):
    rows = {rule.id: rule for rule in LINE_RULES}
    assert rows["icon-names"].hits(line) == _icon_run_token_by_token(line)
    assert rows["cjk-menu"].hits(line) == (len(line) <= 100 and _cjk_menu_token_by_token(line))


def test_group_names_are_the_compiled_patterns():
    from hzcorpus.html_dates import DAY_DATE_FORMS
    from hzcorpus.redaction_rules import RULES

    rules = [r for r in (*LINE_RULES, *RULES, *DAY_DATE_FORMS) if r.pattern is not None]
    assert any(r.group_names for r in rules)
    for rule in rules:
        assert rule.group_names == tuple(rule.regex.groupindex), rule.id


def test_a_bulleted_line_is_judged_by_its_item():
    """`bulleted-label` removes "• item" when the item alone is furniture or a boundary by
    the table's first hit, and leaves items of edge and metadata rows (a list item may be
    a section name or a date of the article)."""
    from hzcorpus.boilerplate import BULLETED_KINDS, NOT_FOR_ITEMS
    from hzcorpus.line_matcher import LineMatcher

    first_hit = LineMatcher.of(LINE_RULES)
    bulleted = next(rule for rule in LINE_RULES if rule.id == "bulleted-label")
    judged = {True: 0, False: 0}
    for rule in LINE_RULES:
        for item in rule.match:
            hit = first_hit(item)
            if len(item) > 55 or hit is None or hit.id in NOT_FOR_ITEMS:
                continue
            expected = hit.kind in BULLETED_KINDS
            assert bulleted.hits(f"• {item}") is expected, (hit.id, item)
            judged[expected] += 1
    assert judged[True] > 50 and judged[False] > 10


def test_a_pages_first_hits_are_its_lines_hits():
    from hzcorpus.line_matcher import LineMatcher

    first_hit = LineMatcher(LINE_RULES)
    lines = sorted({ex for rule in LINE_RULES for ex in rule.match + rule.no_match})
    lines += lines[:50]  # repeats: answered from the memo
    expected = [next((rule for rule in LINE_RULES if rule.hits(line)), None) for line in lines]
    assert first_hit.first_hits(lines) == expected
    assert LineMatcher(LINE_RULES).first_hits(lines) == expected  # a new matcher, no memo
    pairs = list(zip(lines, expected, strict=True))
    limited = first_hit.first_hits(lines, max_chars=20)
    assert limited == [hit if len(line) <= 20 else None for line, hit in pairs]
    assert any(hit is not None and len(line) > 20 for line, hit in pairs)  # some are cut


def test_a_gate_is_a_predicate_rows_pattern_from_its_start():
    gated = Rule("r", "t", predicate=str.islower, gate=r"^[a-c]\w*\Z", flags=0, match=("abc",))
    assert gated.hits("abc") and not gated.hits("dbc") and not gated.hits("aBc")
    assert gated.first_char.match("a") and gated.first_char.match("d") is None
    assert gated.last_char.match("c") and gated.last_char.match(" ") is None
    for wrong in ({"gate": r"[a-c]"}, {"gate": r"^a", "pattern": r"^a", "predicate": None}):
        with pytest.raises(ValueError, match="gate"):
            Rule("r", "t", **{"predicate": str.islower, **wrong})


def test_every_date_example_holds_the_date_shape():
    from hzcorpus.boilerplate import DATE_IN_LINE, DATE_SHAPE

    examples = {ex for rule in LINE_RULES for ex in rule.match + rule.no_match}
    dated = [ex for ex in sorted(examples) if DATE_IN_LINE.search(ex)]
    assert len(dated) > 20
    for line in dated:
        assert DATE_SHAPE.search(DATE_IN_LINE.search(line).group()), line
