"""`hzcorpus models download`: index, newest package, checked download, install; one-line errors.

A server on 127.0.0.1 (the `loopback` fixture lets the sockets guard through to it, and
nowhere else) serves an index and the tiny test package.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
from pathlib import Path

import pytest

from hzcorpus.errors import ModelError
from hzcorpus.package_index import (
    DEFAULT_INDEX,
    choose_package,
    download_package,
    parse_index,
)
from hzcorpus.packages import list_packages
from tests.conftest import run_cli
from tests.local_server import Answer, serve
from tests.tiny_package import build_package


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> bytes:
    """The bytes of a tiny de->en package, version 1.2."""
    path = tmp_path_factory.mktemp("pkg") / "p.argosmodel"
    return build_package(path, version="1.2").read_bytes()


def _entry(version: str, link: str, **extra) -> dict:
    return {
        "from_code": "de",
        "to_code": "en",
        "package_version": version,
        "links": [link],
        **extra,
    }


def _index(*entries: dict) -> Answer:
    return Answer(json.dumps(list(entries)).encode())


def _no_leftovers(packages_dir: Path) -> None:
    left = [p.name for p in packages_dir.iterdir()] if packages_dir.exists() else []
    assert left == [], left


def test_downloads_the_newest_package_for_the_pair(tmp_path, loopback, package):
    index = _index(
        _entry("1.0", "/old.argosmodel"),
        _entry("1.2", "/new.argosmodel", sha256=hashlib.sha256(package).hexdigest()),
        _entry("1.10", "ipfs://Qm-unreachable"),  # newer, but no link hzcorpus can fetch
        {"from_code": "en", "to_code": "de", "package_version": "9", "links": ["/x"]},
        {"type": "sbd", "from_code": "de", "package_version": "9", "links": ["/x"]},
    )
    answers = {"/index.json": index, "/new.argosmodel": Answer(package)}
    with serve(answers) as (base, requested):
        pkg = download_package("de", "en", f"{base}/index.json", tmp_path / "pk")
    assert requested == ["/index.json", "/new.argosmodel"]
    assert (pkg.pair, pkg.version) == ("de->en", "1.2")
    assert [p.name for p in list_packages(tmp_path / "pk")] == ["translate-de_en-1_2"]
    assert [p.name for p in (tmp_path / "pk").iterdir()] == ["translate-de_en-1_2"]


def test_cli_download_from_a_local_index_file(tmp_path, package, net_log):
    """A local index whose link is a path beside it: no connection at all."""
    (tmp_path / "mirror").mkdir()
    (tmp_path / "mirror" / "de_en.argosmodel").write_bytes(package)
    index = tmp_path / "mirror" / "index.json"
    index.write_text(json.dumps([_entry("1.2", "de_en.argosmodel", size=len(package))]))
    out = run_cli(
        "models", "download", "de", "en", "--index", str(index), "--packages-dir", "pk",
        cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("installed de->en 1.2 in ")
    assert out.stderr == ""  # no progress bar when stderr is not a terminal
    assert net_log.read_text() == ""
    assert (tmp_path / "pk" / "translate-de_en-1_2" / "model" / "model.bin").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CASES = {
    "pair not in index": (
        {"/index.json": _index(_entry("1.0", "/p"))},
        ("de", "fr"),
        r"^no package for de->fr in the index \(pairs with de: de->en\)$",
    ),
    "truncated download": (
        {"/index.json": _index(_entry("1.0", "/p")), "/p": Answer(b"PK" * 50, length=5000)},
        ("de", "en"),
        r"/p: download truncated: got 100 of 5,000 bytes$",
    ),
    "bad checksum": (
        {"/index.json": _index(_entry("1.0", "/p", sha256="0" * 64)), "/p": Answer(b"PK")},
        ("de", "en"),
        r"/p: SHA-256 [0-9a-f]{16}… differs from the index's 0000000000000000…$",
    ),
    "size differs from index": (
        {"/index.json": _index(_entry("1.0", "/p", size=10)), "/p": Answer(b"PK")},
        ("de", "en"),
        r"/p: 2 bytes, the index says 10$",
    ),
    "not a package": (
        {"/index.json": _index(_entry("1.0", "/p")), "/p": Answer(b"just text")},
        ("de", "en"),
        r"translate-de_en-1_0\.argosmodel: not an \.argosmodel package \(not a zip archive\)$",
    ),
    "index missing": ({}, ("de", "en"), r"/index\.json: HTTP 404 Not Found$"),
    "index not JSON": (
        {"/index.json": Answer(b"<html>")},
        ("de", "en"),
        r"/index\.json: not an Argos package index \(not JSON: ",
    ),
    "package link missing": (
        {"/index.json": _index(_entry("1.0", "/gone"))},
        ("de", "en"),
        r"/gone: HTTP 404 Not Found$",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_download_failures_are_one_line(tmp_path, loopback, case):
    answers, pair, message = CASES[case]
    with serve(answers) as (base, _requested):
        out = run_cli(
            "models", "download", *pair, "--index", f"{base}/index.json",
            "--packages-dir", str(tmp_path / "pk"),
        )  # fmt: skip
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("hzcorpus: ") and out.stderr.count("\n") == 1, out.stderr
    assert re.search(message, out.stderr.removeprefix("hzcorpus: ").strip()), out.stderr
    _no_leftovers(tmp_path / "pk")


def test_connection_refused_on_loopback_is_one_line(tmp_path, loopback):
    url = f"http://127.0.0.1:{_free_port()}/index.json"  # nothing listens there
    out = run_cli("models", "download", "de", "en", "--index", url)
    assert out.returncode == 2
    assert out.stderr == f"hzcorpus: {url}: cannot reach 127.0.0.1: Connection refused\n"


def test_default_index_without_network_is_one_line(tmp_path, net_log):
    """The default index is argostranslate's; the sockets guard refuses it, as no network would."""
    out = run_cli("models", "download", "de", "en", "--packages-dir", str(tmp_path / "pk"))
    assert out.returncode == 2 and out.stdout == ""
    host = "raw.githubusercontent.com"
    assert out.stderr.startswith(f"hzcorpus: {DEFAULT_INDEX}: cannot reach {host}: ")
    assert out.stderr.count("\n") == 1
    assert host in net_log.read_text()  # it did try: the one command that may
    _no_leftovers(tmp_path / "pk")


def test_missing_index_file_is_one_line(tmp_path):
    with pytest.raises(ModelError, match=r"nowhere\.json: no such package index file$"):
        download_package("de", "en", tmp_path / "nowhere.json", tmp_path / "pk")


def test_index_parsing_keeps_what_it_can_check():
    data = json.dumps(
        [
            _entry(
                "1.9", "https://example.org/a.argosmodel", size=5, checksum="sha256:" + "A" * 64
            ),
            _entry("1.10", "b.argosmodel", size="big", sha256="not-hex"),
            {"from_code": "de", "links": ["x"]},  # no to_code: not a usable entry
            "junk",
        ]
    ).encode()
    entries = parse_index(data, "https://mirror.example/sub/index.json")
    assert [(e.version, e.size, e.sha256) for e in entries] == [
        ("1.9", 5, "a" * 64),
        ("1.10", None, None),
    ]
    assert entries[1].links == ("https://mirror.example/sub/b.argosmodel",)
    assert choose_package(entries, "de", "en").version == "1.10"  # 10 > 9, not text order
    assert entries[0].file_name == "translate-de_en-1_9.argosmodel"
