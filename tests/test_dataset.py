import dataclasses
from typing import ClassVar

import pytest
from huggingface_hub import DatasetCard
from hypothesis import given, settings
from hypothesis import strategies as st

import hzcorpus
from hzcorpus import card, writer
from hzcorpus.card import CardInfo, render_card
from hzcorpus.dataset import check_dataset
from hzcorpus.document import Document, LanguageScore, Removed, Span, record_schema
from hzcorpus.errors import DatasetError
from hzcorpus.hub import push
from hzcorpus.writer import DatasetStats, write_dataset
from tests.conftest import run_cli


def _docs(n: int) -> list[Document]:
    docs = []
    for i in range(n):
        text = f"Paragraph one of article {i}.\nIt accounts for % of sales."
        start = text.index("% of")
        docs.append(
            Document(
                source=f"sub/{i:03d}.txt",
                id=f"{i:016x}",
                title=f"Title {i}",
                text=text,
                language="de" if i % 2 else "en",
                language_score=0.99,
                language_candidates=[LanguageScore("de", 0.99)],
                removed=[Removed(0, f"Title {i}", "title", "the title goes to `title`")],
                flags=[Span(start, start + 4, "missing-number", "pct-of", "% of")],
                text_en=text if i % 2 == 0 else None,
            )
        )
    return docs


def test_written_folder_loads_with_typed_columns(tmp_path):
    shards = write_dataset(_docs(5), tmp_path / "ds", shard_rows=2)
    assert shards == [f"data/train-0000{i}-of-00003.parquet" for i in range(3)]
    ds = hzcorpus.load(tmp_path / "ds")
    assert ds.num_rows == 5
    assert ds["source"] == [f"sub/{i:03d}.txt" for i in range(5)]  # order kept across shards
    assert ds.features["flags"].feature["start"].dtype == "int32"  # list of structs, typed
    assert ds.features["removed"].feature["rule"].dtype == "string"
    row = ds[1]
    start = row["text"].index("% of")
    assert row["flags"] == [
        {"start": start, "end": start + 4, "kind": "missing-number", "rule": "pct-of",
         "match": "% of", "score": 1.0}
    ]  # fmt: skip
    assert row["flag_counts"]["missing_number"] == 1
    assert row["translation"] is None
    streamed = list(hzcorpus.load(tmp_path / "ds", streaming=True))
    assert [r["id"] for r in streamed] == ds["id"]


def test_parquet_bytes_are_deterministic(tmp_path):
    write_dataset(_docs(7), tmp_path / "a", shard_rows=3)
    write_dataset(_docs(7), tmp_path / "b", shard_rows=3)
    for name in ("README.md", *(f"data/train-0000{i}-of-00003.parquet" for i in range(3))):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_empty_dataset_has_one_shard_with_the_schema(tmp_path):
    write_dataset([], tmp_path / "ds")
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "ds/data/train-00000-of-00001.parquet")
    assert table.num_rows == 0
    assert table.schema.equals(record_schema())
    # `datasets` cannot load a split without rows: the card and hzcorpus.load say so.
    assert "This dataset has no rows" in (tmp_path / "ds/README.md").read_text()
    with pytest.raises(DatasetError, match=r"ds: the dataset has no rows"):
        hzcorpus.load(tmp_path / "ds")


def test_write_dataset_refuses_a_folder_with_a_dataset(tmp_path):
    write_dataset(_docs(1), tmp_path / "ds")
    with pytest.raises(DatasetError, match="already holds a dataset"):
        write_dataset(_docs(1), tmp_path / "ds")


def test_every_column_is_documented():
    assert list(card.FIELD_DOCS) == record_schema().names


def test_card_features_are_the_ones_datasets_gives():
    # the card names the features itself: importing `datasets` costs more than a small build
    from datasets import Features

    schema = record_schema()
    assert card.features_yaml(schema) == Features.from_arrow_schema(schema)._to_yaml_list()


def test_written_card_is_what_huggingface_hub_saves(tmp_path):
    stats = DatasetStats()
    for doc in _docs(2):
        stats.add(doc.to_record())
    info = CardInfo(stages=("read", "clean"), pretty_name='Ä news: "quoted"\r\nline')
    card.write_card(tmp_path, stats, info, {"kept": 2})
    DatasetCard(render_card(stats, info, {"kept": 2})).save(tmp_path / "hub.md")
    assert (tmp_path / "README.md").read_bytes() == (tmp_path / "hub.md").read_bytes()


def test_card_metadata_and_body(tmp_path):
    stats = DatasetStats()
    for doc in _docs(4):
        stats.add(doc.to_record())
    stages = ("read", "clean", "has-text", "detect", "flag", "translate")
    text = render_card(stats, CardInfo(stages=stages), {"kept": 4, "failed": 1})
    card = DatasetCard(text)
    meta = card.data.to_dict()
    assert meta["license"] == "unknown"  # the Hub accepts it with no name or link
    assert meta["language"] == ["de", "en"]
    assert meta["size_categories"] == ["n<1K"]
    assert "translation" in meta["task_categories"]
    assert meta["configs"][0]["data_files"][0]["path"] == "data/train-*.parquet"
    body = card.text
    for heading in ("## Loading", "## Fields", "## How it was made", "## Statistics"):
        assert heading in body
    assert "| `missing-number` | 4 |" in body
    assert "| `title` | 4 |" in body
    assert "| `de` | 2 |" in body
    assert "0 of 2 (0.0%)" in body  # translated share of the non-English articles
    assert "| `de->en` | 2 |" in body  # left untranslated for want of a model
    assert "No translation package was used" in body and "(`de->en`)" in body
    assert "5 (4 kept, 0 duplicate, 0 dropped, 1 failed" in body


def test_card_says_which_stages_were_left_out():
    stats = DatasetStats()
    stats.add(_docs(1)[0].to_record())
    body = render_card(stats, CardInfo(stages=("read", "clean", "has-text")), {"kept": 1})
    assert "Translation was not part of this build" in body
    assert "(the flag step was not part of this build)" in body
    assert "(the detect step was not part of this build)" in body
    assert "tagged with their language" not in body
    assert "corpus-repeat" not in body


def test_card_says_repeated_lines_were_removed():
    stats = DatasetStats()
    stats.add(_docs(1)[0].to_record())
    stages = ("read", "clean", "repeats", "has-text")
    body = render_card(stats, CardInfo(stages=stages), {"kept": 1})
    assert "stripped of the lines kept on many documents of the build" in body
    assert "(rule `corpus-repeat`" in body


@pytest.mark.parametrize(
    ("rows", "category"), [(0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"), (250_000, "100K<n<1M")]
)
def test_size_category(rows, category):
    assert card.size_category(rows) == category


def test_check_dataset_refuses_other_folders(tmp_path):
    with pytest.raises(DatasetError, match="no such dataset folder"):
        check_dataset(tmp_path / "missing")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "README.md").write_text("# notes\n")
    with pytest.raises(DatasetError, match="not a dataset folder"):
        check_dataset(tmp_path / "x")
    (tmp_path / "x" / "data").mkdir()
    (tmp_path / "x" / "data" / "train-00000-of-00001.parquet").write_bytes(b"")
    with pytest.raises(DatasetError, match="no `configs`"):
        check_dataset(tmp_path / "x")


class FakeApi:
    """Records the calls `push` makes instead of reaching the Hub."""

    calls: ClassVar[list] = []
    fail: ClassVar[Exception | None] = None

    def __init__(self, token=None):
        self.calls.append(("init", token))

    def create_repo(self, repo_id, **kwargs):
        if self.fail:
            raise self.fail
        self.calls.append(("create_repo", repo_id, kwargs))

    def upload_folder(self, **kwargs):
        self.calls.append(("upload_folder", kwargs))
        return type("Commit", (), {"commit_url": "https://hub.example/commit/1"})()


@pytest.fixture
def fake_hub(monkeypatch):
    import huggingface_hub

    FakeApi.calls, FakeApi.fail = [], None
    monkeypatch.setattr(huggingface_hub, "HfApi", FakeApi)
    monkeypatch.setenv("HF_TOKEN", "hf_test_token")
    return FakeApi


def test_push_uploads_the_folder_with_the_token(tmp_path, fake_hub):
    write_dataset(_docs(2), tmp_path / "ds")
    url = push(tmp_path / "ds", "someone/news", private=True)
    assert url == "https://hub.example/commit/1"
    assert fake_hub.calls[0] == ("init", "hf_test_token")
    assert fake_hub.calls[1] == (
        "create_repo",
        "someone/news",
        {"repo_type": "dataset", "private": True, "exist_ok": True},
    )
    upload = fake_hub.calls[2][1]
    assert upload["repo_id"] == "someone/news"
    assert upload["repo_type"] == "dataset"
    assert upload["folder_path"] == tmp_path / "ds"
    assert upload["delete_patterns"] == ["data/*.parquet"]  # no stale shards stay on the Hub


def test_push_refusals(tmp_path, fake_hub, monkeypatch):
    (tmp_path / "notes").mkdir()
    with pytest.raises(DatasetError, match="not a dataset folder"):
        push(tmp_path / "notes", "someone/news")
    write_dataset(_docs(1), tmp_path / "ds")
    with pytest.raises(DatasetError, match="OWNER/NAME"):
        push(tmp_path / "ds", "news")
    fake_hub.fail = ConnectionError("Max retries exceeded\nmore detail")
    with pytest.raises(DatasetError, match=r"upload to someone/news failed: Max retries exceeded$"):
        push(tmp_path / "ds", "someone/news")
    monkeypatch.delenv("HF_TOKEN")
    with pytest.raises(DatasetError, match="no Hugging Face token"):
        push(tmp_path / "ds", "someone/news")
    assert all(call[0] != "upload_folder" for call in fake_hub.calls)


def test_push_cli_errors_are_one_line(tmp_path):
    (tmp_path / "notes").mkdir()
    out = run_cli("push", str(tmp_path / "notes"), "someone/news")
    assert out.returncode == 2
    assert out.stderr.startswith("hzcorpus: ") and out.stderr.count("\n") == 1
    write_dataset(_docs(1), tmp_path / "ds")
    out = run_cli("push", str(tmp_path / "ds"), "someone/news", env={"HF_TOKEN": "hf_x"})
    assert out.returncode == 2  # offline: the Hub cannot be reached, one clear line
    assert "upload to someone/news failed" in out.stderr
    assert out.stderr.count("\n") == 1, out.stderr


def test_rows_go_to_parquet_one_row_group_at_a_time(tmp_path):
    import pyarrow.parquet as pq

    docs = _docs(1)[0]
    shard_writer = writer.ShardWriter(tmp_path, shard_rows=1100)
    for i in range(1200):
        shard_writer.add(dataclasses.replace(docs, id=f"{i:016x}"))
        assert len(shard_writer._rows) < writer.ROW_GROUP_ROWS  # never more held in memory
    assert shard_writer.close() == [
        "data/train-00000-of-00002.parquet",
        "data/train-00001-of-00002.parquet",
    ]
    first = pq.ParquetFile(tmp_path / "data/train-00000-of-00002.parquet").metadata
    assert [first.row_group(i).num_rows for i in range(first.num_row_groups)] == [500, 500, 100]
    assert shard_writer.stats.rows == 1200


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.text(max_size=5), st.floats(0, 1)), max_size=3),
    st.lists(st.tuples(st.integers(0, 99), st.text(max_size=8), st.floats(0, 1)), max_size=3),
    st.lists(st.tuples(st.integers(0, 99), st.text(max_size=8)), max_size=3),
    st.text(alphabet="ab \n", max_size=12),
)
def test_records_hold_what_asdict_gives(scores, spans, removed, text):
    """`to_record` builds the nested rows field by field: the same as `dataclasses.asdict`."""
    doc = Document(
        source="a.txt",
        text=text,
        language_candidates=[LanguageScore(lang, s) for lang, s in scores],
        paragraph_languages=[LanguageScore(lang, s) for lang, s in scores[::-1]],
        flags=[Span(a, a + 1, "placeholder", rule, rule[:1], s) for a, rule, s in spans],
        removed=[Removed(line, t, "rule", "why") for line, t in removed],
    )
    record = doc.to_record()
    for column, items in (
        ("language_candidates", doc.language_candidates),
        ("paragraph_languages", doc.paragraph_languages),
        ("flags", doc.flags),
        ("removed", doc.removed),
    ):
        assert record[column] == [dataclasses.asdict(item) for item in items]
        assert [list(row) for row in record[column]] == [
            [f.name for f in dataclasses.fields(item)] for item in items
        ]
    assert record["n_paragraphs"] == len(doc.paragraphs)


def test_removed_is_a_frozen_value():
    import pickle

    removed = Removed(3, "Share this", "share-line", "share buttons")
    with pytest.raises(dataclasses.FrozenInstanceError):
        removed.line = 4  # type: ignore[misc]
    same = Removed(line=3, text="Share this", rule="share-line", reason="share buttons")
    assert removed == same and hash(removed) == hash(same)
    assert pickle.loads(pickle.dumps(removed)) == removed
    assert dataclasses.asdict(removed) == {
        "line": 3,
        "text": "Share this",
        "rule": "share-line",
        "reason": "share buttons",
    }
