import codecs

import ftfy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hzcorpus.errors import HzcorpusError, InputError
from hzcorpus.read import (
    ReadOptions,
    _fix_mojibake,
    _ftfy_config,
    _lines_to_repair,
    _mojibake_scan,
    decode,
    document_from_bytes,
    is_html,
    is_json_lines,
    read_document,
)
from tests.conftest import RAW


def test_seeds_read_as_utf8_text():
    for path in sorted(RAW.glob("*.txt")):
        doc = read_document(path, root=RAW)
        assert doc.format == "text"
        assert doc.encoding == "utf-8"
        assert doc.source == path.name
        assert len(doc.id) == 16


def test_id_is_stable_and_content_derived():
    a = document_from_bytes(b"Same text here.", "a.txt")
    b = document_from_bytes(b"Same text here.", "b.txt")
    c = document_from_bytes(b"Other text here.", "a.txt")
    assert a.id == b.id != c.id


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "Grüße aus Köln".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "Grüße aus Köln".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Grüße aus Köln".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_byte_order_marks(data, encoding):
    assert decode(data) == ("Grüße aus Köln", encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Grüße aus Köln, der Stadt am Rhein.\nZweite Zeile des Artikels.\n",
        "Москва — столица России, крупнейший город страны.\n",
        "北京是中国的首都，也是全国的政治和文化中心。\n",
        "<html><body><p>Saved by a Windows editor as Unicode.</p></body></html>",
    ],
)
def test_utf16_without_byte_order_mark(text, encoding):
    assert decode(text.encode(encoding)) == (text, encoding)


def test_declared_html_charset_wins_over_guessing():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Straße</p></body></html>'
    text, encoding = decode(html.encode("latin-1"))
    assert "Straße" in text
    assert encoding == "iso8859-1"


def test_statistical_fallback_for_undeclared_legacy_encoding():
    text = "Die Bürger der Stadt Köln müssen sich über höhere Gebühren ärgern. " * 20
    decoded, encoding = decode(text.encode("cp1252"))
    assert decoded == text
    assert encoding != "utf-8"


def test_mojibake_is_repaired_but_quotes_are_kept():
    text, _ = decode("The cafÃ© said “hello”.".encode())
    assert text == "The café said “hello”."


#: Characters of mojibake and of ftfy's other fixers, with plain letters and line breaks.
_MOJIBAKE_ALPHABET = "abcé ÃÂâ€™\n\x85\u2028\xa0ƒ©ГўВЂ\x1b[1m\ufeffœ°Ø’ÐÎ×²ßβā√≈‚\ud800"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=_MOJIBAKE_ALPHABET, max_size=12),
            st.sampled_from(["Grüße", "café “x”", "naïve"]).map(
                lambda s: s.encode("utf-8").decode("cp1252", "replace")
            ),
        ),
        max_size=8,
    ).map("".join)
)
def test_mojibake_repair_is_ftfys_on_every_text(text):
    # only the lines ftfy could change are given to it: the output must be ftfy's own
    assert _fix_mojibake(text) == ftfy.fix_text(text, _ftfy_config())


#: Letters beyond ASCII that ftfy's pattern may take for mojibake, with plain ones around.
_ACCENTED_ALPHABET = "éàüöß«»œŒÃÂ°€£™—…’ВГРСвЂβΒ¿¡\xa0×²√≈‚ÄØ\x85"


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ab", "a ", ".", ", ", "\n", "-"])
        | st.sampled_from(_ACCENTED_ALPHABET + _MOJIBAKE_ALPHABET),
        max_size=20,
    ).map("".join)
)
@example("cœ. Æ")  # a lone character between plain ones
@example("la Ã b")
@example("x.Â ¡")
def test_lines_to_repair_are_those_of_trying_every_candidate(text):
    """Trying ftfy's pattern only where a second character beyond ASCII is near (or at a
    lone character) marks the same lines as trying it at every candidate."""
    scan, fixed, lone, badness = _mojibake_scan()
    assert lone is not None  # ftfy's pattern has the shape the shortcut knows
    assert list(_lines_to_repair(text)) == _every_candidate(text, scan, fixed, badness)


def _every_candidate(text, scan, fixed, badness):
    """`_lines_to_repair` without the shortcut: the pattern tried at every candidate."""
    found, line_end = [], 0
    for hit in scan.finditer(text):
        at, char = hit.start(), hit.group()
        if at < line_end:
            continue
        if (
            char in fixed
            or (char in "ÃÂ" and text[at + 1 : at + 2] == " " and text[at - 1 : at] in ("", "\n"))
            or badness[min(at, 2)].match(text, max(at - 2, 0))
        ):
            line_end = text.find("\n", at) + 1 or len(text)
            found.append((text.rfind("\n", 0, at) + 1, line_end))
    return found


def test_mojibake_repair_is_ftfys_on_the_seed_pages():
    for path in sorted(RAW.iterdir()):
        text = path.read_text(encoding="utf-8")
        broken = text.encode("utf-8").decode("cp1252", "replace")
        for page in (text, broken, broken.replace("\n", "\r\n")):
            assert _fix_mojibake(page) == ftfy.fix_text(page, _ftfy_config())


def test_control_characters_and_line_endings():
    text, _ = decode(b"one\x00 line\r\ntwo\x07\rthree")
    assert text == "one line\ntwo\nthree"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t \n", "whitespace"),
        (b"%PDF-1.7 binary", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (bytes(range(256)) * 40, "binary"),
        (bytes(3000), "binary"),
        (b"".join(i.to_bytes(4, "little") for i in range(1000)), "binary"),
        (b"SQLite format 3\x00" + bytes(range(7, 256)) * 20, "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable"),
    ],
)
def test_bad_input_is_one_clear_error(data, message):
    with pytest.raises(InputError, match=message) as info:
        decode(data)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, HzcorpusError)


def test_size_limit():
    with pytest.raises(InputError, match="over the"):
        decode(b"a" * 2000, ReadOptions(max_bytes=1000))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt", root=tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("  <!-- saved --> <html lang=de>", True),
        ("<div><p>a</p><p>b</p><span>c</span></div>", True),
        ("Prices rose 5% <compared> to last year.\nA plain page dump.", False),
        ("Use the <b> tag for bold.", False),
    ],
)
def test_html_is_sniffed_by_content(text, expected):
    assert is_html(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"id": 1, "text": "An article."}\n{"id": 2, "text": "Another."}\n', True),
        ('\n\n{"html": "<p>x</p>"}\n', True),
        ("{Update} The council approved the budget.\nSecond line.", False),
        ('["a", "list"]\n', False),
        ('A plain article.\n{"id": 1}\n', False),
        ("{not json at all", False),
    ],
)
def test_json_lines_are_sniffed_by_their_first_line(text, expected):
    assert is_json_lines(text) is expected


_LEGACY_PAGES = [
    # (text, the encoding the file was saved in, the label expected)
    (
        "Die Bürgermeisterin äußerte sich am Dienstag über die Größe des Haushalts. "
        "Straßenbahn und Grünflächen wurden beschlossen.\nÜber die Schulden wurde gestritten.",
        "latin-1",
        "cp1252",
    ),
    (
        "Der Stadtrat hat über die Schulden beraten; Straßen und Brücken müssen warten.",
        "cp1252",
        "cp1252",
    ),
    (
        "Rada miasta przyjęła budżet we wtorek. Opozycja skrytykowała dług i zażądała "
        "więcej pieniędzy na szkoły. Źle się dzieje, mówili radni.",
        "cp1250",
        "cp1250",
    ),
    (
        "Городской совет утвердил бюджет во вторник. Оппозиция раскритиковала долг и "
        "потребовала больше денег для школ.",
        "cp1251",
        "cp1251",
    ),
]


@pytest.mark.parametrize(("text", "saved_as", "label"), _LEGACY_PAGES)
def test_single_byte_pages_get_the_encoding_of_their_language(text, saved_as, label):
    decoded, encoding = decode(text.encode(saved_as))
    assert decoded == text
    assert encoding == label


def test_every_encoding_region_decodes_its_example():
    from hzcorpus.legacy_encodings import REGIONS, is_single_byte

    for region in REGIONS:
        for encoding in region.encodings:
            assert is_single_byte(encoding), encoding
            assert region.example.encode(encoding).decode(encoding) == region.example
    languages = [lang for region in REGIONS for lang in region.languages]
    assert len(languages) == len(set(languages))  # a language belongs to one region
    assert not is_single_byte("gb18030") and not is_single_byte("utf-8")


_LATIN = st.characters(codec="cp1252", categories=("L", "N", "P", "Zs"))


@given(st.text(_LATIN, min_size=1), st.sampled_from(["cp1250", "cp1257", "iso8859_2", "cp1252"]))
def test_the_language_preference_never_changes_the_text(text, guess):
    from hzcorpus.legacy_encodings import prefer_by_language

    data = text.encode("cp1252")
    try:
        guessed = data.decode(guess)
    except UnicodeDecodeError:
        return
    decoded, encoding = prefer_by_language(data, guessed, guess)
    assert decoded == guessed
    assert data.decode(encoding) == guessed
