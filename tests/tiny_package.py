"""Build a tiny random-weight argos package (`.argosmodel`) for the tests, in about a second.

No torch and no download: a SentencePiece model trained on a few lines, a 1+1-layer
CTranslate2 Transformer written from numpy arrays through `ctranslate2.specs`, and a
rule-based MiniSBD-format ONNX sentence splitter (splits after `.`, `!` or `?` followed by
a space) written with `onnx.helper`. The output is nonsense but deterministic, which is all
the tests need: hzcorpus's batched path must give argostranslate's output for it.
"""

from __future__ import annotations

import io
import json
import string
import tempfile
import zipfile
from pathlib import Path

import numpy as np

TEXT = """\
Die Stadt plant neue Radwege entlang des Flusses und in der Altstadt.
Der Bürgermeister sagte am Montag, dass die Arbeiten im Frühjahr beginnen.
Viele Anwohner begrüßen das Vorhaben, andere fürchten um ihre Parkplätze.
Die Kosten werden auf mehrere Millionen Euro geschätzt.
Im Sommer war der Verkehr in der Innenstadt besonders dicht.
Forscher der Universität haben ein neues Verfahren entwickelt.
Das Unternehmen meldete für das dritte Quartal einen höheren Gewinn.
Die Regierung will die Steuern für kleine Betriebe senken.
Am Wochenende wird es sonnig und warm, am Montag kommt Regen.
Die Mannschaft gewann das Spiel nach einer starken zweiten Halbzeit.
The city plans new cycle paths along the river and in the old town.
The mayor said on Monday that the work will start in spring.
Many residents welcome the project, others fear for their parking spaces.
Researchers at the university have developed a new method.
The company reported higher profits for the third quarter.
"""

SPECIALS = ["<unk>", "<s>", "</s>"]
_SPLIT_AFTER = ".!?"
_MINISBD_CONFIG = {
    "skip_newline": False,
    "max_seqlen": 1000,
    "no_ssplit": False,
    "batch_size": 32,
    "feat_funcs": ["space_before", "capitalized", "numeric", "end_of_para", "start_of_para"],
    "use_dictionary": False,
    "num_dict_feat": 0,
}


def train_sentencepiece(vocab_size: int = 200) -> bytes:
    """A small unigram SentencePiece model (bytes) trained on TEXT."""
    import sentencepiece as spm

    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(TEXT.splitlines()),
        model_writer=out,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=1,
        minloglevel=2,
    )
    return out.getvalue()


def _linear(rng, out_dim: int, in_dim: int, spec) -> None:
    spec.weight = (rng.standard_normal((out_dim, in_dim)) * 0.3).astype(np.float32)
    spec.bias = np.zeros(out_dim, dtype=np.float32)


def _norm(dim: int, spec) -> None:
    spec.gamma = np.ones(dim, dtype=np.float32)
    spec.beta = np.zeros(dim, dtype=np.float32)


def _layer(rng, d: int, ffn: int, layer, cross: bool) -> None:
    _linear(rng, 3 * d, d, layer.self_attention.linear[0])
    _linear(rng, d, d, layer.self_attention.linear[1])
    _norm(d, layer.self_attention.layer_norm)
    if cross:
        _linear(rng, d, d, layer.attention.linear[0])
        _linear(rng, 2 * d, d, layer.attention.linear[1])
        _linear(rng, d, d, layer.attention.linear[2])
        _norm(d, layer.attention.layer_norm)
    _linear(rng, ffn, d, layer.ffn.linear_0)
    _linear(rng, d, ffn, layer.ffn.linear_1)
    _norm(d, layer.ffn.layer_norm)


def write_model(folder: Path, vocab: list[str], seed: int, eos_bias: float) -> None:
    """A 1+1-layer Transformer (d_model 32) with random weights into `folder`.

    `eos_bias` is added to the end token's output logit: about 4 ends most outputs after
    a few to a few dozen tokens; a large negative value makes a model that never stops.
    """
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(seed)
    d, ffn, v = 32, 64, len(vocab)
    spec = TransformerSpec.from_config((1, 1), num_heads=4)
    for side in (spec.encoder, spec.decoder):
        embeddings = side.embeddings[0] if isinstance(side.embeddings, list) else side.embeddings
        embeddings.weight = (rng.standard_normal((v, d)) * 0.5).astype(np.float32)
        _norm(d, side.layer_norm)
        for layer in side.layer:
            _layer(rng, d, ffn, layer, cross=side is spec.decoder)
    _linear(rng, v, d, spec.decoder.projection)
    spec.decoder.projection.bias[vocab.index("</s>")] = eos_bias
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="int8")
    spec.save(str(folder))


def minisbd_onnx(lang: str = "de") -> bytes:
    """A MiniSBD-format ONNX splitter: sentence end after `.!?` before a space or the end."""
    import onnx
    from onnx import TensorProto, helper

    units = ["<PAD>", "<UNK>", " ", *string.ascii_letters, *string.digits, *string.punctuation]
    units += list("äöüÄÖÜßéèàç–—„“”‘’«»…")
    n_classes = 5
    current = np.full((len(units), n_classes), -10.0, dtype=np.float32)
    current[:, 0] = 0.0
    following = np.zeros((len(units), n_classes), dtype=np.float32)
    following[:, 2] = -20.0
    for i, unit in enumerate(units):
        if unit in _SPLIT_AFTER:
            current[i, 2] = 1.0
        if unit in (" ", "<PAD>"):
            following[i, 2] = 10.0
    # logits[b, s] = current[units[b, s]] + following[units[b, s + 1]] + features @ 0
    nodes = [
        helper.make_node("Pad", ["units", "pads"], ["padded"], mode="constant"),
        helper.make_node("Slice", ["padded", "one", "big", "one"], ["next_units"]),
        helper.make_node("Gather", ["current", "units"], ["cur"]),
        helper.make_node("Gather", ["following", "next_units"], ["nxt"]),
        helper.make_node("MatMul", ["features", "zero_proj"], ["feat"]),
        helper.make_node("Add", ["cur", "nxt"], ["sum"]),
        helper.make_node("Add", ["sum", "feat"], ["logits"]),
    ]
    inits = [
        helper.make_tensor("pads", TensorProto.INT64, [4], [0, 0, 0, 1]),
        helper.make_tensor("one", TensorProto.INT64, [1], [1]),
        helper.make_tensor("big", TensorProto.INT64, [1], [2**62]),
        onnx.numpy_helper.from_array(current, "current"),
        onnx.numpy_helper.from_array(following, "following"),
        onnx.numpy_helper.from_array(np.zeros((5, n_classes), np.float32), "zero_proj"),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_minisbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "seq"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "seq", 5]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "seq", n_classes])],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {u: i for i, u in enumerate(units)},
        "_id2unit": units,
    }
    meta = {
        "lang_code": lang,
        "config": json.dumps(_MINISBD_CONFIG),
        "vocab": json.dumps(vocab),
        "lexicon": "null",
    }
    for key, value in meta.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    return model.SerializeToString()


def build_package(
    dest: Path,
    *,
    from_code: str = "de",
    to_code: str = "en",
    version: str = "1.0",
    seed: int = 0,
    eos_bias: float = 4.0,
    splitter: str | None = "minisbd",
    sentencepiece: bytes | None = None,
) -> Path:
    """Write `dest` (an `.argosmodel` zip); `splitter` is `minisbd`, `stanza` or None."""
    top = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    sp_bytes = sentencepiece or train_sentencepiece()
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    assert vocab[:3] == SPECIALS, vocab[:3]
    with tempfile.TemporaryDirectory() as work:
        model_dir = Path(work) / "model"
        model_dir.mkdir()
        write_model(model_dir, vocab, seed, eos_bias)
        model_files = {f.name: f.read_bytes() for f in sorted(model_dir.iterdir())}
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": from_code.upper(),
        "to_code": to_code,
        "to_name": to_code.upper(),
        "type": "translate",
        "links": [],
    }
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{top}/metadata.json", json.dumps(metadata, indent=2))
        zf.writestr(f"{top}/sentencepiece.model", sp_bytes)
        for name, data in model_files.items():
            zf.writestr(f"{top}/model/{name}", data)
        if splitter == "minisbd":
            zf.writestr(f"{top}/minisbd/{from_code}.onnx", minisbd_onnx(from_code))
        elif splitter == "stanza":
            zf.writestr(f"{top}/stanza/{from_code}/tokenize/gsd.pt", b"stanza model stand-in")
            zf.writestr(f"{top}/stanza/resources.json", "{}")
    return dest
