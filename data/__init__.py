"""Bundled reference data and schemas, installed as package data `checker.data` (see pyproject.toml)."""
