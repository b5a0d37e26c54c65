"""Alembic environment of the bank store's migrations, for running them by hand
(`alembic -c alembic.ini upgrade banks@head` with script_location pointing here and
sqlalchemy.url set). Rempart runs them itself when a bank store opens (rempart.banks.schema).
They keep their own version table, apart from the audit log's `alembic_version`."""

from alembic import context
from sqlalchemy import engine_from_config, pool

VERSION_TABLE = "bank_alembic_version"  # = rempart.banks.schema.VERSION_TABLE

config = context.config
connectable = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                 poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=None, version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()
