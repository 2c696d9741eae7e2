"""Organisations (government bodies) and their short codes."""

from __future__ import annotations

import re
import unicodedata

from sqlmodel import Session, col, select

from ..models import Organisation, OrganisationKind
from ..plaintext import clean
from . import events

_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class OrganisationError(ValueError):
    """An organisation request that cannot be carried out; the message is Indonesian."""


def slugify(name: str) -> str:
    """A short ASCII code from a name: "Kabupaten Badung" → "kabupaten-badung"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64]


def create_organisation(
    session: Session,
    name: str,
    kind: OrganisationKind | str,
    code: str | None = None,
    region: str = "",
    actor_id: int | None = None,
    time_zone: str | None = None,
) -> Organisation:
    """A new body; its time zone (WIB, WITA, WIT) is the one given, else the one its region or name is in."""
    name = " ".join(clean(name).split())  # typed at the command line: cleaned like a web field
    if not name:
        raise OrganisationError("Nama organisasi tidak boleh kosong.")
    try:
        kind = OrganisationKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in OrganisationKind)
        raise OrganisationError(f"Jenis organisasi tidak dikenal: {kind!r} (pilihan: {names}).") from None
    code = (code or slugify(name)).lower()
    if not _CODE.match(code):
        raise OrganisationError(
            f"Kode {code!r} tidak valid: gunakan huruf kecil, angka dan tanda hubung, maksimal 64 karakter."
        )
    if find(session, code):
        raise OrganisationError(f"Kode organisasi {code!r} sudah dipakai.")
    region = clean(region).strip()
    from ..indonesian import ZONES, zone_for_region  # here: listing organisations needs no dates or regions

    zone = (time_zone or zone_for_region(region, name)).upper()
    if zone not in ZONES:
        raise OrganisationError(f"Zona waktu {time_zone!r} tidak dikenal (pilihan: {', '.join(ZONES)}).")
    organisation = Organisation(code=code, name=name, kind=kind.value, region=region, time_zone=zone)
    session.add(organisation)
    session.flush()
    events.record(
        session, "organisation.create", actor_id=actor_id, organisation_id=organisation.id,
        object_type="organisation", object_id=organisation.id, code=code, name=name,
    )
    return organisation


def find(session: Session, code: str) -> Organisation | None:
    return session.exec(select(Organisation).where(Organisation.code == code.lower())).first()


def get_by_code(session: Session, code: str) -> Organisation:
    organisation = find(session, code)
    if organisation is None:
        raise OrganisationError(f"Organisasi dengan kode {code!r} tidak ditemukan.")
    return organisation


def all_organisations(session: Session) -> list[Organisation]:
    return list(session.exec(select(Organisation).order_by(col(Organisation.name))))


def set_strict_review(session: Session, organisation: Organisation, strict: bool, actor_id: int | None) -> None:
    """Strict review: the audit then counts only evidence links a reviewer verified."""
    if organisation.strict_review == strict:
        return
    organisation.strict_review = strict
    session.add(organisation)
    events.record(session, "organisation.strict_review", actor_id=actor_id, organisation_id=organisation.id,
                  object_type="organisation", object_id=organisation.id, strict=strict)
