import itertools
import json
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hzcorpus import (
    FLAG_KINDS,
    Document,
    FlagOptions,
    damaged_paragraphs,
    find_flags,
    flag_document,
    undamaged_text,
)
from hzcorpus.redaction_rules import RULES, prefilter_text
from hzcorpus.rules import rule_example_failures
from tests.conftest import RAW, run_cli
from tests.redaction_gold import FLOORS, GOLD_DIR, LANGS, SETS, load_gold, score

SEED = next(RAW.glob("000_*.txt")).read_text(encoding="utf-8")
GOLD = load_gold()
ALL_RECORDS = [record for name in SETS for record in load_gold(GOLD_DIR / name)]


def check_spans(text, spans):
    assert spans == sorted(spans, key=lambda s: (s.start, s.end))
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.match
        assert span.kind in FLAG_KINDS
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start, (a, b)


def test_every_rule_example():
    assert list(rule_example_failures(RULES)) == []


def test_rule_needs_hold_for_every_example():
    # a rule must never fire on a text that lacks all its `needs` (else the prefilter loses it)
    def fires(rule, text):
        return rule.may_fire(prefilter_text(text)) and rule.hits(text)

    assert list(rule_example_failures(RULES, fires)) == []
    for record in ALL_RECORDS:
        for rule in RULES:
            if rule.hits(record["text"]):
                assert rule.may_fire(prefilter_text(record["text"])), (rule.id, record["id"])


def test_rule_table_is_well_formed():
    for rule in RULES:
        assert rule.pattern is not None and rule.kind in FLAG_KINDS, rule.id
        assert 0 < rule.score <= 1 and rule.reason, rule.id
        assert rule.match and rule.no_match, f"{rule.id} needs examples both ways"


def test_seed_article_gaps():
    flags = find_flags(SEED)
    check_spans(SEED, flags)

    def flagged(phrase):
        at = SEED.index(phrase)
        return {f.kind for f in flags if f.start < at + len(phrase) and at < f.end}

    assert flagged("accounts for % of") == {"missing-number"}
    assert flagged("second with .%,") == {"missing-number"}
    assert flagged("accounts for .%.") == {"missing-number"}
    assert flagged("more than % over") == {"missing-number"}
    assert flagged("text: , estimated") == {"missing-number"}
    assert flagged("approximately minutes") == {"missing-number"}
    assert flagged('the "+" industrial') == {"missing-number"}
    assert flagged("On [date]") == {"placeholder"}
    for phrase in ("On a certain date", "In a certain month and year", "a certain month this"):
        assert flagged(phrase) == {"vague-date"}, phrase
    for phrase in ("to a certain extent", "2023 Suzhou", "2025.02.18", "More than twenty"):
        assert flagged(phrase) == set(), phrase


def test_gold_sets_are_well_formed():
    assert len(GOLD) >= 300
    assert len(ALL_RECORDS) - len(GOLD) >= 100
    for name in SETS:
        records = load_gold(GOLD_DIR / name)
        assert len({r["id"] for r in records}) == len(records), name
    for lang in LANGS:
        records = [r for r in GOLD if r["lang"] == lang]
        assert sum(bool(r["spans"]) for r in records) >= 40, lang
        assert sum(not r["spans"] for r in records) >= 40, lang
    for record in ALL_RECORDS:
        for span in record["spans"]:
            assert span["kind"] in FLAG_KINDS
            assert 0 <= span["start"] < span["end"] <= len(record["text"])


@pytest.mark.parametrize("name", SETS)
def test_gold_scores_stay_above_floors(name):
    scores = score(load_gold(GOLD_DIR / name), find_flags)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[name]
    assert set(floors) == set(scores)
    drops = []
    for lang, kinds in scores.items():
        assert set(floors[lang]) == set(kinds), lang
        for kind, cell in kinds.items():
            for metric, floor in floors[lang][kind].items():
                if cell[metric] < floor:
                    drops.append(f"{lang}/{kind} {metric} {cell[metric]:.3f} < {floor}")
    assert not drops, drops


def test_spans_are_valid_and_prefilter_changes_nothing():
    every_rule = FlagOptions(prefilter=False)
    for text in [SEED, *(r["text"] for r in ALL_RECORDS)]:
        flags = find_flags(text)
        check_spans(text, flags)
        assert flags == find_flags(text, every_rule), text


# Pieces of real cuts and their neighbours (separators, units, month names, tags, line
# breaks): joined at random, they reach the places where a rule's pattern and its `needs`
# can disagree (a newline where the needs say a space, a bracket before a placeholder).
PIECES = [
    *("X", "x", "XX", "×", "$", "€", "%", "%.", "km", "people", "million", "Jahren"),
    *("Prozent", "Euro", "on", "May", "am", "Juli", "in", "about", "rund", "im", "Jahr"),
    *("年", "月", "日", "人", "亿", "美元", "[", "]", "(", ")", "#", "NAME", "<", ">", "█"),
    *(".", ",", ":", ";", "'", '"', "-", "/", " ", "  ", "\n", "\t", "\u00a0", "1", "2020"),
    *("the", "PERSON", "REDACTED", "at", "PM", "Uhr", "seit", "bis", "vom"),
    *("Ende", "die", "von", "über", "pro", "monatlich", "Cent", "sollen", "zu"),
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
@example(["(", "XX", " ", "people"])
@example([".", "\n", "Juli"])
@example(["X", "\n", "%"])
@example(["\n", "at", " ", "am"])
@example(["×", "in", "  ", "in"])
@example(["(", "in", " ", "-", "2020"])
@example(["Juli", "\n", "X", " ", "May"])
def test_the_prefilter_changes_nothing_on_joined_pieces(parts):
    text = "".join(parts)
    assert find_flags(text) == find_flags(text, FlagOptions(prefilter=False))


@pytest.mark.parametrize("boundary", ["×", "\n", "\u00a0"])
def test_the_prefilter_changes_nothing_where_a_space_was(boundary):
    # a rule's `needs` hold a space where its pattern may have `\b` or `\s`: every match
    # example with each of its spaces (and its start) turned into another boundary
    plain = FlagOptions(prefilter=False)
    for rule in RULES:
        for sample in rule.match:
            for at in [i for i, c in enumerate(sample) if c == " "] + [-1]:
                text = boundary + sample if at < 0 else f"{sample[:at]}{boundary}{sample[at + 1 :]}"
                assert find_flags(text) == find_flags(text, plain), (rule.id, text)


def test_offsets_are_code_points():
    text = "🚀 增长了，北京占%。\nThe share rose to .% 🙂 and fell by % later."
    flags = find_flags(text)
    assert [f.match for f in flags] == ["%", ".%", "%"]
    check_spans(text, flags)


def test_do_not_flag():
    for text in (
        "Revenue rose 5,5 % to 3.2 billion; margins widened 2 %-Punkte.",
        "占25%，第二名为12.5％。",
        "printf('%s scored %d%%', name, n) and %.2f",
        "See https://example.com/a%20b%2Fc for details.",
        "It was disputed.[1][citation needed] [Photo: VCG]",
        "To a certain extent, a certain company was right.",
        "GPT 4.1, Qwen3-Coder and C++ were compared.",
        "Call +86 571 8502 2088 before 9:30 or at 14:00.",
        "Einmal im Jahr, bis zu einem gewissen Grad, geht es um Minuten; über Jahre hinweg.",
        "Die Quote (in %) stieg um 0,3 Prozentpunkte auf 5,1 Prozent.",
        "某公司某年轻人在某日报发表文章，近万人阅读，数亿元资金流入。",
        "该校排名第二，第3届大会于2024年5月1日举行，出生年月不详。",
    ):
        assert find_flags(text) == [], text


def test_lookalike_sentences_stay_unflagged():
    # intact news sentences full of numbers, dates, signs and names (en/de/zh)
    lines = (GOLD_DIR / "lookalikes.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 40
    flagged = {line: [f.match for f in find_flags(line)] for line in lines}
    assert {line: hits for line, hits in flagged.items() if hits} == {}


def test_options_filter_kinds_scores_and_rules():
    text = "On [date], sales rose by % in a certain month and year."
    assert {f.kind for f in find_flags(text)} == {"placeholder", "missing-number", "vague-date"}
    only = find_flags(text, FlagOptions(kinds=("vague-date",)))
    assert [f.kind for f in only] == ["vague-date"]
    assert find_flags(text, FlagOptions(min_score=0.99)) == []
    skipped = find_flags(text, FlagOptions(skip_rules=frozenset({"bracket-placeholder"})))
    assert "placeholder" not in {f.kind for f in skipped}
    with pytest.raises(ValueError, match="unknown flag kinds"):
        find_flags(text, FlagOptions(kinds=("typo",)))


def test_overlapping_hits_keep_the_most_confident():
    # "XX%" is a placeholder; the percent rule alone would call it a missing number
    flags = find_flags("Prices rose XX% in May.")
    assert [(f.kind, f.match) for f in flags] == [("placeholder", "XX%")]


def test_flag_document_and_paragraph_helpers():
    text = "An intact paragraph with 5% growth.\nSales rose by % on [date].\nAnother clean one."
    doc = Document(source="x.txt", text=text)
    flagged = flag_document(doc)
    assert flagged.text == text and doc.flags == []
    assert flagged.flag_counts()["missing-number"] == 1
    assert flagged.flag_counts()["placeholder"] == 1
    assert damaged_paragraphs(flagged) == [1]
    record = flagged.to_record()
    assert damaged_paragraphs(record) == [1]
    assert damaged_paragraphs(record, kinds=("vague-date",)) == []
    assert undamaged_text(record) == "An intact paragraph with 5% growth.\nAnother clean one."
    assert record["flag_counts"]["missing_number"] == 1


def test_cli_jsonl_streams_and_reports_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": "Beijing accounts for % of talent."}),
        "{not json",
        json.dumps({"id": 7, "body": "no text"}),
        "",
        json.dumps({"id": "b", "text": "Nothing missing: 25% here."}),
        json.dumps(["a list"]),
    ]
    out = run_cli("flag", "--jsonl", stdin="\n".join(lines) + "\n")
    assert out.returncode == 1, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == len(lines)
    assert rows[0]["id"] == "a"
    assert [(f["start"], f["end"], f["kind"], f["match"]) for f in rows[0]["flags"]] == [
        (21, 22, "missing-number", "%")
    ]
    assert set(rows[0]["flags"][0]) >= {"start", "end", "kind", "rule", "match"}
    assert rows[1]["id"] is None and "JSON" in rows[1]["error"]
    assert rows[2]["id"] == 7 and "text" in rows[2]["error"]
    assert rows[3]["id"] is None and "error" in rows[3]
    assert rows[4] == {"id": "b", "flags": []}
    assert rows[5]["id"] is None and "error" in rows[5]


def flag_file(tmp_path, name, content, rule):
    """`hzcorpus flag` on one file: (its file path, output lines, index of `rule`'s header)."""
    page = tmp_path / name
    page.write_text(content, "utf-8")
    out = run_cli("flag", str(page))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    return page, lines, next(i for i, line in enumerate(lines) if rule in line)


def test_cli_files_show_line_and_caret(tmp_path):
    text = "A title\nFirst paragraph is fine.\nGrowth reached .% last year.\n"
    page, lines, at = flag_file(tmp_path, "page.txt", text, "decimal-point-without-digits")
    assert lines[at].startswith(f"{page}:") and "missing-number" in lines[at]
    context, caret = lines[at + 1], lines[at + 2]
    column = caret.index("^")
    assert context[column : column + 2] == ".%" and caret.strip() == "^^"
    assert "cleaned text" in lines[0]


def test_cli_caret_counts_wide_characters(tmp_path):
    text = "标题\n北京占全国人才的%，排名第一。\n"
    page, lines, at = flag_file(tmp_path, "zh.txt", text, "percent-sign-without-number")
    assert re.match(rf"{re.escape(str(page))}:\d+:9 missing-number", lines[at])  # col 9
    # four spaces of indent, eight double-width characters before the gap
    assert lines[at + 2] == " " * (4 + 2 * 8) + "^"


def test_cli_html_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Report</title></head><body><article>\n"
        "<p>Exports rose by % in the first half, the ministry said on [date].</p>\n"
        "<p>The rest of the article is intact and long enough to be kept.</p>\n"
        "</article></body></html>\n",
        "utf-8",
    )
    out = run_cli("flag", str(page))
    assert out.returncode == 0, out.stderr
    assert "percent-sign-without-number" in out.stdout
    assert "bracket-placeholder" in out.stdout


def test_cli_jsonl_kinds_and_min_score():
    line = json.dumps({"id": 1, "text": "On [date], sales rose by % in a certain month."}) + "\n"
    kinds = {f["kind"] for f in json.loads(run_cli("flag", "--jsonl", stdin=line).stdout)["flags"]}
    assert kinds == {"placeholder", "missing-number", "vague-date"}
    out = run_cli("flag", "--jsonl", "--kinds", "vague-date,placeholder", stdin=line)
    assert {f["kind"] for f in json.loads(out.stdout)["flags"]} == {"vague-date", "placeholder"}
    out = run_cli("flag", "--jsonl", "--min-score", "0.92", stdin=line)
    assert [f["rule"] for f in json.loads(out.stdout)["flags"]] == ["bracket-placeholder"]
    out = run_cli("flag", "--jsonl", "--kinds", "typo", stdin=line)
    assert out.returncode == 2 and "unknown flag kind typo" in out.stderr


def test_cli_flag_needs_input(tmp_path):
    out = run_cli("flag")
    assert out.returncode == 2 and "hzcorpus:" in out.stderr
    out = run_cli("flag", str(tmp_path / "missing.txt"))
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_cli_jsonl_first_line_may_start_with_a_byte_order_mark():
    line = json.dumps({"id": "a", "text": "Sales rose by % last year."})
    out = run_cli("flag", "--jsonl", stdin="\ufeff" + line + "\n" + line + "\n")
    assert out.returncode == 0, out.stdout
    rows = [json.loads(row) for row in out.stdout.splitlines()]
    assert [row["flags"][0]["match"] for row in rows] == ["%", "%"]


def test_cli_min_score_outside_zero_to_one_is_an_error():
    line = json.dumps({"id": 1, "text": "On [date], sales rose by %."}) + "\n"
    for bad in ("2", "-0.1", "nan"):
        out = run_cli("flag", "--jsonl", "--min-score", bad, stdin=line)
        assert out.returncode == 2 and "Traceback" not in out.stderr, bad
        assert "--min-score" in out.stderr and out.stdout == "", bad
    out = run_cli("flag", "--jsonl", "--min-score", "1", stdin=line)
    assert out.returncode == 0 and json.loads(out.stdout)["flags"] == []


def test_anonymisation_tokens_in_any_language_are_placeholders():
    for text, token in (
        ("said #NAME# on Monday", "#NAME#"),
        ("Laut Anklage hat [PERSON2] das Geld überwiesen.", "[PERSON2]"),
        ("據悉，(PERSON1)曾在該公司任職。", "(PERSON1)"),
        ("The memo was copied to ███.", "███"),
    ):
        flags = find_flags(text)
        assert [(f.kind, f.match) for f in flags] == [("placeholder", token)], text


def test_new_cut_types_are_found():
    for text, match in (
        ("The agreement was signed on May , in Geneva.", "May ,"),
        ("Das Stadtfest findet am . Juli statt.", ". Juli"),
        ("Die Ausstellung ist vom .. bis .. geöffnet.", ".. bis .."),
        ("北京月日電，談判今日展開。", "月日"),
        ("比賽共名選手參加。", "名"),
        ("Der Zug fährt um Uhr ab.", "um Uhr"),
        ("The plant employs XX people.", "XX people"),
    ):
        assert [f.match for f in find_flags(text)] == [match], text
