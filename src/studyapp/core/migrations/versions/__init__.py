"""One file per schema revision; Alembic loads them, nothing imports them directly."""
