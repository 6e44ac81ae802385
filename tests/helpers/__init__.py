"""Test helpers shared across the test suites (server process, fixtures)."""
