"""Bytes to text: encoding detection, mojibake repair, HTML sniffing, size limits.

Everything that can go wrong with an input file ends here as one `InputError` with a
one-line message, so that a batch can record it and go on.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .document import Document, content_id
from .errors import InputError
from .legacy_encodings import prefer_by_language
from .regex_tree import constants as _constants
from .regex_tree import parser as _parser

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of binary formats that are sometimes saved with a text extension.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"RIFF",
)
# C0 control bytes that never occur in text (tab, newlines, form feed and ESC excluded).
_BINARY_BYTES = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|article|section|main|header|footer|nav|br|li|ul|ol|"
    r"h[1-6]|table|tr|td|meta|script|style|img|figure|figcaption|time)\b[^>]*>",
    re.I,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read. `max_bytes` bounds one input; larger ones are refused."""

    max_bytes: int = 20 * 1024 * 1024
    fix_mojibake: bool = True


def decode(data: bytes, options: ReadOptions = ReadOptions()) -> tuple[str, str]:
    """Decode `data` and return `(text, encoding)`; raises `InputError` when it is not text.

    Order: byte-order mark, strict UTF-8, a charset declared by HTML/XML, then
    charset-normalizer's statistical guess (a single-byte guess gives way to the encodings
    of the decoded text's language, `legacy_encodings`). Mojibake is repaired with ftfy,
    control characters are stripped and line endings become `\\n`.
    """
    if len(data) > options.max_bytes:
        raise InputError(_over_limit(len(data), options))
    if not data.strip():
        raise InputError("input is empty" if not data else "input holds only whitespace")
    text, encoding = _decode_bytes(data)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if options.fix_mojibake:
        text = _fix_mojibake(text)
    if not text.strip():
        raise InputError("input holds no text after decoding")
    return text, encoding


def _over_limit(size: int, options: ReadOptions) -> str:
    def amount(n: int) -> str:
        return f"{n:,} bytes" if n < 1_000_000 else f"{n / 1e6:.1f} MB"

    return f"input is {amount(size)}, over the {amount(options.max_bytes)} limit"


def _decode_bytes(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"undecodable {encoding} after its byte-order mark: {exc}"
                ) from None
    if data.startswith(_BINARY_MAGIC):
        raise InputError("input is a binary file, not text or HTML")
    head = data[:8192]
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    if controls > 2 and controls * 20 > len(head):
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError("input is binary (control bytes), not text or HTML")
        return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data[:4096])
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError("undecodable: not UTF-8 and no other encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"undecodable: best guess {best.encoding} does not fit") from None
    return prefer_by_language(data, text, best.encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """The encoding of UTF-16/32 text saved without a byte-order mark (its NUL and low bytes
    look like a binary file's), or None for binary data."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None or not str(best.encoding).startswith(("utf_16", "utf_32")):
        return None
    encoding = codecs.lookup(best.encoding).name
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _fix_mojibake(text: str) -> str:
    """ftfy's repair of `text`, run only on the lines that ftfy could change.

    ftfy fixes a text line by line, each line on its own, and leaves a line as it is
    unless its badness pattern matches there or the line holds a character that one of
    the enabled fixers removes or replaces. `_lines_to_repair` finds those lines with a
    cheap scan, so the output is ftfy's, byte for byte, at a fraction of the cost (most
    pages need no repair at all).
    """
    import ftfy

    config = _ftfy_config()
    if len(text) > config.max_decode_length:  # ftfy may cut a line into segments
        return ftfy.fix_text(text, config)
    out: list[str] = []
    done = 0
    for start, end in _lines_to_repair(text):
        out += [text[done:start], ftfy.fix_text(text[start:end], config)]
        done = end
    return "".join([*out, text[done:]]) if out else text


def _lines_to_repair(text: str) -> Iterator[tuple[int, int]]:
    """`(start, end)` of each line (with its newline) that ftfy's repair may change.

    Every alternative of ftfy's badness pattern holds a character of its mojibake
    categories among its first three characters, so the pattern is tried only at and
    just before such characters. A line that holds a character another fixer replaces,
    or starts with "Ã " or "Â " (the pattern's one anchored case), is marked at once.
    Most alternatives hold two characters beyond ASCII among their first three: the
    pattern is tried at a character only when another such character stands within two
    places of it, or when it is one of the few that some alternative needs alone
    (`_lone_badness_chars`); an accented letter between plain ones is passed at once.
    """
    scan, fixed, lone, badness = _mojibake_scan()
    line_end = 0
    for found in scan.finditer(text):
        at = found.start()
        if at < line_end:
            continue
        char = found.group()
        if not (
            char in fixed
            or (char in "ÃÂ" and text[at + 1 : at + 2] == " " and text[at - 1 : at] in ("", "\n"))
            or (
                (
                    lone is None
                    or char in lone
                    or not (text[max(at - 2, 0) : at] + text[at + 1 : at + 3]).isascii()
                )
                and badness[min(at, 2)].match(text, max(at - 2, 0))
            )
        ):
            continue
        line_end = text.find("\n", at) + 1 or len(text)
        yield text.rfind("\n", 0, at) + 1, line_end


@cache
def _mojibake_scan() -> tuple[
    re.Pattern[str], frozenset[str], frozenset[str] | None, tuple[re.Pattern[str], ...]
]:
    """What `_lines_to_repair` needs, built from ftfy's own tables: one character class
    of every character worth a look, the characters ftfy's other fixers change (control
    characters, C1 controls, line separators, surrogates), the characters some
    alternative of the badness pattern needs without a second one beyond ASCII
    (`_lone_badness_chars`), and ftfy's badness pattern after up to 0, 1 and 2
    characters (matched there, it tells whether the pattern matches at any of the 1, 2
    or 3 places, in one call).

    The class holds those and the characters of ftfy's mojibake categories and of its
    pattern's literals."""
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
    from ftfy.chardata import CONTROL_CHARS

    fixed = {*map(chr, CONTROL_CHARS), "\r", "\u2028", "\u2029"}
    fixed |= {chr(c) for c in (*range(0x80, 0xA0), *range(0xD800, 0xE000))}
    literals = "".join(c for c in BADNESS_RE.pattern if not c.isascii())
    chars = re.escape("".join(sorted(fixed)) + literals)
    scan = re.compile(f"[{chars}{''.join(MOJIBAKE_CATEGORIES.values())}]")
    # "\n" closes the pattern's last line: it is verbose, and may end with a comment
    badness = tuple(
        re.compile(f"(?s:.{{0,{n}}})(?:{BADNESS_RE.pattern}\n)", BADNESS_RE.flags) for n in range(3)
    )
    return scan, frozenset(fixed), _lone_badness_chars(BADNESS_RE), badness


def _lone_badness_chars(badness: re.Pattern[str]) -> frozenset[str] | None:
    """The characters beyond ASCII that some alternative of ftfy's badness pattern may
    hold as its only one near its start, or None when that cannot be told.

    An alternative whose first three items are one character each, two of them from
    classes beyond ASCII, needs no such character. Of every other alternative, the
    characters of its classes beyond ASCII that start within its first three characters
    are lone; an alternative without such a class makes every character lone (None)."""
    c = _constants
    if badness.flags & re.IGNORECASE:
        return None
    parsed = _parser.parse(badness.pattern, badness.flags)
    branches = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] is c.BRANCH else [parsed]
    one_char = (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY)
    lone: set[str] = set()
    for branch in branches:
        items = [(op, av, _beyond_ascii(op, av)) for op, av in branch]
        head = items[:3]
        if (
            all(op in one_char for op, _av, _b in head)
            and sum(b is not None for *_, b in head) >= 2
        ):
            continue  # two places beyond ASCII among the first three characters
        offset, starts = 0, []  # how far into a hit each item may start, at most
        for op, av, beyond in items:
            if offset > 2:
                break
            if beyond is not None:
                starts.append(beyond)
            widest = (
                1 if op in one_char else _parser.SubPattern(parsed.state, [(op, av)]).getwidth()[1]
            )
            offset += widest
        if not starts:
            return None
        lone.update(*starts)
    return frozenset(lone)


def _beyond_ascii(op, av) -> frozenset[str] | None:
    """The characters a parsed one-character item (a literal, or a class of literals and
    ranges) matches when they are all beyond ASCII, else None."""
    c = _constants
    if op is c.LITERAL:
        return frozenset(chr(av)) if av > 0x7F else None
    if op is not c.IN:
        return None
    chars: set[str] = set()
    for kind, value in av:
        if kind is c.LITERAL and value > 0x7F:
            chars.add(chr(value))
        elif kind is c.RANGE and value[0] > 0x7F:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return None  # ASCII, a negated class, a category
    return frozenset(chars)


@cache
def _ftfy_config():
    """ftfy's settings (built once): repair encodings only; leave quotes, widths and
    ligatures as the page had them."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        normalization=None,
        max_decode_length=1_000_000,
    )


def is_html(text: str) -> bool:
    """Sniff HTML by content: a document start, or a density of common tags at the top."""
    head = text[:8192]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 5


def is_json_lines(text: str) -> bool:
    """True when the first non-blank line is a JSON object: a JSON-lines file of articles,
    not one article (`hzcorpus build` reads it line by line)."""
    first = next((line for line in text.split("\n", 20)[:20] if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def document_from_bytes(
    data: bytes, source: str, options: ReadOptions = ReadOptions(), fmt: str | None = None
) -> Document:
    """A `Document` with `raw`, `id`, `format` and `encoding` filled in from `data`.

    `fmt` forces "text" or "html"; by default the format is sniffed from the content.
    """
    text, encoding = decode(data, options)
    return Document(
        source=source,
        raw=text,
        id=content_id(data),
        format=fmt or ("html" if is_html(text) else "text"),
        encoding=encoding,
    )


def read_bytes(path: str | Path, options: ReadOptions = ReadOptions()) -> bytes:
    """The bytes of one input file; `InputError` (one line, no path) when it cannot be read
    or is over `options.max_bytes`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(_over_limit(size, options))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None


def read_document(
    path: str | Path, root: str | Path | None = None, options: ReadOptions = ReadOptions()
) -> Document:
    """Read one file; `source` is its path relative to `root` (or its name), in POSIX form."""
    path = Path(path)
    source = path.relative_to(root).as_posix() if root is not None else path.name
    try:
        return document_from_bytes(read_bytes(path, options), source, options)
    except InputError as exc:
        if str(exc).startswith(f"{source}:"):
            raise
        raise InputError(f"{source}: {exc}") from None
