"""Sync through the desk's PostgreSQL: ``server`` sets the database up, ``client`` pulls, merges and pushes.

The only package that opens a socket, and only to the server the user configured; core
never imports it (import-linter).
"""
