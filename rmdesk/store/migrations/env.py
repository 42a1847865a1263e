"""Alembic environment: runs on the connection the app passes in (rmdesk.store.migrate)."""

from alembic import context

from rmdesk.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        migrate(connection)
        return
    # the `alembic` command of a developer (alembic.ini's scratch database)
    from sqlalchemy import create_engine

    with create_engine(config.get_main_option("sqlalchemy.url")).connect() as own:
        migrate(own)


def migrate(connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # Batch mode rebuilds a table by copy, DROP and rename. With foreign keys on, that
        # DROP would fire ON DELETE actions on the rows that refer to it (a visit's key person
        # set to NULL, a client's contacts deleted). Off for the migration (a PRAGMA outside
        # any transaction), checked afterwards, on again when the connection goes back.
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite cannot ALTER most things; batch mode rebuilds tables and keeps rows.
            render_as_batch=sqlite,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:  # rolls the whole upgrade back
                    raise RuntimeError(f"migration left rows with dangling references: {broken[:5]}")
        connection.commit()
    finally:
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


run()
