"""The team's sync server: FastAPI over one SQLite or PostgreSQL database."""
