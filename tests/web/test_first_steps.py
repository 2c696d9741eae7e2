"""A new organisation's home page: the first-steps checklist that ticks itself off from the records,
and "Tinjauan ketat" explained where it is set."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from evidence_vault.demo import samples

from .. import legal_texts
from ..conftest import Auth, csrf_token
from ..uploads import post_upload


def _steps(page: str) -> list[tuple[str, str]]:
    """(state, step) of each line of the checklist, in order."""
    step = r'<li class="step-(done|open)"><span class="step-mark"[^>]*>[^<]*</span>\s*<(?:span|a)[^>]*>([^<]+)</'
    return re.findall(step, page, re.S)


def test_the_checklist_ticks_itself_off(client: FlaskClient, auth: Auth) -> None:
    auth.login("coordinator")
    home = client.get("/").text
    assert "Langkah awal" in home
    assert _steps(home) == [("open", "Unggah dokumen"), ("open", "Buka periode penilaian"),
                            ("open", "Isi penilaian mandiri"), ("open", "Ajukan data dukung"),
                            ("open", "Periksa audit dan unduh hasilnya")]
    post_upload(client, [("perbup.pdf", samples.pdf_document(legal_texts.perbup()))])
    token = csrf_token(client.get("/indikator").text)
    assert client.post("/periode", data={"csrf_token": token, "year": "2025", "framework": "spbe-2020",
                                         "label": ""}).status_code == 302
    states = [state for state, _step in _steps(client.get("/").text)]
    assert states == ["done", "done", "open", "open", "open"]
    client.post("/logout", data={"csrf_token": token})
    auth.login("other_operator")  # Denpasar has done nothing yet: its own list
    assert [state for state, _step in _steps(client.get("/").text)] == ["open"] * 5


def test_strict_review_is_explained_where_it_is_set(client: FlaskClient, auth: Auth) -> None:
    auth.login("coordinator")
    page = client.get("/indikator").text
    assert 'aria-describedby="arti-tinjauan-ketat"' in page
    assert "audit hanya menghitung data dukung" in " ".join(page.split())
