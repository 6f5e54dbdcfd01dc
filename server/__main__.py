"""`python -m server …`: serve, or run an operator subcommand (see server/cli.py)."""
import sys

from server.cli import main

sys.exit(main())
