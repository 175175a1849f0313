"""The dataset card: `README.md` of a dataset folder, YAML metadata and a Markdown body.

The card is deterministic: it is rendered from the statistics `ShardWriter` gathered, the
`CardInfo` and the library versions, with no timestamps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import __version__
from .document import FLAG_KINDS, record_schema
from .licenses import DEFAULT_LICENSE, check_license
from .manifest import STATUSES
from .words import WORD_UNIT
from .writer import DATA_DIR, SPLIT, WRITER_LIBRARIES, DatasetStats

#: What each column holds; the card's field table. Every column of record_schema() has one.
FIELD_DOCS: dict[str, str] = {
    "id": "stable id: the first 16 hex digits of the SHA-256 of the input's bytes",
    "source": "path of the input relative to the raw folder; for a JSON line `file.jsonl#<id>` "
    "(the line's own `id`, when it is a plain token first used by that line) or "
    "`file.jsonl#L<line number>`",
    "format": "`text` (page-text dump) or `html`, sniffed from the content",
    "encoding": "encoding the input was decoded from",
    "title": "article title: a JSON line's `title`, else as found on the page",
    "published": "publication date: a JSON line's `published`, else as found on the page",
    "author": "author(s), `; `-separated: a JSON line's `author`, else from the page's "
    "metadata or byline",
    "sitename": "site name: a JSON line's `sitename`, else as found on the page",
    "url": "the page's address: a JSON line's `url` (pages are never fetched)",
    "lang_hint": "the language the input declares (a JSON line's `lang`, else the HTML "
    "page's `<html lang>` primary subtag); a hint, not checked against `language`",
    "meta": "every other field of a JSON line (besides `text`/`html`), as compact JSON "
    "with sorted keys; null for files and lines without other fields",
    "text": "cleaned article text, one paragraph per line",
    "language": "ISO 639-1 code of the text's language (`und` when undetermined)",
    "language_score": "probability of `language`",
    "language_candidates": "every language candidate for the whole text with its probability",
    "paragraph_languages": "language of each paragraph of `text`, in order",
    "text_en": "English text: the translation, the text itself for English articles, "
    "null when no translation model was available",
    "translation": "translation package, version, beam, compute type and sentence splitter; "
    "null when not machine-translated",
    "translation_note": "why an article was not translated, when it was not",
    "flags": "redaction flags: spans of `text` (`start`, `end` character offsets) where "
    "something was cut out, with `kind`, the `rule` that found it, `match` and `score`",
    "removed": "the audit trail of cleaning: each removed line with its `text`, the `rule` "
    "that removed it, the `reason`, and `line`, 0-based: for page-text dumps the line of the "
    "input; for HTML the line of the page in reading order where the article's paragraphs "
    "and the removed blocks take one line each (paragraphs fill the numbers not removed)",
    "n_paragraphs": "number of paragraphs (lines) of `text`",
    "n_words": f"number of words of `text` ({WORD_UNIT})",
    "n_removed": "number of entries of `removed`",
    "n_flags": "number of entries of `flags`",
    "flag_counts": "number of flags per kind",
}


@dataclass(frozen=True)
class CardInfo:
    """What the card says beyond the statistics: name, license, how the data was made.

    `license` is an identifier the Hub accepts (`licenses.HUB_LICENSES`); `other` needs
    `license_name` and `license_link`. Values the Hub would reject raise DatasetError here.
    """

    pretty_name: str = "hzcorpus news articles"
    license: str = DEFAULT_LICENSE
    license_name: str | None = None
    license_link: str | None = None
    #: The steps that made the records, in order (e.g. read, clean, detect, flag, translate).
    stages: tuple[str, ...] = ()
    #: The libraries those steps use (their versions go into the card).
    libraries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_license(self.license, self.license_name, self.license_link)


def library_versions(libraries: Iterable[str]) -> dict[str, str]:
    """hzcorpus, the given libraries and the writer's, with their installed versions."""
    versions = {"hzcorpus": __version__}
    for name in dict.fromkeys([*libraries, *WRITER_LIBRARIES]):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def size_category(rows: int) -> str:
    """The Hub's size category for a number of rows."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K")]
    bounds += [(1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M")]
    for bound, name in bounds:
        if rows < bound:
            return name
    return "10M<n<100M"


def _table(header: tuple[str, str], counts: Mapping[str, int], empty: str) -> str:
    if not counts:
        return empty
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    lines = [f"| {header[0]} | {header[1]} |", "|---|---:|"]
    lines += [f"| `{key}` | {value:,} |" for key, value in rows]
    return "\n".join(lines)


def render_card(
    stats: DatasetStats,
    info: CardInfo,
    inputs: Mapping[str, int],
    reasons: Mapping[str, Mapping[str, int]] | None = None,
) -> str:
    """The dataset card (YAML metadata and Markdown body) as text."""
    # the module itself: `from huggingface_hub import ...` loads its Hub client (0.5 s)
    from huggingface_hub.repocard_data import DatasetCardData

    languages = sorted({lang.split("-")[0] for lang in stats.languages if lang != "und"})
    tasks = ["text-generation"] + (["translation"] if "translate" in info.stages else [])
    data = DatasetCardData(
        license=info.license,
        license_name=info.license_name,
        license_link=info.license_link,
        language=languages or None,
        pretty_name=info.pretty_name,
        size_categories=[size_category(stats.rows)],
        task_categories=tasks,
        configs=[
            {
                "config_name": "default",
                "data_files": [{"split": SPLIT, "path": f"{DATA_DIR}/{SPLIT}-*.parquet"}],
            }
        ],
        # Sizes also make `datasets` cache a rebuilt folder under a new key.
        dataset_info={
            "features": features_yaml(record_schema()),
            "splits": [{"name": SPLIT, "num_bytes": stats.num_bytes, "num_examples": stats.rows}],
            "download_size": stats.download_size,
            "dataset_size": stats.num_bytes,
        },
    )
    body = "\n\n".join(
        [
            f"# {info.pretty_name}",
            _about(stats, info),
            "## Loading\n\n" + _loading(stats),
            "## Fields\n\n" + _fields(),
            "## License\n\n" + _license(info),
            "## How it was made\n\n" + _made(stats, info),
            "## Statistics\n\n" + _statistics(stats, info, inputs, reasons or {}),
            "## Known limitations\n\n" + _limitations(stats, info),
        ]
    )
    return f"---\n{data.to_yaml()}\n---\n\n{body}\n"


#: `datasets`' names of the Arrow types of the record schema's columns.
_DTYPES = {"string": "string", "int32": "int32", "int64": "int64", "double": "float64"}


def features_yaml(schema) -> list[dict]:
    """The card's `features`: the schema as `datasets.Features(...)._to_yaml_list()` gives
    it (a test holds them equal), without importing `datasets`, which takes longer than
    writing a small dataset."""
    return [_feature_yaml(field.name, field.type) for field in schema]


def _feature_yaml(name: str, type_) -> dict:
    import pyarrow as pa

    if pa.types.is_struct(type_):
        return {"name": name, "struct": [_feature_yaml(f.name, f.type) for f in type_]}
    if pa.types.is_list(type_) and pa.types.is_struct(type_.value_type):
        return {"name": name, "list": [_feature_yaml(f.name, f.type) for f in type_.value_type]}
    if str(type_) not in _DTYPES:
        raise TypeError(f"column {name}: no card feature for Arrow type {type_}")
    return {"name": name, "dtype": _DTYPES[str(type_)]}


def _license(info: CardInfo) -> str:
    if info.license == DEFAULT_LICENSE:
        return (
            "`unknown`: the articles were scraped from news sites and their copyright stays "
            "with the publishers, whose terms hzcorpus cannot know. Check the rights before "
            "redistributing or training on them."
        )
    named = f" ([{info.license_name}]({info.license_link}))" if info.license_name else ""
    return (
        f"`{info.license}`{named}, as set by whoever built this dataset "
        "(`hzcorpus build --license`); the articles' own copyright may still stay with "
        "their publishers."
    )


def _about(stats: DatasetStats, info: CardInfo) -> str:
    done = ["cleaned of boilerplate" if "clean" in info.stages else None]
    done += [
        "stripped of the lines kept on many documents of the build (rule `corpus-repeat`, "
        "the count in its reason)"
        if "repeats" in info.stages
        else None
    ]
    done += ["tagged with their language" if "detect" in info.stages else None]
    done += [
        "annotated with redaction flags (places where numbers, dates or names were cut out "
        "of the text)"
        if "flag" in info.stages
        else None
    ]
    done += [
        "translated to English where a model was available" if "translate" in info.stages else None
    ]
    steps = [d for d in done if d]
    made = (", ".join(steps[:-1]) + " and " + steps[-1]) if len(steps) > 1 else "".join(steps)
    return (
        f"{stats.rows:,} news articles ({stats.words:,} words; {WORD_UNIT}) scraped "
        "from the web as "
        f"page-text dumps or HTML{', ' + made if made else ''}. Each row keeps its audit "
        "trail: the lines the cleaner removed and the rule that removed each one. Built with "
        f"hzcorpus {__version__}."
    )


def _loading(stats: DatasetStats) -> str:
    empty = (
        "This dataset has no rows: no input was kept (`manifest.jsonl` says why). Its one "
        "parquet shard holds the schema only; `datasets.load_dataset` cannot load a split "
        'without rows (it raises `Instruction "train" corresponds to no data`), and '
        "`hzcorpus.load` refuses it with a one-line error.\n\n"
        if stats.rows == 0
        else ""
    )
    return empty + (
        "```python\n"
        "from datasets import load_dataset\n\n"
        'ds = load_dataset("path/to/this/folder", split="train")  # or the Hub repo id\n'
        'for row in load_dataset("path/to/this/folder", split="train", streaming=True):\n'
        '    print(row["language"], row["title"])\n\n'
        "import hzcorpus\n\n"
        'ds = hzcorpus.load("path/to/this/folder")  # the same, with a check of the folder\n'
        "```\n\n"
        "`datasets` caches a local folder under a key made from this card; after a "
        'rebuild that changed no size, pass `download_mode="force_redownload"` (or use '
        "`hzcorpus.load`, which keys the cache on the files).\n\n"
        "`manifest.jsonl` beside the data lists every input with its status (kept, "
        "duplicate, dropped, failed, skipped) and the reason; `build.json` summarises the run."
    )


def _cell(text: str) -> str:
    """Free text (a reason) as a markdown table cell: no column break, no HTML tag."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def _fields() -> str:
    lines = ["| field | type | meaning |", "|---|---|---|"]
    for column in record_schema():
        kind = str(column.type).replace("|", "\\|")
        lines.append(f"| `{column.name}` | `{kind}` | {FIELD_DOCS[column.name]} |")
    return "\n".join(lines)


def _made(stats: DatasetStats, info: CardInfo) -> str:
    steps = " → ".join(info.stages) if info.stages else "(none)"
    versions = library_versions(info.libraries)
    lines = [
        f"`hzcorpus build RAW_DIR OUT_DIR` ran these steps over each input: {steps}; then "
        "exact duplicates (same cleaned text) were kept once, the first in input order "
        "(files sorted by path).",
        "",
        "| library | version |",
        "|---|---|",
        *(f"| {name} | {version} |" for name, version in versions.items()),
        "",
    ]
    if "translate" not in info.stages:
        lines.append("Translation was not part of this build: `text_en` is null.")
    elif stats.packages:
        packages = ", ".join(f"`{name}`" for name in sorted(stats.packages))
        lines.append(f"Translation package(s): {packages}.")
    else:
        pairs = ", ".join(f"`{pair}`" for pair in sorted(stats.missing_pairs)) or "none"
        lines.append(
            "No translation package was used: none was installed for the language pairs of "
            f"this data ({pairs}). `text_en` is the text itself for English articles and null "
            "for the others (`translation_note` says why)."
        )
    return "\n".join(lines)


def _statistics(
    stats: DatasetStats,
    info: CardInfo,
    inputs: Mapping[str, int],
    reasons: Mapping[str, Mapping[str, int]],
) -> str:
    total = sum(inputs.values())
    counts = ", ".join(f"{inputs.get(s, 0):,} {s}" for s in STATUSES[:-1])
    parts = [f"Inputs: {total:,} ({counts}, {inputs.get('skipped', 0):,} skipped)."]
    if reasons:  # the most frequent reasons per status (`manifest.top_reasons`)
        rows = [(status, reason, n) for status, top in reasons.items() for reason, n in top.items()]
        parts.append(
            "Inputs not kept, per reason (`manifest.jsonl` has each one):\n\n"
            + "\n".join(
                ["| status | reason | inputs |", "|---|---|---:|"]
                + [f"| {status} | {_cell(reason)} | {n:,} |" for status, reason, n in rows]
            )
        )
    parts += [
        "Articles per language:\n\n"
        + _table(
            ("language", "articles"),
            stats.languages if "detect" in info.stages else {},
            "(the detect step was not part of this build)",
        ),
        "Removed lines per cleaning rule:\n\n"
        + _table(("rule", "lines"), stats.removed_rules, "(nothing removed)"),
        "Redaction flags per kind:\n\n"
        + _table(
            ("kind", "flags"),
            {k: stats.flag_kinds.get(k, 0) for k in sorted({*FLAG_KINDS, *stats.flag_kinds})}
            if "flag" in info.stages
            else {},
            "(the flag step was not part of this build)",
        ),
    ]
    if "translate" in info.stages:
        parts.append(
            f"Machine-translated share of the non-English articles: {stats.translated_share()}."
        )
        if stats.missing_pairs:
            parts.append(
                "Articles left untranslated for want of a model:\n\n"
                + _table(("pair", "articles"), stats.missing_pairs, "")
            )
    return "\n\n".join(parts)


def _limitations(stats: DatasetStats, info: CardInfo) -> str:
    items = [
        "The articles were scraped from news sites; their copyright stays with the "
        "publishers. Check the rights before redistributing or training on them.",
        "Cleaning is heuristic (line rules for page-text dumps, trafilatura for HTML): some "
        "boilerplate may remain and some article lines may have been removed; `removed` "
        "shows every removal so that it can be checked.",
        "Redaction flags are patterns: they find gaps that look like cut-out numbers, dates "
        "and names, not every gap, and some flags are false alarms.",
        "Language detection (langdetect) is unreliable on very short texts and on texts that "
        "mix languages; see `language_candidates` and `paragraph_languages`.",
        "Exact duplicates were removed; near duplicates were not.",
    ]
    if "detect" not in info.stages:
        items.append("Language detection was not part of this build: `language` is null.")
    if "flag" not in info.stages:
        items.append("Redaction flagging was not part of this build: `flags` is empty.")
    if "translate" in info.stages and stats.translated:
        items.append("Translations are machine translations; check `translation` for the package.")
    return "\n".join(f"- {item}" for item in items)


def write_card(
    folder: Path,
    stats: DatasetStats,
    info: CardInfo,
    inputs: Mapping[str, int],
    reasons: Mapping[str, Mapping[str, int]] | None = None,
):
    """Write `folder/README.md` (as huggingface_hub's `DatasetCard.save` would)."""
    text = render_card(stats, info, inputs, reasons)
    (folder / "README.md").write_text(text, encoding="utf-8", newline="")
