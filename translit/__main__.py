"""``python -m translit`` runs the command line."""

from translit.cli.main import run

run()
