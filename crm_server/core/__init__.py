"""Settings, database engine and password/token security."""
