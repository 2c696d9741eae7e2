"""Backups: one archive with a consistent snapshot of the database, every stored file and the
settings (without secrets); and restoring it into an empty vault.

The database is dumped table by table inside one read transaction (a snapshot under SQLite's
WAL and PostgreSQL's REPEATABLE READ), so the app can keep running. Files are immutable and
written before any row refers to them, so copying them afterwards is safe. Restoring builds
the schema at the backup's revision, loads the rows, then upgrades to the current code.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import DateTime, LargeBinary, func, insert, select, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from . import db
from .config import Settings
from .models import Document, User
from .storage import FileStore

FORMAT = "evidence-vault-backup/1"
MANIFEST = "manifest.json"
DATABASE = "database.jsonl.gz"
# The state of running processes, not the vault's data: a restored vault starts with nobody
# logged in and no API token (a restore must not reopen sessions or revive tokens ended after
# the backup) and no failures counted.
TRANSIENT_TABLES = frozenset({"login_session", "login_failure", "worker_heartbeat", "api_token"})


class BackupError(ValueError):
    """A backup or restore that cannot go ahead; the message is Indonesian."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    revision: str | None
    rows: int
    files: int
    documents: int


def create_backup(engine: Engine, settings: Settings, target: Path) -> BackupSummary:
    """Write the archive to `target` (a .tar.gz); it appears only when complete."""
    store = FileStore(settings.files_dir, settings.tmp_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".backup-", suffix=".part", delete=False) as handle:
        partial = Path(handle.name)
    try:
        dump, rows, revision, hashes, documents = _dump_database(engine)
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, DATABASE, dump)
            for sha256 in sorted(hashes):
                path = store.path_for(sha256)
                if path.is_file():
                    archive.add(path, arcname=f"files/{sha256}", recursive=False)
            manifest = {
                "format": FORMAT, "created_at": datetime.now().astimezone().isoformat(), "revision": revision,
                "rows": rows, "documents": documents, "files": sorted(hashes),
                "database_sha256": hashlib.sha256(dump).hexdigest(), "settings": _public_settings(settings),
            }
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupSummary(target, revision, rows, len(hashes), documents)


def _dump_database(engine: Engine) -> tuple[bytes, int, str | None, set[str], int]:
    """Every row of every table as JSON lines, read in one snapshot transaction."""
    buffer = io.BytesIO()
    rows = 0
    hashes: set[str] = set()
    options = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**options) as connection, connection.begin():
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        documents = connection.execute(select(func.count()).select_from(Document.__table__)).scalar() or 0
        with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as stream:
            for table in SQLModel.metadata.sorted_tables:
                if table.name in TRANSIENT_TABLES:
                    continue
                for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                    record = {key: _encode(value) for key, value in row._mapping.items()}
                    if table.name == "document":
                        hashes.add(record["sha256"])
                    stream.write(json.dumps({"table": table.name, "row": record}, ensure_ascii=False).encode() + b"\n")
                    rows += 1
    return buffer.getvalue(), rows, revision, hashes, documents


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return {"$date": value.isoformat()}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode()}
    return value


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def _public_settings(settings: Settings) -> dict[str, Any]:
    """The configuration, minus anything secret (the database URL's password)."""
    values = {section: dict(entries) for section, entries in settings.values.items()}
    url = values.get("database", {}).get("url", "")
    if url and "@" in url:
        scheme, _, rest = url.partition("://")
        values["database"]["url"] = f"{scheme}://***@{rest.split('@', 1)[1]}"
    return values


def restore_backup(engine: Engine, settings: Settings, source: Path) -> BackupSummary:
    """Bring a backup back into an empty vault, checking every file against its hash."""
    if not source.is_file():
        raise BackupError(f"Berkas cadangan {source} tidak ditemukan.")
    _require_empty(engine)
    store = FileStore(settings.files_dir, settings.tmp_dir)
    try:
        with tarfile.open(source, "r:gz") as archive:
            manifest = _read_manifest(archive)
            dump = _member_bytes(archive, DATABASE)
            if hashlib.sha256(dump).hexdigest() != manifest["database_sha256"]:
                raise BackupError("Isi basis data dalam cadangan rusak (checksum tidak cocok).")
            for sha256 in manifest["files"]:
                _restore_file(archive, store, sha256)
    except (tarfile.TarError, OSError, EOFError, KeyError, json.JSONDecodeError) as error:
        raise BackupError(f"Berkas cadangan tidak utuh atau bukan cadangan Evidence Vault ({error}).") from None
    command.upgrade(db._alembic_config(engine), manifest["revision"])
    rows = _load_rows(engine, dump)
    db.upgrade(engine)
    return BackupSummary(source, manifest["revision"], rows, len(manifest["files"]), manifest["documents"])


def _require_empty(engine: Engine) -> None:
    if db.current_revision(engine) is None:
        return
    with engine.connect() as connection:
        users = connection.execute(select(func.count()).select_from(User.__table__)).scalar()
        documents = connection.execute(select(func.count()).select_from(Document.__table__)).scalar()
    if users or documents:
        raise BackupError("Vault tujuan tidak kosong. Pulihkan ke folder penyimpanan baru "
                          "(EVIDENCE_VAULT_STORAGE_DIR) agar tidak ada data yang tertimpa.")


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    manifest = json.loads(_member_bytes(archive, MANIFEST))
    if manifest.get("format") != FORMAT:
        raise BackupError("Format cadangan tidak dikenal.")
    return manifest


def _member_bytes(archive: tarfile.TarFile, name: str) -> bytes:
    member = archive.getmember(name)
    if not member.isfile():
        raise BackupError(f"Bagian {name} dalam cadangan tidak valid.")
    handle = archive.extractfile(member)
    assert handle is not None
    return handle.read()


def _restore_file(archive: tarfile.TarFile, store: FileStore, sha256: str) -> None:
    """Only members named by the manifest are read, and only by their hash: no paths from the archive."""
    store.path_for(sha256)  # validates the name
    member = archive.getmember(f"files/{sha256}")
    handle = archive.extractfile(member) if member.isfile() else None
    if handle is None:
        raise BackupError(f"Berkas {sha256[:12]}… dalam cadangan tidak valid.")
    staged = store.stage(handle, max_bytes=member.size)
    if staged.sha256 != sha256:
        store.discard(staged)
        raise BackupError(f"Berkas {sha256[:12]}… dalam cadangan rusak (checksum tidak cocok).")
    store.commit(staged)


def _load_rows(engine: Engine, dump: bytes) -> int:
    tables = {table.name: table for table in SQLModel.metadata.sorted_tables}
    count = 0
    with db.writing(engine).begin() as connection:
        for line in gzip.decompress(dump).splitlines():
            record = json.loads(line)
            table = tables[record["table"]]
            row = {key: _decode(value, table.c[key].type) for key, value in record["row"].items() if key in table.c}
            connection.execute(insert(table).values(**row))
            count += 1
        if engine.dialect.name == "postgresql":
            for table in tables.values():
                if "id" in table.c:
                    connection.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
    return count


def _decode(value: Any, column_type: Any) -> Any:
    if isinstance(value, dict) and "$date" in value:
        parsed = datetime.fromisoformat(value["$date"])
        return parsed if isinstance(column_type, DateTime) or hasattr(column_type, "impl") else parsed.date()
    if isinstance(value, dict) and "$bytes" in value and isinstance(column_type, LargeBinary):
        return base64.b64decode(value["$bytes"])
    return value
