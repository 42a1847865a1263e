"""The newest Alembic revision. A test checks it matches the migration scripts, so opening an
up-to-date store needs no Alembic import, and the start's first glance at the book
(rmdesk.services.glance) knows the layout it reads without SQLAlchemy (start-up time)."""

HEAD_REVISION = "0036_pg_gin_pending_limit"
