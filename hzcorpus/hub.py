"""Upload of a dataset folder to the Hugging Face Hub, and its failures as one line each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .dataset import check_dataset
from .errors import DatasetError
from .writer import DATA_DIR


@dataclass(frozen=True)
class HubFailure:
    """A kind of failure of an upload: how to recognise it and the line that explains it.

    A row matches an exception of one of `types` (by class name, along its MRO, so that the
    table needs neither huggingface_hub nor httpx imported) or, when `status` is set, an
    HTTP error with that status (`500` matches every 5xx). `message` may use {repo_id} and
    {detail} (the server's message, else the error's first line).
    """

    kind: str
    message: str
    types: tuple[str, ...] = ()
    status: int | None = None

    def matches(self, exc: BaseException) -> bool:
        """Whether `exc` is this kind of failure."""
        if self.status is not None:
            got = getattr(getattr(exc, "response", None), "status_code", None)
            if not isinstance(got, int):
                return False
            return got // 100 == 5 if self.status == 500 else got == self.status
        return any(cls.__name__ in self.types for cls in type(exc).__mro__)


#: First match wins. Examples of each row are raised, with huggingface_hub's own exception
#: types and messages, by tests/test_hub.py.
HUB_FAILURES: tuple[HubFailure, ...] = (
    HubFailure(
        "offline",
        "HF_HUB_OFFLINE is set: unset it to upload",
        types=("OfflineModeIsEnabled",),
    ),
    HubFailure(
        "no-network",
        "cannot reach the Hugging Face Hub ({detail}): check the network connection",
        types=("TransportError",),  # httpx: connect, timeout, proxy and protocol errors
    ),
    HubFailure(
        "invalid-id", "{repo_id} is not a valid repo id: {detail}", types=("HFValidationError",)
    ),
    HubFailure(
        "bad-token",
        "the Hub refused the token (401 Unauthorized: {detail}): check --token, HF_TOKEN "
        "or `hf auth login`",
        status=401,
    ),
    HubFailure(
        "no-permission",
        "the token may not write to {repo_id} (403 Forbidden: {detail}): it belongs to "
        "another user or organisation, or the token is read-only",
        status=403,
    ),
    HubFailure(
        "not-found",
        "{repo_id} was not found (404) and could not be created: check the owner name",
        status=404,
    ),
    HubFailure(
        "name-taken", "{repo_id} cannot be created: the name is taken (409 Conflict)", status=409
    ),
    HubFailure(
        "rate-limit",
        "the Hub is limiting the rate of requests (429 Too Many Requests): try again later",
        status=429,
    ),
    HubFailure("server", "the Hub failed ({detail}): try again later", status=500),
    HubFailure("rejected", "the Hub rejected the upload: {detail}", types=("HfHubHTTPError",)),
    HubFailure("local", "{detail}", types=("OSError",)),
)


def _first_line(text: str | None) -> str:
    return next((line.strip() for line in (text or "").splitlines() if line.strip()), "")


def hub_failure_line(exc: BaseException, repo_id: str) -> str | None:
    """The one line that explains an upload failure, or None when it is not one we know."""
    for row in HUB_FAILURES:
        if row.matches(exc):
            detail = _first_line(getattr(exc, "server_message", None)) or _first_line(str(exc))
            return row.message.format(repo_id=repo_id, detail=detail or type(exc).__name__)
    return None


def push(
    folder: str | Path,
    repo_id: str,
    private: bool = False,
    token: str | None = None,
    message: str | None = None,
) -> str:
    """Upload a dataset folder to the Hugging Face Hub; returns the commit URL.

    The token comes from `token`, else `HF_TOKEN` or a stored `hf auth login`. Shards on the
    Hub that the folder no longer has are deleted in the same commit.
    """
    folder = Path(folder)
    check_dataset(folder)
    if repo_id.count("/") != 1 or not all(repo_id.split("/")):
        raise DatasetError(f"{repo_id}: a repo id is OWNER/NAME")
    import huggingface_hub

    token = token or huggingface_hub.get_token()
    if not token:
        raise DatasetError("no Hugging Face token: set HF_TOKEN or run `hf auth login`")
    api = huggingface_hub.HfApi(token=token)
    try:
        api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        commit = api.upload_folder(
            repo_id=repo_id,
            repo_type="dataset",
            folder_path=folder,
            commit_message=message or f"Upload dataset built with hzcorpus {__version__}",
            ignore_patterns=[".*", "**/.*"],
            delete_patterns=[f"{DATA_DIR}/*.parquet"],
        )
    except Exception as exc:
        line = hub_failure_line(exc, repo_id)
        if line is None:
            raise
        raise DatasetError(f"upload to {repo_id} failed: {line}") from exc
    return str(getattr(commit, "commit_url", commit))
