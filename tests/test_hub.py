"""`hzcorpus push` failures: each one a user can cause or meet is one line and exit status 2.

The errors are huggingface_hub's own: HTTP errors come from its `hf_raise_for_status` on
responses built here, network errors are httpx's, and one test lets the upload really try
to connect (the sockets guard refuses it, as a machine without network would).
"""

from __future__ import annotations

import httpx2
import pytest
from huggingface_hub.errors import OfflineModeIsEnabled
from huggingface_hub.utils import hf_raise_for_status, validate_repo_id

from hzcorpus import cli
from hzcorpus.hub import HUB_FAILURES, hub_failure_line
from hzcorpus.writer import write_dataset
from tests.conftest import run_cli
from tests.test_dataset import _docs

CREATE = "https://huggingface.co/api/repos/create"


def _http_error(status: int, message: str = "", url: str = CREATE) -> Exception:
    """The exception huggingface_hub raises for a response with `status`."""
    headers = {"X-Error-Message": message} if message else {}
    response = httpx2.Response(status, request=httpx2.Request("POST", url), headers=headers)
    try:
        hf_raise_for_status(response)
    except Exception as exc:
        return exc
    raise AssertionError(f"no error for status {status}")


def _validation_error() -> Exception:
    try:
        validate_repo_id("someone/bad--name..")
    except Exception as exc:
        return exc
    raise AssertionError("repo id accepted")


# kind -> (the exception, a piece of the line the user sees)
EXAMPLES = {
    "offline": (OfflineModeIsEnabled("offline"), "HF_HUB_OFFLINE is set"),
    "no-network": (
        httpx2.ConnectError("[Errno -3] Temporary failure in name resolution"),
        "cannot reach the Hugging Face Hub ([Errno -3] Temporary failure in name resolution)",
    ),
    "invalid-id": (_validation_error(), "someone/news is not a valid repo id: "),
    "bad-token": (
        _http_error(401, "Invalid credentials in Authorization header"),
        "refused the token (401 Unauthorized: Invalid credentials in Authorization header)",
    ),
    "no-permission": (
        _http_error(403, "You don't have the rights to create a dataset under this namespace"),
        "the token may not write to someone/news (403 Forbidden: You don't have the rights",
    ),
    "not-found": (
        _http_error(404, url="https://huggingface.co/api/datasets/someone/news/preupload/main"),
        "someone/news was not found (404)",
    ),
    "name-taken": (_http_error(409, "You already created this dataset repo"), "the name is taken"),
    "rate-limit": (_http_error(429), "429 Too Many Requests): try again later"),
    "server": (_http_error(503), "the Hub failed (Server error '503 Service Unavailable'"),
    "rejected": (
        _http_error(400, "Invalid metadata in README.md: license"),
        "the Hub rejected the upload: Invalid metadata in README.md: license",
    ),
    "local": (PermissionError(13, "Permission denied"), "failed: [Errno 13] Permission denied"),
}


def test_every_failure_kind_has_an_example():
    assert sorted(EXAMPLES) == sorted(row.kind for row in HUB_FAILURES)


class FailingApi:
    """HfApi that fails at `step` (create_repo or upload_folder) with `error`."""

    step = "create_repo"
    error: Exception = RuntimeError("unset")

    def __init__(self, token=None):
        pass

    def _maybe_fail(self, step: str) -> None:
        if step == self.step:
            raise self.error

    def create_repo(self, repo_id, **kwargs):
        self._maybe_fail("create_repo")

    def upload_folder(self, **kwargs):
        self._maybe_fail("upload_folder")
        return "https://hub.example/commit/1"


@pytest.fixture
def dataset_dir(tmp_path, monkeypatch):
    import huggingface_hub

    monkeypatch.setattr(huggingface_hub, "HfApi", FailingApi)
    monkeypatch.setenv("HF_TOKEN", "hf_test_token")
    write_dataset(_docs(1), tmp_path / "ds")
    return tmp_path / "ds"


@pytest.mark.parametrize("step", ["create_repo", "upload_folder"])
@pytest.mark.parametrize("kind", list(EXAMPLES))
def test_push_failures_are_one_line_exit_2(dataset_dir, capsys, monkeypatch, kind, step):
    error, shown = EXAMPLES[kind]
    monkeypatch.setattr(FailingApi, "step", step)
    monkeypatch.setattr(FailingApi, "error", error)
    assert cli.main(["push", str(dataset_dir), "someone/news"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("hzcorpus: upload to someone/news failed: ")
    assert out.err.count("\n") == 1, out.err
    assert shown in out.err, out.err
    assert hub_failure_line(error, "someone/news") is not None
    assert next(row.kind for row in HUB_FAILURES if row.matches(error)) == kind


def test_an_unknown_error_is_not_hidden(dataset_dir, monkeypatch):
    """A bug is not a user's failure: it keeps its traceback."""
    monkeypatch.setattr(FailingApi, "error", KeyError("oops"))
    with pytest.raises(KeyError):
        cli.main(["push", str(dataset_dir), "someone/news"])


def test_push_without_network_really_tries_and_says_so_in_one_line(tmp_path, net_log):
    write_dataset(_docs(1), tmp_path / "ds")
    env = {"HF_TOKEN": "hf_x", "HF_HUB_OFFLINE": "0"}
    out = run_cli("push", str(tmp_path / "ds"), "someone/news", env=env)
    assert "huggingface.co" in net_log.read_text()  # a real connection attempt, refused
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith(
        "hzcorpus: upload to someone/news failed: cannot reach the Hugging Face Hub ("
    ), out.stderr
    assert out.stderr.count("\n") == 1, out.stderr
