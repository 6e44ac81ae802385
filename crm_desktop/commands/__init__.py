"""Subcommands of the crm-desktop CLI, one module per area."""
