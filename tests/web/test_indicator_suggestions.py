"""An indicator's page: its suggested documents decided there (Ajukan / Tolak per row and for those
ticked), other bodies' documents warned, and the picker that finds an indicator by its code first."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault.demo import samples
from evidence_vault.models import Document, IndicatorLink
from evidence_vault.web.forms import SUGGESTION_REJECTED

from .. import legal_texts
from ..conftest import Auth, csrf_token
from ..uploads import post_upload

BODY = ("Manajemen data meliputi arsitektur data, data induk, data referensi, basis data, kualitas data dan "
        "interoperabilitas data, dalam kerangka Satu Data Indonesia.")
PAGE = "/indikator/spbe-2020/3"


def _policies(client: FlaskClient) -> dict[str, int]:
    """Four data-management policies, the last issued by another body (Denpasar): file name → document id."""
    files = {f"perbup-{number}.pdf": legal_texts.perbup(str(number), 2023, f"KEBIJAKAN MANAJEMEN DATA BAGIAN {number}",
                                                         body=BODY) for number in (11, 12, 13)}
    files["perwal-denpasar.pdf"] = legal_texts.perbup("4", 2022, "KEBIJAKAN MANAJEMEN DATA", regent="DENPASAR",
                                                      body=BODY)
    post_upload(client, [(name, samples.pdf_document(pages)) for name, pages in files.items()])
    with Session(client.application.extensions["evidence_vault"]["engine"]) as session:
        return {document.original_filename: document.id for document in session.exec(select(Document))}


def _links(engine) -> dict[int, IndicatorLink]:
    """Indicator 3's link of each document."""
    with Session(engine) as session:
        return {link.document_id: link for link in session.exec(select(IndicatorLink).where(
            IndicatorLink.framework == "spbe-2020", IndicatorLink.indicator == "3"))}


def _row(page: str, link_id: int) -> str:
    found = re.search(rf'<tr data-link="{link_id}">(.*?)</tr>', page, re.S)
    assert found, f"no row for suggestion {link_id}"
    return found.group(1)


def test_suggestions_are_decided_on_the_indicator_page(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("coordinator")
    documents = _policies(client)
    links = _links(engine)
    assert {link.state for link in links.values()} == {"suggested"} and len(links) == 4
    page = client.get(PAGE).text
    assert "Dokumen yang disarankan (4)" in page and "Ajukan yang dipilih" in page
    for document_id in documents.values():
        row = _row(page, links[document_id].id)
        assert ">Ajukan</button>" in row and ">Tolak</button>" in row
    warned = _row(page, links[documents["perwal-denpasar.pdf"]].id)
    assert "Tidak dihitung:" in warned and "DENPASAR" in warned.upper()
    assert "Tidak dihitung:" not in _row(page, links[documents["perbup-11.pdf"]].id)

    token = csrf_token(page)
    first = str(links[documents["perbup-11.pdf"]].id)
    one = client.post(f"{PAGE}/saran", data={"csrf_token": token, "confirm_one": first, "reason": SUGGESTION_REJECTED},
                      follow_redirects=True)
    assert "1 dokumen diajukan sebagai data dukung indikator 3" in one.text
    ticked = [str(links[documents[name]].id) for name in ("perbup-12.pdf", "perbup-13.pdf")]
    many = client.post(f"{PAGE}/saran", data={"csrf_token": token, "chosen": ticked, "confirm_chosen": "1",
                                              "reason": SUGGESTION_REJECTED}, follow_redirects=True)
    assert "2 dokumen diajukan" in many.text
    refused = client.post(f"{PAGE}/saran", data={"csrf_token": token, "reason": SUGGESTION_REJECTED,
                                                 "reject_one": str(links[documents["perwal-denpasar.pdf"]].id)},
                          follow_redirects=True)
    assert "1 saran ditolak." in refused.text
    decided = _links(engine)
    assert [decided[documents[f"perbup-{n}.pdf"]].state for n in (11, 12, 13)] == ["confirmed"] * 3
    rejected = decided[documents["perwal-denpasar.pdf"]]
    assert (rejected.state, rejected.reason) == ("rejected", SUGGESTION_REJECTED)
    assert "Dokumen yang disarankan" not in refused.text, "nothing left to decide"
    again = client.post(f"{PAGE}/saran", data={"csrf_token": token, "chosen": ticked, "confirm_chosen": "1"},
                        follow_redirects=True)
    assert "sudah diputuskan orang lain" in again.text, "a decided suggestion is not decided twice"


def test_only_those_who_link_decide_and_only_their_own_bodys_suggestions(client: FlaskClient, auth: Auth,
                                                                        engine) -> None:
    auth.login("operator")
    documents = _policies(client)
    link_id = _links(engine)[documents["perbup-11.pdf"]].id
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("viewer")
    page = client.get(PAGE).text
    assert "Dokumen yang disarankan (4)" in page and ">Ajukan</button>" not in page
    assert client.post(f"{PAGE}/saran", data={"csrf_token": csrf_token(page), "confirm_one": str(link_id)}
                       ).status_code == 403
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("other_operator")  # Denpasar's operator: Badung's suggestion is not theirs to decide
    page = client.get(PAGE).text
    response = client.post(f"{PAGE}/saran", data={"csrf_token": csrf_token(page), "confirm_one": str(link_id)},
                           follow_redirects=True)
    assert "sudah diputuskan orang lain" in response.text
    assert _links(engine)[documents["perbup-11.pdf"]].state == "suggested"


def test_the_picker_finds_an_indicator_by_its_code_first(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    post_upload(client, [("laporan.pdf", samples.pdf_document(["LAPORAN KEGIATAN\nisi"]))])
    with Session(client.application.extensions["evidence_vault"]["engine"]) as session:
        document = session.exec(select(Document)).one()
    options = re.findall(r'<option value="spbe-2020:(\d+)"', client.get(f"/documents/{document.id}?cari=1").text)
    assert options[0] == "1" and not {"10", "11", "21", "31"} & set(options), options
    named = re.findall(r'<option value="spbe-2020:(\d+)"', client.get(f"/documents/{document.id}?cari=data").text)
    assert "3" in named and len(named) > 1
