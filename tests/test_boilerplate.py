"""Every example of every line rule passes, and the tables are well formed."""

from __future__ import annotations

from hzcorpus.boilerplate import CONTEXT_REASONS, LINE_RULES, Thresholds
from hzcorpus.clean import CleanOptions
from hzcorpus.rules import rule_example_failures

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
    from hzcorpus.clean import _FirstHit
    from tests.clean_gate import page_paths

    first_hit = _FirstHit.of(LINE_RULES)
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
