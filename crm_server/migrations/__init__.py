"""Alembic migrations of the server database (run by ``crm_server.core.db.migrate``)."""
