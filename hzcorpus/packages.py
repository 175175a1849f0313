"""Argos translation packages: validate and install local `.argosmodel` files, list them.

An `.argosmodel` file is a zip archive of one folder holding `metadata.json` (with
`from_code` and `to_code`), a CTranslate2 model in `model/`, a `sentencepiece.model` (or
`bpe.model`) and a sentence splitter (`minisbd/*.onnx`, or the `stanza/` or `spacy/` folder
of older packages). This module installs packages from local files into hzcorpus's own
folder and never opens a connection; `package_index.download_package` (the one network
action, `hzcorpus models download`) fetches a file and installs it through here.

Installation is atomic: the archive is checked, extracted into a hidden temporary folder
beside the packages, and renamed into place only when complete, so a bad file leaves
nothing half-installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import ModelError

#: Environment variable that sets the packages folder.
PACKAGES_DIR_ENV = "HZCORPUS_PACKAGES_DIR"
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def default_packages_dir() -> Path:
    """`$HZCORPUS_PACKAGES_DIR`, else the per-user data folder of hzcorpus + `/packages`."""
    env = os.environ.get(PACKAGES_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("hzcorpus") / "packages"


@dataclass(frozen=True)
class InstalledPackage:
    """One installed package: its folder and what its metadata and files say."""

    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str = ""

    @property
    def name(self) -> str:
        """The package folder's name, e.g. `translate-de_en-1_0`."""
        return self.path.name

    @property
    def pair(self) -> str:
        """`from->to`, e.g. `de->en`."""
        return f"{self.from_code}->{self.to_code}"

    @property
    def tokenizer_file(self) -> Path:
        """`sentencepiece.model`, else `bpe.model` (argostranslate's order)."""
        sp = self.path / "sentencepiece.model"
        return sp if sp.exists() else self.path / "bpe.model"

    @property
    def minisbd_file(self) -> Path | None:
        """The packaged MiniSBD splitter model, the one argostranslate would pick, or None."""
        folder = self.path / "minisbd"
        models = [f for f in os.listdir(folder) if f.endswith(".onnx")] if folder.is_dir() else []
        return folder / models[0] if models else None

    @property
    def other_splitter(self) -> str | None:
        """`stanza` or `spacy` when the package ships that splitter folder instead."""
        return next((n for n in ("stanza", "spacy") if (self.path / n).is_dir()), None)

    @classmethod
    def load(cls, path: Path) -> InstalledPackage:
        """Read an installed package folder; ModelError when its metadata is unusable."""
        meta = _parse_metadata((path / "metadata.json").read_bytes(), path.name)
        return cls(
            path=path,
            from_code=meta["from_code"],
            to_code=meta["to_code"],
            version=str(meta.get("package_version", "")),
            target_prefix=str(meta.get("target_prefix", "")),
        )


def _parse_metadata(data: bytes, where: str) -> dict:
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{where}: metadata.json is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise ModelError(f"{where}: metadata.json is not a JSON object")
    for key in ("from_code", "to_code"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise ModelError(f"{where}: metadata.json has no {key}")
        if not _LANGUAGE_CODE.match(meta[key]):
            raise ModelError(f"{where}: metadata.json has an invalid {key}: {meta[key]!r}")
    if meta.get("type", "translate") != "translate":
        raise ModelError(f"{where}: not a translation package (type {meta['type']!r})")
    return meta


def _check_archive(zf: zipfile.ZipFile, where: str, extra_splitter: bool) -> tuple[str, dict]:
    """The archive's top folder and metadata; ModelError naming the first problem found."""
    names = [n for n in zf.namelist() if n and not n.startswith("__MACOSX/")]
    if not names:
        raise ModelError(f"{where}: the archive is empty")
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts or "\\" in name:
            raise ModelError(f"{where}: unsafe path in archive: {name!r}")
    tops = {PurePosixPath(n).parts[0] for n in names}
    if len(tops) != 1 or any("/" not in n for n in names if not n.endswith("/")):
        shown = ", ".join(sorted(tops)[:5])
        raise ModelError(f"{where}: expected one top folder in the archive, found: {shown}")
    top = tops.pop()
    if top.startswith("."):
        raise ModelError(f"{where}: the top folder {top!r} is hidden")
    files = {n[len(top) + 1 :] for n in names}
    if "metadata.json" not in files:
        raise ModelError(f"{where}: no metadata.json in the top folder {top}/")
    meta = _parse_metadata(zf.read(f"{top}/metadata.json"), where)
    if "model/model.bin" not in files:
        raise ModelError(f"{where}: no CTranslate2 model ({top}/model/model.bin)")
    if not files & {"sentencepiece.model", "bpe.model"}:
        raise ModelError(f"{where}: no tokenizer ({top}/sentencepiece.model or bpe.model)")
    has_splitter = any(
        (f.startswith("minisbd/") and f.endswith(".onnx")) or f.startswith(("stanza/", "spacy/"))
        for f in files
    )
    if not has_splitter and not extra_splitter:
        raise ModelError(
            f"{where}: no sentence splitter (minisbd/*.onnx, stanza/ or spacy/); "
            "give one with --splitter FILE.onnx"
        )
    return top, meta


def _check_splitter(path: Path) -> None:
    """ModelError unless `path` is a MiniSBD sentence-splitter model that loads."""
    if not path.is_file():
        raise ModelError(f"{path}: no such splitter model file")
    from minisbd import SBDetect

    try:
        SBDetect(str(path), use_gpu=False)
    except Exception as exc:
        raise ModelError(f"{path.name}: not a MiniSBD splitter model ({exc})") from None


def hidden_work_folder(packages_dir: str | Path | None, prefix: str) -> tuple[Path, Path]:
    """The packages folder (made if missing) and a new hidden folder in it for work that is
    renamed into place when done; ModelError when the folder cannot be written."""
    root = Path(packages_dir) if packages_dir is not None else default_packages_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        return root, Path(tempfile.mkdtemp(prefix=prefix, dir=root))
    except OSError as exc:
        raise ModelError(f"cannot write to the packages folder {root}: {exc}") from None


def install_package(
    path: str | Path,
    packages_dir: str | Path | None = None,
    splitter: str | Path | None = None,
    progress: bool = False,
) -> InstalledPackage:
    """Install a local `.argosmodel` file; returns the installed package.

    `splitter` is an optional MiniSBD `.onnx` sentence-splitter model to add to the package
    (for packages that ship only a stanza splitter), copied to `minisbd/<from_code>.onnx`.
    A package already installed for the same language pair is replaced. Raises ModelError
    with the reason when the file is not a valid package; nothing is left behind then.
    `progress` shows the bytes unpacked on a progress bar when stderr is a terminal.
    """
    path = Path(path)
    where = path.name
    if path.is_dir():
        raise ModelError(f"{path}: is a folder; give the .argosmodel package file")
    if not path.is_file():
        raise ModelError(f"{path}: no such package file")
    if splitter is not None:
        _check_splitter(Path(splitter))
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{where}: not an .argosmodel package (not a zip archive)")
    root, tmp = hidden_work_folder(packages_dir, ".install-")
    try:
        with zipfile.ZipFile(path) as zf:
            top, meta = _check_archive(zf, where, splitter is not None)
            _extract(zf, tmp, where, progress)
        staged = tmp / top
        if splitter is not None:
            (staged / "minisbd").mkdir(exist_ok=True)
            shutil.copyfile(splitter, staged / "minisbd" / f"{meta['from_code']}.onnx")
        _put_in_place(staged, root / top, root, (meta["from_code"], meta["to_code"]))
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise ModelError(f"{where}: cannot install: {exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return InstalledPackage.load(root / top)


def _extract(zf: zipfile.ZipFile, dest: Path, where: str, progress: bool) -> None:
    """Unpack the archive's members (names checked by `_check_archive`) into `dest`, each
    one's CRC checked as it is read, counting the bytes on a progress bar."""
    from .progress import progress_bar

    members = [m for m in zf.infolist() if not m.filename.startswith("__MACOSX/")]
    total = sum(m.file_size for m in members)
    with progress_bar(total, "B", where, quiet=not progress, unit_scale=True) as bar:
        for member in members:
            target = dest / member.filename
            if member.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as data, target.open("wb") as out:
                while chunk := data.read(1 << 20):
                    out.write(chunk)
                    bar.update(len(chunk))


def _put_in_place(staged: Path, target: Path, root: Path, pair: tuple[str, str]) -> None:
    """Rename `staged` to `target`, replacing `target` and any other package for `pair`."""
    old = [p.path for p in list_packages(root) if (p.from_code, p.to_code) == pair]
    if target.exists() and target not in old:
        old.append(target)
    trash = Path(tempfile.mkdtemp(prefix=".replaced-", dir=root))
    try:
        for i, folder in enumerate(old):
            folder.rename(trash / str(i))
        try:
            staged.rename(target)
        except OSError:
            for i, folder in enumerate(old):  # put the previous packages back
                (trash / str(i)).rename(folder)
            raise
    finally:
        shutil.rmtree(trash, ignore_errors=True)


def list_packages(packages_dir: str | Path | None = None) -> list[InstalledPackage]:
    """The installed packages, sorted by folder name (unreadable folders are skipped)."""
    root = Path(packages_dir) if packages_dir is not None else default_packages_dir()
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or not (folder / "metadata.json").is_file():
            continue
        try:
            found.append(InstalledPackage.load(folder))
        except (ModelError, OSError):
            continue
    return found


def find_package(
    from_code: str, to_code: str, packages_dir: str | Path | None = None
) -> InstalledPackage | None:
    """The installed package for `from_code -> to_code`, or None."""
    return next(
        (
            p
            for p in list_packages(packages_dir)
            if (p.from_code, p.to_code) == (from_code, to_code)
        ),
        None,
    )


def no_package_note(from_code: str, to_code: str) -> str:
    """The `translation_note` of a document whose language pair has no installed package."""
    return f"no installed package for {from_code}->{to_code}"


def missing_package_hint(from_code: str, to_code: str) -> str:
    """One line telling a user how to get a package for a missing pair."""
    return (
        f"{no_package_note(from_code, to_code)}: run `hzcorpus models download {from_code} "
        f"{to_code}` (uses the network), or `hzcorpus models install FILE.argosmodel`"
    )
