import builtins
import importlib
import warnings

from hzcorpus import regex_tree


def test_falls_back_to_sre_parse_where_re_has_no_parser(monkeypatch):
    real_import = builtins.__import__

    def import_as_on_310(name, globals=None, locals=None, fromlist=(), level=0):
        asked_by_tree = (globals or {}).get("__name__") == regex_tree.__name__
        if asked_by_tree and name == "re" and {"_parser", "_constants"} & set(fromlist or ()):
            raise ImportError("Python 3.10 has no re._parser")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", import_as_on_310)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # sre_parse on 3.11+
        fallback = importlib.reload(regex_tree)
    assert fallback.parser.__name__ == "sre_parse"
    parsed = fallback.parser.parse("ab|cd", 0)
    assert parsed[0][0] is fallback.constants.BRANCH
    assert parsed.getwidth() == (2, 2)
    monkeypatch.undo()
    assert importlib.reload(regex_tree).parser.__name__ == "re._parser"
