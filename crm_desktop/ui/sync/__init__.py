"""The sync pieces of the window: controller, status bar, issues, login, owners.

Everything here talks to ``crm_desktop.services`` only; network work runs on
worker threads and comes back to the GUI thread through signals.
"""
