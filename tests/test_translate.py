"""Offline translation: package install/list, batched output equal to argostranslate's."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from hzcorpus import Document, ModelError
from hzcorpus.document import record_schema
from hzcorpus.packages import find_package, install_package, list_packages
from hzcorpus.translate import (
    TranslateOptions,
    Translator,
    get_translator,
    missing_package_hints,
    translate_documents,
)
from tests.argos_reference import import_argostranslate, reference_translate
from tests.conftest import run_cli
from tests.tiny_package import build_package, minisbd_onnx, train_sentencepiece

# Invented German news text: several paragraphs, sentence lengths from 2 to 40 words.
ARTICLES = [
    "Der Stadtrat hat am Dienstag über den neuen Haushalt beraten. Die Sitzung dauerte "
    "bis spät in die Nacht.\n"
    "Nach Angaben der Verwaltung fehlen im kommenden Jahr rund zwölf Millionen Euro, "
    "weil die Einnahmen aus der Gewerbesteuer deutlich gesunken sind und gleichzeitig "
    "die Ausgaben für Personal, Energie und den Unterhalt der Schulen steigen.\n"
    "Ja.\n"
    "Die Opposition kritisierte den Entwurf scharf! Sie fordert mehr Geld für Kitas.",
    "Ein Gewitter hat am Abend mehrere Bäume entwurzelt.\n"
    "Die Feuerwehr rückte zu über vierzig Einsätzen aus. Verletzt wurde niemand. "
    "Auf der Bundesstraße kam es zu langen Staus, weil ein Baum die Fahrbahn blockierte?\n"
    "Der Wetterdienst warnt vor weiteren Unwettern bis Donnerstag.",
]


@pytest.fixture(scope="session")
def sentencepiece_bytes() -> bytes:
    return train_sentencepiece()


@pytest.fixture(scope="session")
def packages_dir(tmp_path_factory, sentencepiece_bytes) -> Path:
    """A packages folder with the tiny de->en package installed (built once per session)."""
    root = tmp_path_factory.mktemp("translate")
    archive = build_package(root / "de_en.argosmodel", sentencepiece=sentencepiece_bytes)
    install_package(archive, root / "packages")
    return root / "packages"


@pytest.fixture(scope="session")
def argos(packages_dir):
    """argostranslate.translate, imported offline against the session's packages folder."""
    return import_argostranslate(packages_dir)


@pytest.fixture(scope="session")
def translator(packages_dir) -> Translator:
    return Translator(find_package("de", "en", packages_dir), TranslateOptions(packages_dir))


def test_install_and_list(tmp_path, sentencepiece_bytes):
    archive = build_package(tmp_path / "a.argosmodel", sentencepiece=sentencepiece_bytes)
    pkg = install_package(archive, tmp_path / "pk")
    assert (pkg.pair, pkg.version, pkg.name) == ("de->en", "1.0", "translate-de_en-1_0")
    assert pkg.minisbd_file is not None
    newer = build_package(
        tmp_path / "b.argosmodel", version="1.1", seed=3, sentencepiece=sentencepiece_bytes
    )
    install_package(newer, tmp_path / "pk")
    listed = list_packages(tmp_path / "pk")
    assert [(p.pair, p.version) for p in listed] == [("de->en", "1.1")]  # replaced, one per pair
    assert sorted(p.name for p in (tmp_path / "pk").iterdir()) == ["translate-de_en-1_1"]


def _zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _good_files() -> dict[str, bytes | str]:
    meta = {"package_version": "1.0", "from_code": "de", "to_code": "en"}
    return {
        "pkg/metadata.json": json.dumps(meta),
        "pkg/model/model.bin": b"x",
        "pkg/sentencepiece.model": b"x",
        "pkg/minisbd/de.onnx": b"x",
    }


def _without(name: str) -> dict:
    files = _good_files()
    del files[name]
    return files


BAD_ARCHIVES = {
    "no metadata.json": _without("pkg/metadata.json"),
    "no CTranslate2 model": _without("pkg/model/model.bin"),
    "no tokenizer": _without("pkg/sentencepiece.model"),
    "no sentence splitter": _without("pkg/minisbd/de.onnx"),
    "metadata.json has no to_code": {**_good_files(), "pkg/metadata.json": '{"from_code": "de"}'},
    "not valid JSON": {**_good_files(), "pkg/metadata.json": "{"},
    "invalid from_code": {
        **_good_files(),
        "pkg/metadata.json": '{"from_code": "../x", "to_code": "en"}',
    },
    "one top folder": {**_good_files(), "other/x.txt": "x"},
    "unsafe path": {**_good_files(), "pkg/../../evil.txt": "x"},
}


@pytest.mark.parametrize("reason", sorted(BAD_ARCHIVES))
def test_bad_archive_is_refused_and_leaves_nothing(tmp_path, reason):
    archive = _zip(tmp_path / "bad.argosmodel", BAD_ARCHIVES[reason])
    with pytest.raises(ModelError, match=reason):
        install_package(archive, tmp_path / "pk")
    assert list((tmp_path / "pk").iterdir()) == []


def test_not_a_zip_and_broken_model(tmp_path):
    (tmp_path / "x.argosmodel").write_text("hello")
    with pytest.raises(ModelError, match="not a zip"):
        install_package(tmp_path / "x.argosmodel", tmp_path / "pk")
    with pytest.raises(ModelError, match="no such package file"):
        install_package(tmp_path / "missing.argosmodel", tmp_path / "pk")
    with pytest.raises(ModelError, match="cannot write to the packages folder"):
        install_package(_zip(tmp_path / "z.argosmodel", _good_files()), tmp_path / "x.argosmodel")
    # A structurally valid package whose model cannot load: installed, but it fails clearly.
    install_package(_zip(tmp_path / "y.argosmodel", _good_files()), tmp_path / "pk2")
    with pytest.raises(ModelError, match="cannot"):
        Translator(find_package("de", "en", tmp_path / "pk2"), TranslateOptions(tmp_path / "pk2"))
    assert not (tmp_path / "pk").exists()


def test_batched_output_equals_argostranslate(translator, argos, net_log):
    paragraphs = [p for text in ARTICLES for p in text.split("\n")]
    expected = [reference_translate(argos, p, "de", "en") for p in paragraphs]
    ours = translator.translate_texts(ARTICLES)
    assert [p for text in ours for p in text.split("\n")] == expected
    assert any(expected) and len(set(expected)) > 3  # the model really produces text
    assert net_log.read_text() == ""


def test_paragraphs_order_and_empty_lines_kept(translator):
    text = "\nErster Absatz hier.\n\n   \nZweiter Absatz. Mit zwei Sätzen.\n"
    out = translator.translate_texts([text])[0].split("\n")
    assert len(out) == len(text.split("\n"))
    assert [i for i, p in enumerate(out) if not p] == [0, 2, 3, 5]
    alone = [translator.translate_texts([p])[0] for p in text.split("\n")]
    assert out == alone


def test_deterministic_whatever_the_batch(translator):
    first = translator.translate_texts(ARTICLES)
    assert translator.translate_texts(ARTICLES) == first
    assert translator.translate_texts(list(reversed(ARTICLES))) == list(reversed(first))
    assert translator.translate_texts([ARTICLES[1]]) == [first[1]]


class _BatchLog:
    """The engine of a Translator, logging the number of sentences of every batch."""

    def __init__(self, model):
        self._model, self.sizes = model, []

    def translate_batch(self, batch, **options):
        self.sizes.append(len(batch))
        return self._model.translate_batch(batch, **options)

    def __getattr__(self, name):
        return getattr(self._model, name)


def test_batches_bounded_in_sentences_and_tokens_same_output(translator, packages_dir):
    short = ["\n".join(f"Haus {i}. Baum {i * 7}." for i in range(n, n + 30)) for n in (0, 40)]
    package = find_package("de", "en", packages_dir)
    beam_1 = Translator(package, TranslateOptions(packages_dir, beam_size=1))
    expected = {
        4: translator.translate_texts(ARTICLES + short),
        1: beam_1.translate_texts(ARTICLES + short),
    }
    for beam, hypotheses, tokens in ((4, 12, 1024), (4, 128, 40), (4, 4, 8), (1, 3, 40)):
        options = TranslateOptions(
            packages_dir, beam_size=beam, max_batch_hypotheses=hypotheses, max_batch_tokens=tokens
        )
        small = Translator(package, options)
        small._model = log = _BatchLog(small._model)
        assert small.translate_texts(ARTICLES + short) == expected[beam]
        assert max(log.sizes) <= hypotheses // beam
        assert sum(log.sizes) == small.stats.distinct_sentences
    with pytest.raises(ModelError, match="max_batch_hypotheses"):
        TranslateOptions(packages_dir, max_batch_hypotheses=3)


def test_beam_1_batches_are_larger_with_the_same_output(packages_dir):
    """The caps count hypotheses (sentences x beam): beam 1 runs up to 128 sentences a
    batch, and the batch shape does not change what a sentence becomes."""
    package = find_package("de", "en", packages_dir)
    texts = ["\n".join(f"Haus {i}. Baum {i * 7}." for i in range(100))]
    outputs, sizes = [], []
    for hypotheses in (128, 32):
        options = TranslateOptions(packages_dir, beam_size=1, max_batch_hypotheses=hypotheses)
        one = Translator(package, options)
        one._model = log = _BatchLog(one._model)
        outputs.append(one.translate_texts(texts))
        sizes.append(max(log.sizes))
    assert outputs[0] == outputs[1]
    assert sizes == [128, 32]


def test_long_sentence_is_cut_and_counted(packages_dir):
    options = TranslateOptions(packages_dir, max_sentence_tokens=20)
    translator = Translator(find_package("de", "en", packages_dir), options)
    sentence = " ".join(["die Stadt plant neue Radwege"] * 30) + "."
    out = translator.translate_texts([sentence, "Kurz."])
    assert translator.stats.long_sentences_cut == 1
    assert translator.stats.sentences >= 150 // 20
    assert out[0] and out[1]


def test_output_past_the_engine_default_is_not_cut(tmp_path, sentencepiece_bytes):
    # A model that never emits </s>: argostranslate would stop it at 256 tokens.
    archive = build_package(
        tmp_path / "e.argosmodel", eos_bias=-50, sentencepiece=sentencepiece_bytes
    )
    pkg = install_package(archive, tmp_path / "pk")
    translator = Translator(pkg, TranslateOptions(tmp_path / "pk", beam_size=1))
    sentence = " ".join(["Die Regierung will die Steuern senken"] * 12) + "."
    translator.translate_texts([sentence])
    stats = translator.stats
    assert stats.long_sentences_cut == 0 and 2 * stats.source_tokens + 10 > 256
    assert stats.longer_than_engine_default == 1
    assert stats.hit_decoding_limit == 1
    assert stats.target_tokens == 2 * stats.source_tokens + 10
    # a short sentence's limit stays 256 beside a long one: its batch does not matter
    alone = translator.translate_texts(["Kurz und gut."])
    beside = translator.translate_texts([sentence + "\nKurz und gut."])[0].split("\n")[1]
    assert beside == alone[0]


def test_stanza_package_translates_offline_with_rule_splitter(
    tmp_path, sentencepiece_bytes, net_log
):
    archive = build_package(
        tmp_path / "s.argosmodel", splitter="stanza", sentencepiece=sentencepiece_bytes
    )
    root = tmp_path / "stanza" / "packages"  # "stanza" in the path must not matter
    pkg = install_package(archive, root)
    assert pkg.minisbd_file is None and pkg.other_splitter == "stanza"
    translator = Translator(pkg, TranslateOptions(root))
    assert translator.record["splitter"].startswith("pysbd-")
    assert "stanza" in translator.record["splitter"]
    out = translator.translate_texts(["Eins zwei drei. Vier fünf sechs!"])
    assert out[0]
    assert translator.stats.sentences == 2
    assert net_log.read_text() == ""


def test_stanza_package_with_a_given_minisbd_splitter(tmp_path, sentencepiece_bytes):
    archive = build_package(
        tmp_path / "s.argosmodel", splitter=None, sentencepiece=sentencepiece_bytes
    )
    with pytest.raises(ModelError, match="no sentence splitter"):
        install_package(archive, tmp_path / "pk")
    (tmp_path / "de.onnx").write_bytes(b"not onnx")
    with pytest.raises(ModelError, match="not a MiniSBD splitter model"):
        install_package(archive, tmp_path / "pk", splitter=tmp_path / "de.onnx")
    (tmp_path / "de.onnx").write_bytes(minisbd_onnx("de"))
    pkg = install_package(archive, tmp_path / "pk", splitter=tmp_path / "de.onnx")
    assert pkg.minisbd_file.name == "de.onnx"
    translator = Translator(pkg, TranslateOptions(tmp_path / "pk"))
    assert translator.record["splitter"] == "minisbd:de.onnx"


def test_unknown_language_for_rule_splitter_names_what_is_missing(tmp_path, sentencepiece_bytes):
    archive = build_package(
        tmp_path / "s.argosmodel",
        from_code="xx",
        splitter="stanza",
        sentencepiece=sentencepiece_bytes,
    )
    pkg = install_package(archive, tmp_path / "pk")
    with pytest.raises(
        ModelError, match=r"no offline sentence splitter for 'xx'.*--splitter xx.onnx"
    ):
        Translator(pkg, TranslateOptions(tmp_path / "pk"))


def test_translate_documents_fills_records(packages_dir, argos):
    import pyarrow as pa

    docs = [
        Document(source="de.txt", text=ARTICLES[0], language="de"),
        Document(source="en.txt", text="An English article.", language="en"),
        Document(source="fr.txt", text="Un article.", language="fr"),
        Document(source="x.txt", text="???", language=None),
        Document(source="de2.txt", text=ARTICLES[1], language="de"),
    ]
    out = translate_documents(docs, TranslateOptions(packages_dir))
    de, en, fr, unknown, de2 = out
    assert de.text_en.split("\n") == [
        reference_translate(argos, p, "de", "en") for p in ARTICLES[0].split("\n")
    ]
    assert de.translation == {
        "package": "translate-de_en-1_0",
        "version": "1.0",
        "beam": 4,
        "compute_type": de.translation["compute_type"],
        "splitter": "minisbd:de.onnx",
    }
    assert de.translation["compute_type"].startswith("int8")
    assert de.translation_note is None and de2.text_en
    assert (en.text_en, en.translation, en.translation_note) == ("An English article.", None, None)
    assert fr.text_en is None and fr.translation_note == "no installed package for fr->en"
    assert unknown.text_en is None and unknown.translation_note == "language unknown"
    hints = missing_package_hints(out, TranslateOptions(packages_dir))
    assert len(hints) == 1 and hints[0].startswith("no installed package for fr->en: ")
    table = pa.Table.from_pylist([d.to_record() for d in out], schema=record_schema())
    assert table.column("translation").to_pylist()[0] == de.translation


def test_cli_models_and_translate(tmp_path, packages_dir, net_log, sentencepiece_bytes):
    env = {"HZCORPUS_PACKAGES_DIR": str(tmp_path / "pk")}
    out = run_cli("models", "list", env=env)
    assert out.returncode == 0 and "no packages installed" in out.stdout
    archive = build_package(tmp_path / "p.argosmodel", sentencepiece=sentencepiece_bytes)
    out = run_cli("models", "install", str(archive), env=env)
    assert out.returncode == 0, out.stderr
    out = run_cli("models", "list", env=env)
    assert out.stdout.split("\t")[:3] == ["de->en", "1.0", "minisbd"]
    out = run_cli("models", "list", "--packages-dir", str(packages_dir))
    assert out.stdout.split("\t")[0] == "de->en" and str(packages_dir) in out.stdout
    article = tmp_path / "artikel.txt"
    article.write_text("Titel der Seite\n" + ARTICLES[1] + "\n", encoding="utf-8")
    out = run_cli("translate", str(article), "--from", "de", env=env)
    assert out.returncode == 0, out.stderr
    expected = Translator(find_package("de", "en", packages_dir)).translate_texts([ARTICLES[1]])
    assert out.stdout == expected[0] + "\n"
    out = run_cli("translate", str(article), "--from", "de", "--out", str(tmp_path / "o"), env=env)
    assert (tmp_path / "o" / "artikel.txt").read_text() == expected[0] + "\n"
    home = Path(os.environ["HOME"])  # argostranslate's settings were never imported
    assert not [p for p in home.rglob("*") if "argos" in p.name]
    out = run_cli("translate", str(article), "--from", "fr", env=env)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1
    assert "no installed package for fr->en" in out.stderr and "models install" in out.stderr
    out = run_cli("models", "install", str(article), env=env)
    assert out.returncode == 2 and "not a zip" in out.stderr and "Traceback" not in out.stderr
    assert net_log.read_text() == ""


def test_argostranslate_reference_never_downloads_a_splitter(
    packages_dir, argos, tmp_path, sentencepiece_bytes, net_log
):
    archive = build_package(
        tmp_path / "nl.argosmodel",
        from_code="nl",
        splitter="stanza",
        sentencepiece=sentencepiece_bytes,
    )
    pkg = install_package(archive, packages_dir)
    argos.get_installed_languages.cache_clear()
    try:
        with pytest.raises(ModelError, match="would download the MiniSBD splitter model 'nl'"):
            reference_translate(argos, "Goedemorgen. Hoe gaat het?", "nl", "en")
        with pytest.raises(ModelError, match="never downloads"):
            argos.package.get_available_packages()
    finally:
        shutil.rmtree(pkg.path)
        argos.get_installed_languages.cache_clear()
    assert net_log.read_text() == ""


def test_one_bad_document_does_not_stop_the_others(packages_dir, monkeypatch):
    options = TranslateOptions(packages_dir)
    translator, _reason = get_translator("de", options)
    split = translator._splitter.split

    def fragile_split(paragraph):
        if "KAPUTT" in paragraph:
            raise ValueError("cannot split this")
        return split(paragraph)

    monkeypatch.setattr(translator._splitter, "split", fragile_split)
    docs = [
        Document(source="a", text="Erster Text.", language="de"),
        Document(source="b", text="Zweiter Text.\nKAPUTT hier.", language="de"),
        Document(source="c", text=ARTICLES[1], language="de"),
    ]
    a, b, c = translate_documents(docs, options)
    assert a.text_en and c.text_en and a.translation and c.translation
    assert b.text_en is None and b.translation is None
    assert b.translation_note == "translation failed: ValueError: cannot split this"
    assert c.text_en == translator.translate_texts([ARTICLES[1]])[0]


class _EngineFailingOnLongInput:
    """Wraps a CTranslate2 translator; a batch with a source over 200 tokens raises."""

    def __init__(self, model):
        self._model = model
        self.compute_type = model.compute_type

    def translate_batch(self, batch, **kwargs):
        if max(len(tokens) for tokens in batch) > 200:
            raise RuntimeError("engine failure")
        return self._model.translate_batch(batch, **kwargs)


def test_engine_failure_is_isolated_to_its_document(packages_dir, monkeypatch):
    options = TranslateOptions(packages_dir)
    translator, _reason = get_translator("de", options)
    monkeypatch.setattr(translator, "_model", _EngineFailingOnLongInput(translator._model))
    long_sentence = " ".join(["Die Stadt plant neue Radwege"] * 40) + "."
    docs = [
        Document(source="a", text=ARTICLES[0], language="de"),
        Document(source="b", text=long_sentence, language="de"),
    ]
    a, b = translate_documents(docs, options)
    assert a.text_en and a.translation
    assert (
        b.text_en is None
        and b.translation_note == "translation failed: RuntimeError: engine failure"
    )


def test_freed_memory_is_kept_on_glibc():
    """Where the C library is glibc, its malloc takes `MALLOC_SETTINGS` (a translating
    process then reuses the engine's freed buffers instead of faulting them in again)."""
    import ctypes

    from hzcorpus.translate import keep_freed_memory

    try:
        ctypes.CDLL(None).gnu_get_libc_version  # noqa: B018 (only glibc has it)
    except AttributeError:
        pytest.skip("not glibc")
    assert keep_freed_memory() is True
