"""The cleaning quality gate: scores on the annotated pages may not drop below the floors."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

import tests.clean_gate as gate

FLOORS = json.loads(gate.FLOORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    return gate.score_pages(gate.page_paths())


def test_pages_are_annotated_consistently():
    paths = gate.page_paths()
    assert len([p for p in paths if not p.name.startswith("seed_")]) >= 15
    assert len([p for p in paths if p.name.startswith("seed_")]) == 5
    for path in paths:
        annotation = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        lines = {line.strip() for line in path.read_text(encoding="utf-8").split("\n")}
        assert annotation["keep"], path.name
        assert not set(annotation["keep"]) & set(annotation["drop"]), path.name
        if path.suffix == ".txt":  # in a page-text dump every annotated line is a line
            for line in annotation["keep"] + annotation["drop"]:
                assert line in lines, (path.name, line)


GROUPS = sorted(g for g, v in FLOORS.items() if isinstance(v, dict))


def test_floors_are_pinned_to_these_pages():
    # pages changed since the floors were computed: `python -m tests.clean_gate --pin`
    assert FLOORS["pages_digest"] == gate.pages_digest(gate.page_paths())


@pytest.mark.parametrize("group", GROUPS)
def test_scores_stay_above_their_floors(scores, group):
    assert group in scores, f"no pages of {group}"
    for metric, floor in FLOORS[group].items():
        assert scores[group][metric] >= floor, (group, metric, scores[group][metric], floor)


def test_the_gate_catches_a_cleaner_that_removes_nothing(monkeypatch):
    def keep_everything(doc, options=None):
        lines = [line.strip() for line in doc.raw.split("\n") if line.strip()]
        return replace(doc, text="\n".join(lines), title=None, removed=[])

    monkeypatch.setattr(gate, "clean_document", keep_everything)
    lazy = gate.score_pages(gate.page_paths())["text"]
    assert lazy["keep_line_recall"] == 1.0
    assert lazy["drop_recall"] < FLOORS["text"]["drop_recall"]
    assert lazy["title_accuracy"] < FLOORS["text"]["title_accuracy"]
