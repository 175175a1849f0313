"""A small dataset folder made by hand, shaped like `hzcorpus build`'s output, for review tests.

Five articles in four languages: flags (overlapping ones too), removed lines (one with no
input line), a translated article (aligned and not), hostile HTML in title and text, and a
manifest with duplicate, failed and skipped inputs.
"""

from __future__ import annotations

import json
from pathlib import Path

from hzcorpus.document import Document, LanguageScore, Removed, Span, record_schema


def _spans(text: str, *found: tuple[str, str, str]) -> list[Span]:
    """Spans for (match, kind, rule) at the first place each match occurs in `text`."""
    spans = []
    for match, kind, rule in found:
        start = text.index(match)
        spans.append(Span(start, start + len(match), kind, rule, match, 0.9))
    return spans


def documents() -> list[Document]:
    """The fixture's articles, in dataset order."""
    en = "\n".join(
        [
            "Shares of the firm rose by % of their value on [date].",
            "Carrito de compra vacío",
            "On a certain date, the founder spoke at a conference in Hangzhou.",
            "Word count of this text: , estimated reading time approximately minutes.",
        ]
    )
    de = "\n".join(
        [
            "Die Stadt Hangzhou wächst schnell.",
            "Viele Firmen ziehen in die Region.",
        ]
    )
    zh = "某年某月，杭州的公司发布了新模型。\n市场份额达到%。"
    hostile = "\n".join(
        [
            'A paragraph with <script>alert("x")</script> & an <img src=x onerror=alert(1)>.',
            "The company [name] said it earned XX million.",
        ]
    )
    fr = "La ville change.\nLes entreprises arrivent.\nLe marché grandit."
    return [
        Document(
            source="news/en_001.txt",
            id="a1b2c3d4e5f60001",
            title="Hangzhou's rise",
            published="2025-02-18",
            text=en,
            language="en",
            language_score=0.99,
            language_candidates=[LanguageScore("en", 0.99), LanguageScore("es", 0.01)],
            paragraph_languages=[
                LanguageScore("en", 0.99),
                LanguageScore("es", 0.97),
                LanguageScore("en", 0.99),
                LanguageScore("en", 0.98),
            ],
            flags=_spans(
                en,
                ("% of", "missing-number", "pct-gap"),
                ("[date]", "placeholder", "bracket-date"),
                ("On a certain date", "vague-date", "certain-date"),
                ("a certain date", "vague-date", "certain-date-inner"),
                (": ,", "missing-number", "count-gap"),
                ("approximately minutes", "missing-number", "approx-gap"),
            ),
            removed=[
                Removed(0, "Hangzhou's rise", "title", "the title goes to `title`"),
                Removed(1, "arrow-right cart chevron-down", "icon-names", "a line of icon names"),
                Removed(3, "by", "empty-byline", "a byline without a name"),
                Removed(6, "Sign up for our newsletter", "newsletter", "newsletter sign-up"),
            ],
            text_en=en,
        ),
        Document(
            source="news/de_002.txt",
            id="a1b2c3d4e5f60002",
            title="Hangzhou wächst",
            text=de,
            language="de",
            language_score=0.999,
            removed=[Removed(0, "Hangzhou wächst", "title", "the title goes to `title`")],
            text_en="The city of Hangzhou is growing fast.\nMany firms move to the region.",
            translation={
                "package": "translate-de_en",
                "version": "1.0",
                "beam": 2,
                "compute_type": "int8",
                "splitter": "paragraph",
            },
        ),
        Document(
            source="news/zh_003.txt",
            id="a1b2c3d4e5f60003",
            title="杭州",
            text=zh,
            language="zh-cn",
            language_score=0.95,
            flags=_spans(
                zh,
                ("某年某月", "vague-date", "zh-month-year"),
                ("达到%", "missing-number", "zh-pct"),
            ),
            removed=[Removed(2, "分享到微信", "share-line", "share buttons")],
            translation_note="no zh->en package installed",
        ),
        Document(
            source="web/evil.html",
            id="a1b2c3d4e5f60004",
            format="html",
            title='</script><script>alert("title")</script>',
            sitename="Example <b>News</b>",
            text=hostile,
            language="en",
            language_score=0.9,
            flags=_spans(
                hostile,
                ("[name]", "placeholder", 'name"bracket'),
                ("XX", "placeholder", "xx-number"),
            ),
            removed=[
                Removed(-1, "<nav>Home | World</nav>", "trafilatura", "not main text"),
                Removed(4, "Follow us on <b>social</b> media", "social", "social links"),
            ],
            text_en=hostile,
        ),
        Document(
            source="news/fr_005.txt",
            id="a1b2c3d4e5f60005",
            title="La ville",
            text=fr,
            language="fr",
            language_score=0.99,
            text_en="The city changes. Firms arrive.\nThe market grows.",
            translation={"package": "translate-fr_en", "version": "1.9", "beam": 1},
        ),
    ]


def manifest_rows(docs: list[Document]) -> list[dict]:
    """One row per input: the kept articles plus a duplicate, a failed and a skipped input."""
    rows = [{"source": d.source, "sha256": "0" * 64, "status": "kept", "id": d.id} for d in docs]
    rows += [
        {
            "source": "news/en_001 copy.txt",
            "sha256": "1" * 64,
            "status": "duplicate",
            "id": docs[0].id,
            "reason": "same cleaned text",
            "duplicate_of": docs[0].source,
        },
        {
            "source": "broken/<bad>.txt",
            "sha256": "2" * 64,
            "status": "failed",
            "reason": "binary file (PNG image)",
        },
        {
            "source": "notes/readme.md",
            "sha256": "3" * 64,
            "status": "skipped",
            "reason": "not an article",
        },
    ]
    return rows


def make_dataset(out_dir: Path, docs: list[Document] | None = None, shards: int = 1) -> Path:
    """Write `docs` (default: the fixture's) as a dataset folder like `hzcorpus build` does."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = documents() if docs is None else docs
    (out_dir / "data").mkdir(parents=True, exist_ok=True)
    size = -(-len(docs) // shards)
    for i in range(shards):
        part = docs[i * size : (i + 1) * size]
        table = pa.Table.from_pylist([d.to_record() for d in part], schema=record_schema())
        pq.write_table(table, out_dir / "data" / f"train-{i:05d}-of-{shards:05d}.parquet")
    lines = [json.dumps(r, ensure_ascii=False) for r in manifest_rows(docs)]
    (out_dir / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out_dir / "README.md").write_text(
        "---\nlicense: cc-by-4.0\n---\n# fixture\n", encoding="utf-8"
    )
    (out_dir / "build.json").write_text(json.dumps({"articles": len(docs)}), encoding="utf-8")
    return out_dir
