"""Upload of a dataset folder to the Hugging Face Hub."""

from __future__ import annotations

from pathlib import Path

from . import __version__
from .dataset import check_dataset
from .errors import DatasetError
from .writer import DATA_DIR


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
    except (OSError, huggingface_hub.errors.HfHubHTTPError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatasetError(f"upload to {repo_id} failed: {first}") from exc
    return str(getattr(commit, "commit_url", commit))
