"""The bundled rules, installed as package data `checker.default_rules` (see pyproject.toml)."""
