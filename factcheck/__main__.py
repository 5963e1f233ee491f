"""``python -m factcheck`` runs the command line."""

from factcheck import cli

if __name__ == "__main__":
    cli.main()
