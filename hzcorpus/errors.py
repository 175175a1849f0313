"""The one exception hierarchy of hzcorpus: every error a user can cause is a HzcorpusError."""

from __future__ import annotations


class HzcorpusError(Exception):
    """Base of every error hzcorpus raises on purpose; its message is one line for the user."""


class InputError(HzcorpusError):
    """An input file cannot be read as an article: missing, empty, binary, undecodable, too big."""


class ModelError(HzcorpusError):
    """A translation package is missing, malformed, or cannot run offline."""


class DatasetError(HzcorpusError):
    """A dataset folder is missing, incomplete, or not one hzcorpus wrote."""
