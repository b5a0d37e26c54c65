"""Alembic environment, for running these migrations with the `alembic` command by hand
(`alembic -c alembic.ini upgrade head` with sqlalchemy.url set). Rempart itself runs them
programmatically when a store is opened (rempart.storage.migrate) and does not use this file."""

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
connectable = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                 poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
