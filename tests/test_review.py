import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hzcorpus.errors import DatasetError, HzcorpusError
from hzcorpus.review import ReviewOptions, render_review
from hzcorpus.review_pages import (
    highlight,
    lines_not_removed,
    matched_paragraph_lines,
    place_removed,
)
from tests.conftest import RAW, ROOT, run_cli
from tests.review_fixture import documents, make_dataset


class Tree(HTMLParser):
    """Text inside each kind of element, attributes by tag, and nesting checks."""

    VOID = frozenset({"meta", "input", "br", "img", "hr", "link", "rect"})

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.attrs: list[tuple[str, dict]] = []
        self.open: dict[str, str] = {}
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attrs.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)
            self.text.setdefault(tag, []).append("")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        for tag in set(self.stack):
            self.text[tag][-1] += data

    def all_text(self, tag: str) -> list[str]:
        return self.text.get(tag, [])


def _articles(index: Path) -> dict[str, Path]:
    return {p.name: p for p in index.with_name(f"{index.stem}_articles").glob("*.html")}


def _check_pages(index: Path, rows: list[dict]) -> None:
    """Every row has a well-formed page with its title, flag matches and removed lines."""
    pages = _articles(index)
    assert len(pages) == len(rows)
    for row in rows:
        tree = Tree(pages[f"{row['id']}.html"].read_text(encoding="utf-8"))
        assert tree.stack == []
        assert (row["title"] or "(no title)") in tree.all_text("h1")
        marked = "".join(tree.all_text("mark"))
        for flag in row["flags"] or []:
            assert flag["match"] in marked, flag
        deleted = tree.all_text("del")
        for removed in row["removed"] or []:
            assert removed["text"] in deleted, removed


@pytest.fixture
def dataset(tmp_path) -> Path:
    return make_dataset(tmp_path / "ds", shards=2)


def test_every_flag_and_removed_line_is_on_the_pages(dataset):
    index = render_review(dataset)
    assert index == dataset.parent / "ds-review" / "index.html"
    _check_pages(index, [doc.to_record() for doc in documents()])
    pages = _articles(index)
    for doc in documents():
        tree = Tree(pages[f"{doc.id}.html"].read_text(encoding="utf-8"))
        hovers = " ".join(a.get("title", "") for t, a in tree.attrs if t == "mark")
        for span in doc.flags:
            assert f"{span.kind} · rule {span.rule}" in hovers, span.rule
        if doc.text_en is not None and doc.text_en != doc.text:
            for paragraph in doc.text_en.split("\n"):
                assert paragraph in "".join(tree.all_text("p")), paragraph
        html_way = "by line number in the page's reading order" in str(tree.all_text("td"))
        assert html_way == (doc.format == "html")
        if len(doc.language_candidates) > 1:
            assert "en 0.990, es 0.010" in tree.all_text("td")
        # only the page's own error trap; the data's <script> is text
        assert len(tree.all_text("script")) == 1


def test_index_overview_and_table_data(dataset):
    index = render_review(dataset)
    html = index.read_text(encoding="utf-8")
    tree = Tree(html)
    assert tree.stack == []
    scripts = tree.all_text("script")
    assert len(scripts) == 3  # error trap, JSON table, table script
    assert "</script>" not in scripts[1] and '"rows"' in scripts[1]
    chart_labels = {a.get("title") for _t, a in tree.attrs if "bar" in a.get("class", "")}
    for label in ("en: 2", "missing-number: 4", "vague-date: 3", "title: 2", "failed: 1"):
        assert label in chart_labels, label
    links = {a["href"] for t, a in tree.attrs if t == "a"}
    rules = json.loads(scripts[1])["rules"]
    assert {"#lang=en", "#lang=zh-cn", f"#rule={rules.index('removed: title')}"} <= links
    assert f"#rule={rules.index('flag: pct-gap')}" in links
    cells = tree.all_text("td")
    for status in ("duplicate", "failed", "skipped"):
        assert status in cells
    assert "broken/<bad>.txt" in cells
    assert "same cleaned text" in cells


def test_output_is_deterministic_and_stale_pages_go(dataset, tmp_path):
    index = render_review(dataset)
    first = {p.name: p.read_bytes() for p in [index, *_articles(index).values()]}
    stale = index.with_name("index_articles") / "gone.html"
    stale.write_text("old", encoding="utf-8")
    render_review(dataset)
    again = {p.name: p.read_bytes() for p in [index, *_articles(index).values()]}
    assert again == first
    # and in another process with another hash seed (set order differs)
    out = run_cli("review", str(dataset), "--quiet", env={"PYTHONHASHSEED": "12345"})
    assert out.returncode == 0, out.stderr
    other = {p.name: p.read_bytes() for p in [index, *_articles(index).values()]}
    assert other == first


def test_html_option_and_foreign_folder(dataset, tmp_path):
    target = tmp_path / "out" / "check.html"
    target.parent.mkdir()
    assert render_review(dataset, ReviewOptions(html=target)) == target
    assert len(_articles(target)) == len(documents())
    assert 'href="../check.html"' in next(iter(_articles(target).values())).read_text()
    foreign = tmp_path / "out" / "mine_articles"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(HzcorpusError, match="not written by hzcorpus review"):
        render_review(dataset, ReviewOptions(html=tmp_path / "out" / "mine.html"))
    assert (foreign / "notes.txt").read_text() == "keep me"
    notes = tmp_path / "out" / "notes.html"
    notes.write_text("<p>my own page</p>", encoding="utf-8")
    with pytest.raises(HzcorpusError, match=r"notes\.html exists and was not written"):
        render_review(dataset, ReviewOptions(html=notes))
    assert notes.read_text() == "<p>my own page</p>"
    assert not (tmp_path / "out" / "notes_articles").exists()
    # a place that cannot hold the pages (a file where a folder should be): one clear error
    blocked = tmp_path / "out" / "notes.html" / "index.html"
    with pytest.raises(HzcorpusError, match=r"notes\.html.*: cannot write the review") as info:
        render_review(dataset, ReviewOptions(html=blocked))
    assert "\n" not in str(info.value)


def test_not_a_dataset(tmp_path):
    with pytest.raises(DatasetError, match="no such dataset folder"):
        render_review(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError, match="no parquet files"):
        render_review(tmp_path / "empty")
    broken = tmp_path / "broken"
    (broken / "data").mkdir(parents=True)
    (broken / "data" / "train-00000-of-00001.parquet").write_bytes(b"not parquet")
    with pytest.raises(DatasetError, match="cannot read parquet"):
        render_review(broken)
    assert not (tmp_path / "broken-review" / "index_articles").exists()


def test_highlight_escapes_and_splits_overlaps():
    text = "On a certain <b> date"
    spans = [
        {"start": 0, "end": 12, "kind": "vague-date", "rule": "r1", "score": 1.0},
        {"start": 3, "end": 21, "kind": "placeholder", "rule": "r2", "score": None},
    ]
    html = highlight(text, 0, spans)
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.count("<mark") == 3 and html.count("overlap") == 1
    assert 'title="vague-date · rule r1 · score 1\nplaceholder · rule r2"' in html
    # offsets of a later paragraph are relative to the whole text
    assert highlight("abc", 10, [{"start": 11, "end": 12, "kind": "k", "rule": "r"}]) == (
        'a<mark class="flag k-k" title="k · rule r">b</mark>c'
    )


def test_removed_lines_placement():
    removed = [
        {"line": 0, "text": "Title"},
        {"line": 2, "text": "by"},
        {"line": 5, "text": "Newsletter"},
        {"line": -1, "text": "<nav>"},
    ]
    lines = lines_not_removed(3, {0, 2, 5})
    assert lines == [1, 3, 4]
    groups, unplaced = place_removed(lines, removed)
    assert [[r["text"] for r in g] for g in groups] == [["Title"], ["by"], [], ["Newsletter"]]
    assert [r["text"] for r in unplaced] == ["<nav>"]
    # with the raw text, blank lines and merged lines do not shift the placement
    raw = "Title\n\nFirst  paragraph here.\n\nby\n\nSecond paragraph, longer.\n\n"
    raw += "Third one.\nNewsletter"
    paragraphs = ["First paragraph here.", "Second paragraph, longer.", "Third one."]
    lines = matched_paragraph_lines(raw, paragraphs, {0, 4, 9})
    assert lines == [2, 6, 8]
    groups, _ = place_removed(lines, [{"line": 0}, {"line": 4}, {"line": 9}])
    assert [[r["line"] for r in g] for g in groups] == [[0], [4], [], [9]]
    # a paragraph that is not found keeps its predecessor's line
    assert matched_paragraph_lines("a line of text\nother", ["zzz", "a line of text"], set()) == [
        0,
        0,
    ]


def test_raw_folder_places_removed_lines_by_matching(tmp_path):
    from hzcorpus.document import Document, Removed

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(
        "Headline\n\nShare this\n\nFirst paragraph of the story.\n\nAds\n\nSecond paragraph.\n",
        encoding="utf-8",
    )
    doc = Document(
        source="a.txt",
        id="x1",
        title="Headline",
        text="First paragraph of the story.\nSecond paragraph.",
        language="en",
        removed=[
            Removed(0, "Headline", "title", "title"),
            Removed(2, "Share this", "share", "share"),
            Removed(6, "Ads", "ads", "ads"),
        ],
    )
    ds = make_dataset(tmp_path / "ds", [doc])
    sha = hashlib.sha256((raw / "a.txt").read_bytes()).hexdigest()
    row = {"source": "a.txt", "sha256": sha, "status": "kept", "id": "x1"}
    (ds / "manifest.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")

    def page(raw_dir=None):
        index = render_review(ds, ReviewOptions(raw=raw_dir))
        return (index.with_name("index_articles") / "x1.html").read_text(encoding="utf-8")

    html = page(str(raw))
    assert "by matching the paragraphs against the raw file" in html
    order = [html.index(s) for s in ("Share this", "First paragraph", "Ads", "Second paragraph")]
    assert order == sorted(order)
    # without the raw folder the blank lines shift the estimate, and the page says so
    assert "approximately" in page() and "pass --raw RAW_DIR" in page()
    feed = make_dataset(tmp_path / "feed", [replace(doc, source="feed.jsonl#L2")])
    page_path = render_review(feed, ReviewOptions(raw=raw)).with_name("index_articles") / "x1.html"
    assert "one line of a JSON-lines file" in page_path.read_text("utf-8")
    (raw / "a.txt").write_text("Headline\nedited\n", encoding="utf-8")
    assert "its raw file changed since the build" in page(raw)
    (raw / "a.txt").unlink()
    assert "its raw file is missing" in page(raw)


def test_cli_review(dataset, tmp_path, net_log):
    index = tmp_path / "r" / "index.html"
    out = run_cli("review", str(dataset), "--html", str(index))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(tmp_path / "r" / "index.html")
    assert len(_articles(tmp_path / "r" / "index.html")) == len(documents())
    assert net_log.read_text() == ""
    assert "--raw RAW_DIR" in out.stderr
    out = run_cli("review", str(tmp_path / "nothing"))
    assert out.returncode == 2
    assert out.stderr.strip() == f"hzcorpus: {tmp_path / 'nothing'}: no such dataset folder"
    out = run_cli("review", str(dataset), "--raw", str(tmp_path / "typo"), "--html", str(index))
    assert out.returncode == 2
    assert out.stderr.strip() == f"hzcorpus: {tmp_path / 'typo'}: no such raw folder"


def test_the_committed_clean_dataset(tmp_path):
    import pyarrow.parquet as pq

    index = render_review(ROOT / "clean", ReviewOptions(html=tmp_path / "index.html", raw=RAW))
    rows = pq.read_table(ROOT / "clean" / "data").to_pylist()
    assert rows and sum(len(r["removed"]) for r in rows) and sum(len(r["flags"]) for r in rows)
    _check_pages(index, rows)
    for page in _articles(index).values():
        assert "by matching the paragraphs against the raw file" in page.read_text("utf-8")
    tree = Tree(index.read_text(encoding="utf-8"))
    table = json.loads(tree.all_text("script")[1])
    assert [r[2] for r in table["rows"]] == [r["source"] for r in rows]
    assert "articles per language" in " ".join(tree.all_text("h3")).lower()
    cells = tree.all_text("td")
    assert "stages" in cells and "dedupe" in cells  # from build.json
    card = next(a["href"] for t, a in tree.attrs if t == "a" and a["href"].endswith("README.md"))
    assert (index.parent / card).resolve() == (ROOT / "clean" / "README.md").resolve()


def test_dataset_without_the_later_stages(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    ds = tmp_path / "ds"
    (ds / "data").mkdir(parents=True)
    rows = [{"id": "p1", "source": "a.txt", "title": "Only cleaned", "text": "One.\nTwo."}]
    pq.write_table(pa.Table.from_pylist(rows), ds / "data" / "train-00000-of-00001.parquet")
    index = render_review(ds)
    html = (index.with_name("index_articles") / "p1.html").read_text(encoding="utf-8")
    assert "<p>One.</p>" in html and "2 paragraphs" in html
    assert "No manifest.jsonl" in index.read_text(encoding="utf-8")
    assert "No build.json" in index.read_text(encoding="utf-8")
    pq.write_table(
        pa.Table.from_pylist([{"id": "x"}]), ds / "data" / "train-00000-of-00001.parquet"
    )
    with pytest.raises(DatasetError, match="no column source, text"):
        render_review(ds)


def test_null_fields_in_spans_and_removals(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from hzcorpus.document import Document, record_schema

    record = Document(source="n.txt", id="n1", text="Some text.").to_record()
    record["flags"] = [dict.fromkeys(("start", "end", "kind", "rule", "match", "score"))]
    record["removed"] = [dict.fromkeys(("line", "text", "rule", "reason"))]
    ds = tmp_path / "ds"
    (ds / "data").mkdir(parents=True)
    table = pa.Table.from_pylist([record], schema=record_schema())
    pq.write_table(table, ds / "data" / "train-00000-of-00001.parquet")
    page = render_review(ds).with_name("index_articles") / "n1.html"
    tree = Tree(page.read_text(encoding="utf-8"))
    assert tree.stack == [] and "Some text." in "".join(tree.all_text("p"))
    assert "offsets do not match" in page.read_text(encoding="utf-8")


def test_flags_land_in_their_paragraphs():
    from hzcorpus.document import Document, Span
    from hzcorpus.review_pages import article_page

    text = "first para\nsecond para\nthird"
    doc = Document(
        source="s.txt",
        id="s",
        text=text,
        flags=[
            Span(6, 16, "placeholder", "across", "para\nsecon"),
            Span(text.index("third"), len(text), "vague-date", "last", "third"),
        ],
    )
    record = doc.to_record()
    broken = {"start": None, "end": None, "kind": None, "rule": "r", "match": "x", "score": None}
    record["flags"].append(broken)
    html = article_page(record, [0, 1, 2], "test", {"index": "../index.html"})
    assert "offsets do not match" in html
    paragraphs = re.findall(r"<p>(.*?)</p>", html)
    assert [re.findall(r"<mark[^>]*>(.*?)</mark>", p) for p in paragraphs[:3]] == [
        ["para"],
        ["secon"],
        ["third"],
    ]


# --- in a real browser ---------------------------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing in CI (.ci/run installs Debian's chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium)")


def _browse(
    page: Path, profile: Path, *extra: str, fragment: str = "", width: int = 1200
) -> tuple[str, str]:
    """Open `page` (with `#fragment`) in headless chromium `width` CSS pixels wide; returns
    (stdout, stderr log)."""
    args = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        "--hide-scrollbars",
        f"--window-size={width},900",
        *extra,
        page.resolve().as_uri() + fragment,
    ]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout, out.stderr


def _errors(
    page: Path, profile: Path, fragment: str = "", budget: bool = False, width: int = 1200
) -> tuple[str, list[str]]:
    """The DOM after load, and every JS error seen (the page's trap and chromium's log).

    `budget` lets the page's pending events and timers run (virtual time) before the dump.
    """
    extra = ["--virtual-time-budget=2000"] if budget else []
    dom, log = _browse(page, profile, *extra, "--dump-dom", fragment=fragment, width=width)
    errors = re.findall(r'data-js-error="([^"]*)"', dom)
    # the pages never log: any console message (an uncaught error, a warning) is a finding
    errors += [line for line in log.splitlines() if ":CONSOLE" in line]
    return dom, errors


def test_browser_loads_pages_without_errors(dataset, tmp_path):
    index = render_review(dataset)
    dom, errors = _errors(index, tmp_path / "profile")
    assert errors == []
    assert 'data-ready="5"' in dom
    assert dom.count('<tr><td class="title"><a href="index_articles/') == 5
    for page in _articles(index).values():
        dom, errors = _errors(page, tmp_path / "profile")
        assert errors == [], page.name
        assert "<mark" in dom or "No redaction flag" in dom
    png = tmp_path / "index.png"
    _browse(index, tmp_path / "profile", f"--screenshot={png}")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000


def test_browser_filters_from_the_url(dataset, tmp_path):
    index = render_review(dataset)
    dom, errors = _errors(index, tmp_path / "profile", fragment="#lang=de")
    assert errors == []
    assert 'data-ready="1"' in dom and "Hangzhou wächst" in dom
    dom, errors = _errors(index, tmp_path / "profile", fragment="#flags=yes&q=rise")
    assert errors == [] and 'data-ready="1"' in dom and "Hangzhou's rise" in dom
    table = json.loads(Tree(index.read_text(encoding="utf-8")).all_text("script")[1])
    rule = table["rules"].index("removed: share-line")
    dom, errors = _errors(index, tmp_path / "profile", fragment=f"#rule={rule}")
    assert errors == [] and 'data-ready="1"' in dom and "news/zh_003.txt" in dom


def test_browser_chart_links_filter_the_table(dataset, tmp_path):
    page = tmp_path / "clicked.html"
    html = render_review(dataset).read_text(encoding="utf-8")
    # what a click on the "fr" bar of the language chart does: the hash changes
    click = '<script>location.hash = "#lang=fr";</script></body>'
    page.write_text(html.replace("</body>", click), encoding="utf-8")
    dom, errors = _errors(page, tmp_path / "profile", budget=True)
    assert errors == []
    assert 'data-ready="1"' in dom
    table = dom[dom.index('<tbody id="article-rows">') :]
    assert "La ville" in table[: table.index("</tbody>")]


def test_browser_pager_and_hide_switch(dataset, tmp_path):
    index = render_review(dataset, ReviewOptions(page_size=2))
    page = tmp_path / "paged.html"
    click = "<script>document.getElementById('next').click();</script></body>"
    page.write_text(index.read_text(encoding="utf-8").replace("</body>", click), "utf-8")
    dom, errors = _errors(page, tmp_path / "profile")
    assert errors == []
    assert "3–4 of 5 articles" in dom
    assert "#page=2" not in dom  # the state lives in the URL, not in the document

    article = _articles(index)["a1b2c3d4e5f60001.html"]
    probe = (
        "<script>var r = document.querySelector('.removed'), b = document.body;"
        "b.setAttribute('data-before', getComputedStyle(r).display);"
        "document.getElementById('hide-removed').click();"
        "b.setAttribute('data-after', getComputedStyle(r).display);</script></body>"
    )
    page = article.with_name("probe.html")
    page.write_text(article.read_text(encoding="utf-8").replace("</body>", probe), "utf-8")
    dom, errors = _errors(page, tmp_path / "profile")
    assert errors == []
    assert 'data-before="block"' in dom and 'data-after="none"' in dom


def test_browser_opens_the_committed_clean_review(tmp_path):
    index = render_review(ROOT / "clean", ReviewOptions(html=tmp_path / "index.html", raw=RAW))
    dom, errors = _errors(index, tmp_path / "profile")
    assert errors == []
    n = len(_articles(index))
    assert f'data-ready="{n}"' in dom
    for page in _articles(index).values():
        dom, errors = _errors(page, tmp_path / "profile")
        assert errors == [], page.name
    png = tmp_path / "clean.png"
    _browse(index, tmp_path / "profile", f"--screenshot={png}")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_browser_check_catches_a_broken_page(tmp_path):
    page = tmp_path / "broken.html"
    shutil.copy(render_review(make_dataset(tmp_path / "ds")), page)
    html = page.read_text(encoding="utf-8").replace(
        "var rows = data.rows", "var rows = data.nope.rows"
    )
    page.write_text(html, encoding="utf-8")
    _dom, errors = _errors(page, tmp_path / "profile")
    assert any("TypeError" in e and "CONSOLE" not in e for e in errors)  # the page's trap
    assert any("Uncaught TypeError" in e and "CONSOLE" in e for e in errors)  # chromium's log


# --- layout with long tokens, at a desktop's and a phone's width ------------------------------

#: Measures the page after load and sends it to the parent frame: how wide the page scrolls, the
#: elements that stick out of the viewport or whose content overflows their box (outside the
#: `.wide` boxes that scroll on purpose), the narrowest text column relative to its row, and
#: the chart labels cut off.
LAYOUT_PROBE = """<script>
(function () {
  var root = document.documentElement, width = root.clientWidth, out = [];
  document.querySelectorAll('body *').forEach(function (e) {
    if (e.tagName === 'SCRIPT' || (e.parentElement.closest('.wide'))) return;
    var r = e.getBoundingClientRect(), name = e.tagName + '.' + e.className;
    if (r.width && (r.right > width + 1 || r.left < -1)) out.push('outside ' + name);
    if (e.clientWidth && e.scrollWidth > e.clientWidth + 1 &&
        getComputedStyle(e).overflowX === 'visible') out.push('overflows ' + name);
  });
  var narrowest = 1;
  document.querySelectorAll('.row:not(.head):not(.removed-row)').forEach(function (row) {
    [].forEach.call(row.children, function (col) {
      if (col.textContent) narrowest = Math.min(narrowest, col.offsetWidth / row.offsetWidth);
    });
  });
  var cut = [].filter.call(document.querySelectorAll('.bar .label'), function (l) {
    return l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1;
  }).map(function (l) { return l.textContent; });
  parent.postMessage(JSON.stringify({
    scroll: root.scrollWidth, width: width, out: out.slice(0, 8), narrowest: narrowest, cut: cut
  }), '*');
})();
</script></body>"""

#: A page that shows `{page}` in a frame `{width}` pixels wide (headless chromium's window is
#: at least 500 wide) and keeps the probe's message in `data-layout`.
LAYOUT_FRAME = """<!DOCTYPE html><html><body style="margin: 0">
<iframe src="{page}" style="width: {width}px; height: 900px; border: 0"></iframe><script>
addEventListener('message', function (e) {{
  document.documentElement.setAttribute('data-layout', e.data);
}});
</script></body></html>"""

LONG_RULE = "headline-sidebar-related-articles-box-with-a-long-name"


def _long_token_dataset(folder: Path) -> Path:
    """The fixture's articles and a translated one with long unbroken tokens in both texts."""
    from hzcorpus.document import Removed

    de = (
        "Siehe https://example.com/" + "sehr-langer-pfad-" * 12 + "ende.\nDer Minister sagte "
        "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" * 3 + " und ging."
    )
    en = (
        "See https://example.com/"
        + "very-long-path-segment-" * 12
        + "end.\nThe minister said "
        + "x" * 300
        + " and left."
    )
    long_doc = replace(
        documents()[1],
        id="a1b2c3d4e5f60009",
        source="news/de_long.txt",
        title="Titel " + "Rechtsschutzversicherungsgesellschaften" * 2,
        text=de,
        text_en=en,
        removed=[Removed(0, "Mehr zum Thema", LONG_RULE, "a related-articles box")],
    )
    return make_dataset(folder, [*documents(), long_doc])


@pytest.mark.parametrize("width", [1400, 390])
def test_browser_layout_with_long_tokens(tmp_path, width):
    index = render_review(_long_token_dataset(tmp_path / "ds"))
    for page in (index, _articles(index)["a1b2c3d4e5f60009.html"]):
        probe = page.with_name(f"probe-{page.name}")
        probe.write_text(page.read_text("utf-8").replace("</body>", LAYOUT_PROBE), "utf-8")
        frame = page.with_name(f"frame-{page.name}")
        frame.write_text(LAYOUT_FRAME.format(page=probe.name, width=width), "utf-8")
        dom, errors = _errors(frame, tmp_path / "profile", budget=True, width=width + 20)
        assert errors == []
        layout = json.loads(html_unescape(re.search(r'data-layout="([^"]*)"', dom).group(1)))
        assert layout["width"] == width, layout  # the window is as wide as asked
        assert layout["scroll"] <= width, (page.name, layout)  # nothing runs off the page
        assert layout["out"] == [], (page.name, layout)
        assert layout["narrowest"] >= 0.4, (page.name, layout)  # no column squeezed
        assert layout["cut"] == [], (page.name, layout)  # chart labels shown whole
        png = tmp_path / f"{page.stem}-{width}.png"
        _browse(page, tmp_path / "profile", f"--screenshot={png}", width=width)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f">{LONG_RULE}<" in index.read_text("utf-8")  # the whole name, not cut


def test_one_translated_share_in_the_card_and_the_index(dataset):
    from hzcorpus.card import CardInfo, render_card
    from hzcorpus.writer import DatasetStats

    stats = DatasetStats()
    for doc in documents():
        stats.add(doc.to_record())
    assert stats.translated_share() == "2 of 3 (66.7%)"  # de and fr of de, zh, fr
    card = render_card(stats, CardInfo(stages=("read", "detect", "translate")), {"kept": 5})
    assert f"non-English articles: {stats.translated_share()}." in card
    html = render_review(dataset).read_text(encoding="utf-8")
    assert f"<b>{stats.translated_share()}</b>" in html
    hovers = {a.get("title") for _t, a in Tree(html).attrs if "bar" in a.get("class", "")}
    assert {"machine-translated: 2", "not translated: 1", "in English already: 2"} <= hovers
