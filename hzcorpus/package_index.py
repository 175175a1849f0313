"""Download a translation package from an Argos package index: hzcorpus's one network action.

`download_package` (`hzcorpus models download FROM TO`) reads the index (argostranslate's by
default; an http(s) or file URL, or a local path), picks the newest package for the language
pair, downloads it with its size checked (and its SHA-256, when the index gives one), then
installs it with `install_package`: validated and atomic. Nothing else in hzcorpus opens a
connection; this runs only when asked for.

An index is a JSON list of package entries as argostranslate reads them::

    {"from_code": "de", "to_code": "en", "package_version": "1.9",
     "links": ["https://…/translate-de_en-1_9.argosmodel"], "type": "translate"}

Optional fields checked when present: `size` (bytes) and `sha256` (hex digest; or `checksum`
as `sha256:<hex>`). Relative links are resolved against the index's URL.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import shutil
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import ModelError
from .packages import InstalledPackage, hidden_work_folder, install_package

#: argostranslate's package index (its `settings.remote_package_index`).
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
#: Seconds to wait for a connection or for the next bytes of an answer.
TIMEOUT_S = 60.0
#: An index larger than this is refused (argostranslate's is about 30 kB).
MAX_INDEX_BYTES = 10_000_000
_SCHEMES = ("http", "https", "file")
_CHUNK = 1 << 16
_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass(frozen=True)
class IndexEntry:
    """One package of an index: its pair, version, download links and what to check."""

    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    size: int | None = None
    sha256: str | None = None

    @property
    def pair(self) -> str:
        """`from->to`, e.g. `de->en`."""
        return f"{self.from_code}->{self.to_code}"

    @property
    def file_name(self) -> str:
        """argospm's file name, e.g. `translate-de_en-1_9.argosmodel`."""
        version = self.version.replace(".", "_")
        return f"translate-{self.from_code}_{self.to_code}-{version}.argosmodel"


def index_url(index: str | Path) -> str:
    """The URL of an index given as a URL or a local path (ModelError when the file is missing)."""
    text = str(index)
    if urlsplit(text).scheme in _SCHEMES:
        return text
    path = Path(text).expanduser()
    if not path.is_file():
        raise ModelError(f"{text}: no such package index file")
    return path.resolve().as_uri()


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version))


def _sha256(meta: dict) -> str | None:
    digest = meta.get("sha256")
    checksum = meta.get("checksum")
    if digest is None and isinstance(checksum, str) and checksum.lower().startswith("sha256:"):
        digest = checksum[len("sha256:") :]
    return digest.lower() if isinstance(digest, str) and _HEX64.match(digest) else None


def parse_index(data: bytes, url: str) -> list[IndexEntry]:
    """The translation packages of an index; ModelError when it is not an index at all."""
    try:
        entries = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{url}: not an Argos package index (not JSON: {exc})") from None
    if not isinstance(entries, list):
        raise ModelError(f"{url}: not an Argos package index (not a JSON list)")
    found = []
    for meta in entries:
        if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
            continue
        codes = (meta.get("from_code"), meta.get("to_code"))
        links = meta.get("links")
        if not all(isinstance(c, str) and c for c in codes) or not isinstance(links, list):
            continue
        size = meta.get("size")
        found.append(
            IndexEntry(
                from_code=codes[0],
                to_code=codes[1],
                version=str(meta.get("package_version", "")),
                links=tuple(urljoin(url, link) for link in links if isinstance(link, str)),
                size=size if isinstance(size, int) and size > 0 else None,
                sha256=_sha256(meta),
            )
        )
    return found


def choose_package(entries: list[IndexEntry], from_code: str, to_code: str) -> IndexEntry:
    """The newest package for the pair that has a link hzcorpus can fetch."""
    usable = [
        e
        for e in entries
        if (e.from_code, e.to_code) == (from_code, to_code)
        and any(urlsplit(link).scheme in _SCHEMES for link in e.links)
    ]
    if not usable:
        pairs = sorted({e.pair for e in entries if from_code in (e.from_code, e.to_code)})
        have = f" (pairs with {from_code}: {', '.join(pairs)})" if pairs else ""
        raise ModelError(f"no package for {from_code}->{to_code} in the index{have}")
    return max(usable, key=lambda e: _version_key(e.version))


def _open(url: str):
    request = urllib.request.Request(url, headers={"User-Agent": f"hzcorpus/{__version__}"})
    return urllib.request.urlopen(request, timeout=TIMEOUT_S)


def _network_error(url: str, exc: BaseException) -> ModelError:
    """One line saying why `url` could not be fetched."""
    if isinstance(exc, urllib.error.HTTPError):
        return ModelError(f"{url}: HTTP {exc.code} {exc.reason}")
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return ModelError(f"{url}: no answer within {TIMEOUT_S:.0f} s")
    if isinstance(reason, http.client.HTTPException):
        detail = type(reason).__name__
        return ModelError(f"{url}: the connection broke off ({detail})")
    detail = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    host = urlsplit(url).hostname
    where = f"cannot reach {host}" if host else "cannot read it"
    return ModelError(f"{url}: {where}: {detail}")


_FETCH_ERRORS = (urllib.error.URLError, OSError, http.client.HTTPException, ValueError)


def read_index(index: str | Path = DEFAULT_INDEX) -> list[IndexEntry]:
    """Fetch and parse an index (URL or local path)."""
    url = index_url(index)
    try:
        with _open(url) as answer:
            data = answer.read(MAX_INDEX_BYTES + 1)
    except _FETCH_ERRORS as exc:
        raise _network_error(url, exc) from None
    if len(data) > MAX_INDEX_BYTES:
        raise ModelError(f"{url}: index larger than {MAX_INDEX_BYTES:,} bytes")
    return parse_index(data, url)


def _fetch(url: str, dest: Path, entry: IndexEntry, progress: bool) -> None:
    """Stream `url` into `dest`, checking the byte count and the SHA-256 the index gives."""
    from tqdm import tqdm

    digest = hashlib.sha256()
    got = 0
    try:
        with _open(url) as answer, dest.open("wb") as out:
            length = answer.headers.get("Content-Length")
            expected = int(length) if length and length.isdigit() else None
            total = expected or entry.size
            bar = tqdm(
                total=total,
                unit="B",
                unit_scale=True,
                desc=entry.file_name,
                disable=not progress,
                file=sys.stderr,
            )
            with bar:
                while chunk := answer.read(_CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    got += len(chunk)
                    bar.update(len(chunk))
    except _FETCH_ERRORS as exc:
        raise _network_error(url, exc) from None
    if expected is not None and got != expected:
        raise ModelError(f"{url}: download truncated: got {got:,} of {expected:,} bytes")
    if entry.size is not None and got != entry.size:
        raise ModelError(f"{url}: {got:,} bytes, the index says {entry.size:,}")
    if entry.sha256 is not None and digest.hexdigest() != entry.sha256:
        raise ModelError(
            f"{url}: SHA-256 {digest.hexdigest()[:16]}… differs from the index's "
            f"{entry.sha256[:16]}…"
        )


def download_package(
    from_code: str,
    to_code: str,
    index: str | Path = DEFAULT_INDEX,
    packages_dir: str | Path | None = None,
    progress: bool = False,
) -> InstalledPackage:
    """Download the newest package for `from_code -> to_code` from `index` and install it.

    Links are tried in the index's order until one gives a valid file; the last failure is
    raised as a one-line ModelError. Nothing is left behind when it fails.
    """
    entry = choose_package(read_index(index), from_code, to_code)
    root, work = hidden_work_folder(packages_dir, ".download-")
    try:
        error: ModelError | None = None
        for url in (link for link in entry.links if urlsplit(link).scheme in _SCHEMES):
            dest = work / entry.file_name
            try:
                _fetch(url, dest, entry, progress)
                return install_package(dest, root, progress=progress)
            except ModelError as exc:
                error = exc
        assert error is not None  # choose_package keeps entries with a usable link
        raise error
    finally:
        shutil.rmtree(work, ignore_errors=True)
