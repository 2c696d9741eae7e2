"""Alembic environment: the engine comes from the caller (see `db.upgrade`)."""

from alembic import context
from sqlmodel import SQLModel

from evidence_vault import models  # noqa: F401  (registers the tables)

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations copy and drop tables; with foreign keys enforced, dropping a
            # referenced table fails. The pragma only works outside a transaction.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=sqlite,
            transactional_ddl=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
        if sqlite:
            raw = connection.connection.driver_connection
            raw.execute("PRAGMA foreign_keys=ON")
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"migration left dangling references: {problems[:5]}")


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported: run `evidence-vault init`")
run_migrations_online()
