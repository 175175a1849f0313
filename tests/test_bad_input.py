"""Bad input through the whole read + clean path: a result or a one-line error, never a
traceback, a hang or a crash of the process.

The CLI cases hold for any correct cleaner (they do not assert the cleaned text). The HTML
cases also run read + `extract_html` in-process, the path `hzcorpus clean page.html` takes.
"""

from __future__ import annotations

import json
import random
import subprocess
import time

import pytest

from hzcorpus.errors import InputError
from hzcorpus.html import HtmlOptions, extract_html
from hzcorpus.read import read_document
from tests.conftest import run_cli

MB = 1_000_000
PARAGRAPH = (
    "The regional water board said on Thursday that the reservoir had reached its lowest "
    "level in a decade, and asked households to cut their use by a fifth until autumn."
)


def clean_json(path) -> subprocess.CompletedProcess:
    return run_cli("clean", str(path), "--json")


def assert_result_or_one_line_error(out) -> None:
    """The CLI contract for any input: exit 0 with a document, or non-zero with one line."""
    assert "Traceback" not in out.stderr
    if out.returncode == 0:
        document = json.loads(out.stdout)
        assert isinstance(document["text"], str)
    else:
        assert out.returncode > 0, "killed by a signal"
        lines = out.stderr.strip().split("\n")
        assert len(lines) == 1 and lines[0].startswith("hzcorpus: "), out.stderr[:500]


def assert_one_line_error(out, message: str) -> None:
    assert out.returncode != 0
    assert_result_or_one_line_error(out)
    assert message in out.stderr


def extract_path(path, options: HtmlOptions | None = None, error: str | None = None):
    """read + `extract_html`: the result, or None after checking that the `InputError` is
    one line (and is `error` when given)."""
    try:
        return extract_html(read_document(path).raw, options or HtmlOptions())
    except InputError as exc:
        assert "\n" not in str(exc)
        assert error is None or str(exc) == error
        return None


def html_page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Water</title></head><body>{body}</body></html>"


def varied_paragraphs(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    words = PARAGRAPH.rstrip(".").split()
    return "".join(
        f"<p>{' '.join(rng.sample(words, len(words))).capitalize()}.</p>\n" for _ in range(n)
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "input is empty"),
        (b" \n\t\r\n  \n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "binary"),
        (bytes(range(256)) * 64, "binary"),
    ],
    ids=["empty", "whitespace", "png", "control-bytes"],
)
def test_unreadable_files_give_a_one_line_error(tmp_path, data, message):
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    assert_one_line_error(clean_json(path), message)


def test_undecodable_bytes_give_a_result_or_a_one_line_error(tmp_path):
    path = tmp_path / "page.txt"
    # invalid UTF-8 everywhere, no declared charset: decoded by a guess or refused
    path.write_bytes(b"\xff\xfe\xfa\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 200)
    assert_result_or_one_line_error(clean_json(path))


def test_undecodable_utf16_after_its_bom_is_a_one_line_error(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8" * 10)  # lone surrogates
    assert_one_line_error(clean_json(path), "undecodable")


def test_a_30_mb_page_is_refused_with_the_read_limit(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("<html><body>")
        fh.write(f"<p>{PARAGRAPH}</p>\n" * (30 * MB // len(PARAGRAPH)))
        fh.write("</body></html>")
    assert_one_line_error(clean_json(path), "MB limit")


def test_a_15_mb_page_of_inline_data_finishes_with_a_result(tmp_path):
    # what makes real pages that big: app state in a script, images inlined as base64
    path = tmp_path / "big.html"
    state = "<script>window.__STATE__ = '" + "x" * (10 * MB) + "';</script>"
    image = "<img src='data:image/png;base64," + "A" * (5 * MB) + "'>"
    path.write_text(html_page(state + varied_paragraphs(12) + image), encoding="utf-8")
    assert path.stat().st_size > 15 * MB
    assert_result_or_one_line_error(clean_json(path))
    result = extract_path(path)
    assert result is not None and len(result.text.split("\n")) >= 10


def test_a_15_mb_page_of_text_ends_without_a_time_limit(tmp_path):
    path = tmp_path / "big.html"
    body = varied_paragraphs(400, seed=1)
    path.write_text(html_page(body * (15 * MB // len(body))), encoding="utf-8")
    # a library call has no time limit (a build's `time_limit` is the one): the size bounds
    # must end it, with a result or a one-line error
    started = time.monotonic()
    result = extract_path(path)
    assert result is None or result.text
    assert time.monotonic() - started < 600


def test_a_single_5_mb_line_gives_a_result_or_a_one_line_error(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("word " * MB + "\n", encoding="utf-8")
    assert_result_or_one_line_error(clean_json(path))


def test_a_single_5_mb_html_paragraph(tmp_path):
    path = tmp_path / "line.html"
    path.write_text(html_page("<p>" + "word " * MB + "</p>"), encoding="utf-8")
    assert_result_or_one_line_error(clean_json(path))
    result = extract_html(read_document(path).raw)
    assert len(result.text) > 4 * MB


MALFORMED = [
    html_page("<div><p>" + PARAGRAPH + "<b><i></p></span></table><li>stray</div></td>" * 20),
    "<p>" + PARAGRAPH + "<p>" + PARAGRAPH + "</div></div></body></html>",
    html_page("<p " + 'class="a' * 50 + ">" + PARAGRAPH + "</p><!-- unclosed comment"),
    html_page("<![CDATA[ nonsense ]]><p>" + PARAGRAPH + "</p>&#xD800;&bogus;&#99999999;"),
    html_page("<" * 5000 + "<p>" + PARAGRAPH + "</p>" + ">" * 5000),
]


@pytest.mark.parametrize("html", MALFORMED, ids=[f"malformed-{i}" for i in range(len(MALFORMED))])
def test_malformed_html(tmp_path, html):
    path = tmp_path / "bad.html"
    path.write_text(html, encoding="utf-8")
    assert_result_or_one_line_error(clean_json(path))
    result = extract_path(path)
    assert result is None or "reservoir had reached its lowest level" in result.text


@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "table", "ul"])
def test_20000_deep_nesting(tmp_path, tag):
    depth = 20_000
    inner = f"<p>{PARAGRAPH}</p>"
    html = html_page(varied_paragraphs(3) + f"<{tag}>" * depth + inner + f"</{tag}>" * depth)
    path = tmp_path / "deep.html"
    path.write_text(html, encoding="utf-8")
    assert_result_or_one_line_error(clean_json(path))
    result = extract_path(path, error="HTML nested deeper than 256 levels")
    assert result is None or PARAGRAPH in result.text


def test_a_batch_goes_on_after_a_bad_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A title\n" + PARAGRAPH + "\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = run_cli("clean", str(empty), str(good), "--out", str(tmp_path / "out"))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "empty.txt" in out.stderr
    assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8").strip()
