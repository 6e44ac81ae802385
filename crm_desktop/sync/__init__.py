"""Sync with the team's server, without Qt.

``client`` speaks HTTP, ``engine`` runs one push-then-pull cycle over the
store's queue, ``issues`` handles conflicts and rejections, ``credentials``
keeps the token in the OS keyring and ``autosync`` runs it all in the
background.  The app uses them through ``crm_desktop.services.sync``.
"""
