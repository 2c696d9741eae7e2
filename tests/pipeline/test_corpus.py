"""Extraction over the shared real-world corpus: nothing crashes, each file gets its due."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_vault.config import Settings
from evidence_vault.models import ExtractionStatus
from evidence_vault.pipeline import stages

from ..conftest import CORPUS, require_corpus

pytestmark = pytest.mark.corpus

SAMPLES = CORPUS / "pdf-samples"
REGULATIONS = CORPUS / "regulations"
ENCRYPTED = "005-libreoffice-writer-password/libreoffice-writer-password.pdf"
# Image-only pages according to the upstream manifest and a look at each file.
IMAGE_ONLY = {
    "007-imagemagick-images/imagemagick-ASCII85Decode.pdf",
    "007-imagemagick-images/imagemagick-CCITTFaxDecode.pdf",
    "007-imagemagick-images/imagemagick-lzw.pdf",
    "007-imagemagick-images/imagemagick-images.pdf",
    "019-grayscale-image/grayscale-image.pdf",
    "023-cmyk-image/cmyk-image.pdf",
}


def _sample_files() -> list[str]:
    if not SAMPLES.is_dir():
        return []
    return sorted(str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*.pdf"))


def _regulations() -> list[str]:
    if not REGULATIONS.is_dir():
        return []
    return sorted(p.name for p in REGULATIONS.glob("*.pdf"))


def test_corpus_is_present() -> None:
    require_corpus(SAMPLES)
    require_corpus(REGULATIONS)
    assert len(_sample_files()) >= 25
    assert len(_regulations()) == 28


@pytest.mark.parametrize("name", _sample_files())
def test_every_sample_is_handled(name: str, settings: Settings) -> None:
    analysis = stages.analyse(SAMPLES / name, settings)
    if name == ENCRYPTED:
        assert analysis.error is not None and analysis.error.code == "encrypted"
    elif name in IMAGE_ONLY:
        assert analysis.status is ExtractionStatus.NEEDS_OCR
    elif analysis.error is not None:
        assert analysis.error.code == "corrupt", analysis.error.message
    else:
        assert analysis.extraction.page_count >= 1


@pytest.mark.parametrize("name", _regulations())
def test_every_regulation_yields_its_text(name: str, settings: Settings) -> None:
    truth = {row["file"]: row for row in json.loads((REGULATIONS / "ground_truth.json").read_text("utf-8"))}
    analysis = stages.analyse(REGULATIONS / name, settings)
    assert analysis.error is None
    text = "\n".join(page.text for page in analysis.extraction.pages)
    assert len(text) > 4000
    assert truth[name]["year"] in text
    assert "NOMOR" in text.upper()


def test_missing_corpus_fails_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        require_corpus(tmp_path / "tidak-ada")
