"""Alembic migrations, shipped inside the package; run through ``studyapp.core.migrate``."""
