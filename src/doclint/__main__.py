import sys

from doclint.cli import run

sys.exit(run())
