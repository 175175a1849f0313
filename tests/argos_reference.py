"""argostranslate itself, imported offline against hzcorpus's packages folder.

hzcorpus translates with a package's own model, tokenizer and splitter (`translate.py`);
argostranslate is the reference its output must equal, used by the tests and
`bench/translate.py`. argostranslate reads its settings once, at import, creates folders
under `$HOME` and reaches for the network in hidden places. `import_argostranslate()`
makes the import safe:

- the `ARGOS_*` settings and the `XDG_*` folders are set, only while importing, to the
  packages folder and to a state folder beside it, with argostranslate's defaults for
  decoding, so that a user's environment or `settings.json` cannot change the reference;
- the splitter is MiniSBD (`ARGOS_CHUNK_TYPE=MINISBD`): offline only for packages that
  ship `minisbd/*.onnx`;
- `package.update_package_index` and `package.get_available_packages` (which recurses
  on refused connections until `RecursionError`) are replaced by functions that raise, and
  so is MiniSBD's download of a splitter model for a package that ships none.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from hzcorpus.errors import ModelError

_ARGOS_DEFAULTS = {
    "ARGOS_DEBUG": "0",
    "ARGOS_DEV_MODE": "0",
    "ARGOS_DEVICE_TYPE": "cpu",
    "ARGOS_CHUNK_TYPE": "MINISBD",
    "ARGOS_MODEL_PROVIDER": "OPENNMT",
    "ARGOS_INTER_THREADS": "1",
    "ARGOS_INTRA_THREADS": "0",
    "ARGOS_BATCH_SIZE": "32",
    "ARGOS_COMPUTE_TYPE": "auto",
    "ARGOS_BEAM_SIZE": "4",
}
_UNSET = ("SNAP", "ARGOS_TRANSLATE_PACKAGE_DIR", "ARGOS_PACKAGE_INDEX")


def _no_download(*args, **kwargs):
    raise ModelError("hzcorpus never downloads packages; install a local file instead")


def _local_model_file(get_model_file):
    """MiniSBD's `get_model_file`, refusing every name that is not a local file."""

    def local_only(name, *args, **kwargs):
        if not os.path.isfile(name):
            raise ModelError(
                f"argostranslate would download the MiniSBD splitter model {name!r}: the "
                "package has no minisbd/*.onnx (add one with `models install --splitter`)"
            )
        return get_model_file(name, *args, **kwargs)

    return local_only


@contextmanager
def _environment(values: dict[str, str]):
    saved = {k: os.environ.get(k) for k in (*values, *_UNSET)}
    for key in _UNSET:
        os.environ.pop(key, None)
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def import_argostranslate(packages_dir: str | Path) -> ModuleType:
    """`argostranslate.translate`, reading packages from `packages_dir` only, offline.

    Its state (settings, caches) goes to `<packages_dir>/../argostranslate-home`. Raises
    ModelError when argostranslate was already imported with another packages folder.
    """
    packages_dir = Path(packages_dir).resolve()
    if "argostranslate.settings" in sys.modules:
        settings = sys.modules["argostranslate.settings"]
        if Path(settings.package_data_dir).resolve() != packages_dir:
            raise ModelError(
                f"argostranslate was already imported with packages in {settings.package_data_dir}"
            )
    home = packages_dir.parent / "argostranslate-home"
    env = {
        **_ARGOS_DEFAULTS,
        "ARGOS_PACKAGES_DIR": str(packages_dir),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "HOME": str(home),
    }
    with _environment(env):
        from argostranslate import package, translate

    import minisbd.minisbd

    package.update_package_index = _no_download
    package.get_available_packages = _no_download
    if minisbd.minisbd.get_model_file.__name__ != "local_only":
        minisbd.minisbd.get_model_file = _local_model_file(minisbd.minisbd.get_model_file)
    translate.get_installed_languages.cache_clear()
    return translate


def reference_translate(translate: ModuleType, text: str, from_code: str, to_code: str) -> str:
    """`argostranslate.translate.translate(text, from_code, to_code)` with a clear error."""
    source = translate.get_language_from_code(from_code)
    target = translate.get_language_from_code(to_code)
    translation = source.get_translation(target) if source and target else None
    if translation is None:
        raise ModelError(f"argostranslate has no package for {from_code}->{to_code}")
    return translation.translate(text)
