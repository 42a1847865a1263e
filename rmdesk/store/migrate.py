"""Alembic, driven from code (no alembic.ini needed at run time)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
        cfg.attributes["engine"] = engine
    return cfg


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(config()).walk_revisions()}


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def upgrade(engine: Engine, target: str = "head") -> None:
    command.upgrade(config(engine), target)


def downgrade(engine: Engine, target: str) -> None:
    command.downgrade(config(engine), target)
