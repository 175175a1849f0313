"""The dataset card's license: identifiers the Hugging Face Hub accepts, and the rule for `other`.

`HUB_LICENSES` is the identifier column of the Hub's license table (the "Licenses" page of
the Hub documentation). The Hub's card validator rejects other values, and `other` without
a `license_name` (an id such as `my-license-1.0`) and a `license_link` (a URL, or a file
such as `LICENSE` in the repo). Scraped news has no license hzcorpus could know, so the
default is `unknown`, which the Hub accepts with nothing more.
"""

from __future__ import annotations

import re

from .errors import DatasetError

#: The card's license when none is given: the provenance of scraped pages is not known.
DEFAULT_LICENSE = "unknown"

HUB_LICENSES: frozenset[str] = frozenset(
    [
        "apache-2.0",
        "mit",
        "openrail",
        "bigscience-openrail-m",
        "creativeml-openrail-m",
        "bigscience-bloom-rail-1.0",
        "bigcode-openrail-m",
        "afl-3.0",
        "artistic-2.0",
        "bsl-1.0",
        "bsd",
        "bsd-2-clause",
        "bsd-3-clause",
        "bsd-3-clause-clear",
        "c-uda",
        "cc",
        "cc0-1.0",
        "cc-by-2.0",
        "cc-by-2.5",
        "cc-by-3.0",
        "cc-by-4.0",
        "cc-by-sa-3.0",
        "cc-by-sa-4.0",
        "cc-by-nc-2.0",
        "cc-by-nc-3.0",
        "cc-by-nc-4.0",
        "cc-by-nd-4.0",
        "cc-by-nc-nd-3.0",
        "cc-by-nc-nd-4.0",
        "cc-by-nc-sa-2.0",
        "cc-by-nc-sa-3.0",
        "cc-by-nc-sa-4.0",
        "cdla-sharing-1.0",
        "cdla-permissive-1.0",
        "cdla-permissive-2.0",
        "wtfpl",
        "ecl-2.0",
        "epl-1.0",
        "epl-2.0",
        "etalab-2.0",
        "eupl-1.1",
        "agpl-3.0",
        "gfdl",
        "gpl",
        "gpl-2.0",
        "gpl-3.0",
        "lgpl",
        "lgpl-2.1",
        "lgpl-3.0",
        "isc",
        "lppl-1.3c",
        "ms-pl",
        "mpl-2.0",
        "odc-by",
        "odbl",
        "openrail++",
        "osl-3.0",
        "postgresql",
        "ofl-1.1",
        "ncsa",
        "unlicense",
        "zlib",
        "pddl",
        "lgpl-lr",
        "deepfloyd-if-license",
        "llama2",
        "gemma",
        "unknown",
        "other",
    ]
)

#: `license_name`: a lower-case id, as the Hub's card template asks ("my-license-1.0").
_LICENSE_NAME = re.compile(r"^[a-z0-9][a-z0-9._+-]*$")
#: `license_link`: an http(s) URL or a file path in the repo, without spaces.
_LICENSE_LINK = re.compile(r"^(?:https?://\S+|[\w.][\w./-]*)$")


def check_license(license: str, name: str | None = None, link: str | None = None) -> None:
    """DatasetError (one line) unless the Hub's card validator would accept these values."""
    if license not in HUB_LICENSES:
        raise DatasetError(
            f"license {license!r} is not one the Hub knows (e.g. cc-by-4.0, mit, unknown); "
            "for another, give other with a license name and link"
        )
    if license != "other":
        if name or link:
            raise DatasetError("a license name and link go with license other only")
        return
    if not name or not link:
        raise DatasetError("license other needs a license name (e.g. my-license-1.0) and a link")
    if not _LICENSE_NAME.match(name):
        raise DatasetError(f"license name {name!r}: lower-case letters, digits, '.', '-' only")
    if not _LICENSE_LINK.match(link):
        raise DatasetError(f"license link {link!r}: a URL or a file name such as LICENSE")
