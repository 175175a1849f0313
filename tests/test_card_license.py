"""The card's license: what the Hub accepts, checked with huggingface_hub's and datasets' own
parsers and validators (the Hub's YAML validator itself is a web API, out of reach offline)."""

from __future__ import annotations

import pytest
import yaml
from datasets.info import DatasetInfosDict
from datasets.utils.metadata import MetadataConfigs, _NoDuplicateSafeLoader
from huggingface_hub import DatasetCard, DatasetCardData

from hzcorpus.card import CardInfo, render_card
from hzcorpus.errors import DatasetError
from hzcorpus.licenses import HUB_LICENSES, check_license
from hzcorpus.writer import DatasetStats
from tests.conftest import RAW, run_cli
from tests.test_dataset import _docs

STAGES = ("read", "clean", "has-text", "detect", "flag", "translate")


def _card(info: CardInfo) -> DatasetCard:
    stats = DatasetStats()
    for doc in _docs(3):
        stats.add(doc.to_record())
    text = render_card(stats, info, {"kept": 3})
    # datasets reads card YAML with a loader that refuses duplicate keys
    yaml.load(text.split("---\n")[1], Loader=_NoDuplicateSafeLoader)
    return DatasetCard(text)  # huggingface_hub's parser: YAML block that is a mapping


def _hub_checks(card: DatasetCard) -> dict:
    """What the libraries check offline, and the Hub's license rule; returns the metadata."""
    meta = card.data.to_dict()
    assert DatasetCardData(**meta).to_dict() == meta  # round trip through the card data class
    configs = MetadataConfigs.from_dataset_card_data(card.data)  # validates data_files
    assert configs["default"]["data_files"] == [{"split": "train", "path": "data/train-*.parquet"}]
    infos = DatasetInfosDict.from_dataset_card_data(card.data)  # dataset_info: features, splits
    assert infos["default"].splits["train"].num_examples == 3
    assert meta["license"] in HUB_LICENSES
    check_license(meta["license"], meta.get("license_name"), meta.get("license_link"))
    return meta


def test_default_license_is_one_the_hub_accepts_for_unknown_provenance():
    card = _card(CardInfo(stages=STAGES))
    meta = _hub_checks(card)
    assert meta["license"] == "unknown"
    assert "license_name" not in meta and "license_link" not in meta
    assert "## License\n\n`unknown`: the articles were scraped" in card.text


@pytest.mark.parametrize(
    ("info", "shown"),
    [
        (CardInfo(license="cc-by-4.0", stages=STAGES), "`cc-by-4.0`, as set by"),
        (
            CardInfo(
                license="other",
                license_name="newsroom-terms-1.0",
                license_link="https://example.org/terms",
                stages=STAGES,
            ),
            "`other` ([newsroom-terms-1.0](https://example.org/terms))",
        ),
        (
            CardInfo(license="other", license_name="x", license_link="LICENSE", stages=STAGES),
            "([x](LICENSE))",
        ),
    ],
)
def test_chosen_licenses_pass_the_checks(info, shown):
    card = _card(info)
    meta = _hub_checks(card)
    assert meta["license"] == info.license
    assert meta.get("license_name") == info.license_name
    assert meta.get("license_link") == info.license_link
    assert shown in card.text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"license": "other"}, "license other needs a license name"),
        ({"license": "other", "license_name": "x"}, "license other needs a license name"),
        ({"license": "Apache 2.0"}, "'Apache 2.0' is not one the Hub knows"),
        ({"license": "mit", "license_link": "LICENSE"}, "go with license other only"),
        (
            {"license": "other", "license_name": "My License", "license_link": "LICENSE"},
            "license name 'My License': lower-case",
        ),
        (
            {"license": "other", "license_name": "x", "license_link": "see the site"},
            "license link 'see the site'",
        ),
    ],
)
def test_cards_the_hub_would_reject_are_refused(kwargs, message):
    with pytest.raises(DatasetError, match=message):
        CardInfo(**kwargs)


def test_cli_license_options(tmp_path):
    out = run_cli("build", str(RAW), str(tmp_path / "a"), "--license", "other", "--quiet")
    assert out.returncode == 2 and out.stdout == ""
    assert (
        out.stderr
        == "hzcorpus: license other needs a license name (e.g. my-license-1.0) and a link\n"
    )
    assert not (tmp_path / "a").exists()  # refused before any work
    args = ["--license", "other", "--license-name", "site-terms", "--license-link", "LICENSE"]
    out = run_cli("build", str(RAW), str(tmp_path / "b"), "--no-translate", "--quiet", *args)
    assert out.returncode == 0, out.stderr
    meta = DatasetCard.load(tmp_path / "b" / "README.md").data.to_dict()
    assert (meta["license"], meta["license_name"], meta["license_link"]) == (
        "other",
        "site-terms",
        "LICENSE",
    )
