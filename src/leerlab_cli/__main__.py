"""Run the command line: ``python -m leerlab_cli``."""

from leerlab_cli.console import main

main()
