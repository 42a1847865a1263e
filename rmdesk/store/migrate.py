"""Alembic, driven from code (no alembic.ini needed at run time).

Alembic gets an open connection, never a URL: its Config is a configparser, which
reads the `%` of a percent-encoded path (a Chinese user name, `%41`) as
interpolation syntax, and a rendered URL would carry the password as text."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    # configparser's own escape for a literal %: an install folder may hold one too
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(config()).walk_revisions()}


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def upgrade(engine: Engine, target: str = "head") -> None:
    with engine.connect() as connection:
        command.upgrade(config(connection), target)


def downgrade(engine: Engine, target: str) -> None:
    with engine.connect() as connection:
        command.downgrade(config(connection), target)
