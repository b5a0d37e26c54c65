"""Alembic migrations of the audit store (SQLite and PostgreSQL); run by rempart.storage.migrate."""
