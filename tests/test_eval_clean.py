"""The sentence oracle of scripts/eval_clean.py: what decisions below the line could reach."""

import importlib.util
import sys
from pathlib import Path

from tests.conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("eval_clean", ROOT / "scripts" / "eval_clean.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


eval_clean = _script()
devdata = eval_clean.devdata

GOLD = (
    "Council approves the budget\n"
    "The council approved the new budget on Monday after a long debate. "
    "Members voted nine to two for the plan, which raises spending on schools.\n"
    "库存量在过去一周下降了百分之三。"
)


def test_line_pieces_split_sentences_and_inline_furniture():
    line = "Members voted nine to two. Dr. Smith agreed. Read more | 3 comments · Share"
    assert eval_clean.line_pieces(line) == [
        "Members voted nine to two.",
        "Dr. Smith agreed.",
        "Read more",
        "3 comments",
        "Share",
    ]
    assert eval_clean.line_pieces("库存量下降了。价格上涨。") == ["库存量下降了。", "价格上涨。"]
    assert eval_clean.line_pieces("Home | News") == ["Home", "News"]


def test_sentence_oracle_keeps_the_article_pieces_of_mixed_lines():
    page = devdata.Page("cleaneval", "p1", Path("unused.html"), gold=GOLD)
    dump = "\n".join(
        [
            "Home | News | Sport",
            "Council approves the budget",
            "By Jane Doe | The council approved the new budget on Monday after a long debate. "
            "Share this story with your friends on Facebook",
            "Top stories: Storm hits the coast overnight. "
            "Members voted nine to two for the plan, which raises spending on schools.",
        ]
    )
    line_level = eval_clean.oracle_dump(dump, page).text.split("\n")
    sentence_level = eval_clean.sentence_oracle_dump(dump, page).text.split("\n")
    lines = dump.split("\n")
    # the mixed lines stay or go whole: one with its furniture, one with its sentence
    assert line_level == [lines[1], lines[3]]
    assert sentence_level == [
        "Council approves the budget",
        "The council approved the new budget on Monday after a long debate.",
        "Members voted nine to two for the plan, which raises spending on schools.",
    ]
