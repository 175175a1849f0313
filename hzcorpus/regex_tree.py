"""Python's own parser of regular expressions, under one name on every supported version.

The rule engine reads facts from parsed patterns (strings every hit holds, where a hit
starts); the parser is `re._parser` from Python 3.11 on and `sre_parse` on 3.10.
"""

try:
    from re import _constants as constants
    from re import _parser as parser
except ImportError:  # Python 3.10
    import sre_constants as constants  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

__all__ = ["constants", "parser"]
