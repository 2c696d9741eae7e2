"""Control and direction-override characters: cleaned from what people type, harmless in every export.

One vertical tab in a typed title once made openpyxl refuse the whole organisation's
workbook; a right-to-left override can make a name read backwards. Typed fields are cleaned
on input; text that reached the database another way (older data, text read from a file)
must still export.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_wtf import FlaskForm
from openpyxl import load_workbook
from sqlmodel import Session, select
from werkzeug.datastructures import MultiDict
from wtforms import PasswordField, StringField

from evidence_vault import db
from evidence_vault.models import AssessmentPeriod, Document, LegalField, Organisation
from evidence_vault.web import forms

from .. import legal_texts
from ..audit.test_audit import CONTENT, Vault, vault  # noqa: F401 - the fixture
from ..conftest import csrf_token

# Every character class that has broken or spoofed something: C0 controls, DEL, C1, the
# bidirectional embeddings, overrides and isolates, zero-width characters and noncharacters.
HOSTILE = "A\x00B\x01\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" \
          "\u200b\u200e\u200f\ufeff\ufffeC"
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe]")


def _metadata_form(client: FlaskClient, document: int) -> str:
    page = client.get(f"/documents/{document}").text
    return csrf_token(page[page.index('class="grid-form"'):])


def test_typed_metadata_is_cleaned_and_the_workbook_still_exports(vault: Vault, client: FlaskClient,  # noqa: F811
                                                                   engine) -> None:
    document = vault.upload("data.pdf", legal_texts.perbup("3", 2023, "KEBIJAKAN MANAJEMEN DATA", body=CONTENT))
    client.post(f"/documents/{document}/metadata", data={
        "csrf_token": _metadata_form(client, document), "jenis": "perbup", "bahasa": "id",
        "judul": f"Perbup {HOSTILE} Badung", "tentang": f"baris satu\r\nbaris {HOSTILE} dua"})
    with Session(engine) as session:
        values = {field.name: field.value for field in session.exec(
            select(LegalField).where(LegalField.document_id == document))}
    assert values["judul"] == "Perbup ABC Badung"
    assert values["tentang"] == "baris satu\nbaris ABC dua", "line breaks of a text area are kept"
    vault.link(document, "3")
    with client.get("/audit/ekspor.xlsx") as response:
        assert response.status_code == 200
        load_workbook(io.BytesIO(response.data))


@pytest.mark.sqlite_only  # PostgreSQL cannot store NUL in text: such rows cannot exist there
def test_every_export_survives_any_stored_text(vault: Vault, client: FlaskClient, engine) -> None:  # noqa: F811
    document = vault.upload("data.pdf", legal_texts.perbup("3", 2023, "KEBIJAKAN MANAJEMEN DATA", body=CONTENT))
    vault.link(document, "3")
    with db.session_scope(engine) as session:  # as if read from a file, or stored before the cleaning existed
        row = session.get(Document, document)
        row.title, row.original_filename = f"=Judul {HOSTILE}", f"laporan{HOSTILE}\u202efdp.exe"
        session.add(row)
        for field in session.exec(select(LegalField).where(LegalField.document_id == document)):
            field.value = f"{field.value} {HOSTILE}"
            session.add(field)
        organisation = session.exec(select(Organisation).where(Organisation.code == "badung")).one()
        organisation.name = f"Kabupaten {HOSTILE} Badung"
        period = session.exec(select(AssessmentPeriod)).one()
        period.label = f"Periode {HOSTILE}"
        session.add_all([organisation, period])
    for kind in ("xlsx", "csv", "zip", "json"):
        with client.get(f"/audit/ekspor.{kind}") as response:
            assert response.status_code == 200, kind
            data = response.data
        if kind == "xlsx":
            book = load_workbook(io.BytesIO(data))
            cells = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row if cell]
            assert "'=Judul ABC" in cells and not any(INVISIBLE.search(cell) for cell in cells)
        elif kind == "csv":
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            assert not any(INVISIBLE.search(cell) for row in rows for cell in row)
        elif kind == "zip":
            package = zipfile.ZipFile(io.BytesIO(data))
            assert not any(INVISIBLE.search(name) for name in package.namelist())
            assert not INVISIBLE.search(package.read("index.html").decode())
            json.loads(package.read("manifest.json"))
        else:
            json.loads(data)


def _dirty_formdata(form_class: type[FlaskForm]) -> MultiDict:
    unbound = form_class(meta={"csrf": False}, formdata=None)
    return MultiDict({field.name: f"x{HOSTILE}\r\ny" for field in unbound
                      if isinstance(field, StringField)})


@pytest.mark.parametrize("form_class", [
    value for value in vars(forms).values()
    if isinstance(value, type) and issubclass(value, FlaskForm) and value.__module__ == forms.__name__])
def test_every_typed_field_of_every_form_is_cleaned(app: Flask, form_class: type[FlaskForm]) -> None:
    with app.test_request_context(method="POST"):
        form = form_class(formdata=_dirty_formdata(form_class), meta={"csrf": False})
        for field in form:
            if isinstance(field, PasswordField):
                assert field.data == f"x{HOSTILE}\r\ny", "a password is taken exactly as typed"
            elif isinstance(field, StringField):
                assert not INVISIBLE.search(field.data), f"{form_class.__name__}.{field.name}"
                assert field.data.startswith("xABC"), f"{form_class.__name__}.{field.name}"


def test_names_typed_at_the_command_line_are_cleaned_too(cli, admin_env, engine) -> None:
    assert cli("init").exit_code == 0
    assert cli("org", "add", f"Kota {HOSTILE} Contoh", "--kind", "city", "--code", "contoh",
               "--region", f"Bali{HOSTILE}").exit_code == 0
    with Session(engine) as session:
        organisation = session.exec(select(Organisation).where(Organisation.code == "contoh")).one()
    assert (organisation.name, organisation.region) == ("Kota ABC Contoh", "BaliABC")
