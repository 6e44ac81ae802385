"""Definitions shared by the desktop app and the sync server."""
