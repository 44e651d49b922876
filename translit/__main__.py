"""``python -m translit`` runs the command line."""

from translit.cli import run

run()
