"""trafilatura's page metadata, only the fields a record takes: title, author, date, site name.

`trafilatura.bare_extraction(with_metadata=True)` runs `trafilatura.metadata.extract_metadata`,
which also looks for categories, tags, a licence and the host name: on real news pages that
is a quarter of its metadata time, and no record holds them. `page_metadata` runs the same
trafilatura and htmldate functions for the other fields, in the same order, on the same
tree (none of them changes it), and trims them with trafilatura's own `clean_and_trim`, so
the fields come out as `extract_metadata` gives them (a test holds the two equal). The
author is `html_author.page_author`: `extract_author`'s answer in one walk over the page.
htmldate runs as `html_dates.fixed_htmldate` makes it: a date the page gives without its day
("2007/12") is the 1st on any day, where `extract_metadata` takes the day from today.

The page's URL (its canonical link) is found too: htmldate reads dates in it and the site
name falls back to its host. trafilatura passes it on to its text extraction, where only
links and images use it; hzcorpus keeps neither.
"""

from __future__ import annotations

import logging

from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
    find_date,
)
from trafilatura.settings import Document

from .html_author import page_author
from .html_dates import fixed_htmldate

_LOG = logging.getLogger("trafilatura.metadata")


def page_metadata(tree, date_params: dict) -> Document:
    """The title, author, URL, date and site name of a parsed page, as trafilatura's
    `extract_metadata(tree, date_config=date_params)` finds them."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # as trafilatura: a fault in its JSON-LD reading is logged
        _LOG.warning("error in JSON metadata extraction: %s", err)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = page_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree)
    with fixed_htmldate():
        metadata.date = find_date(tree, **{**date_params, "url": metadata.url})
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        name = metadata.sitename.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        metadata.sitename = name
    elif metadata.url and (found := META_URL.match(metadata.url)):
        metadata.sitename = found[1]
    metadata.clean_and_trim()
    return metadata
