"""`python -m newsweave.web`: the `newsweave serve` command, the same parser and errors."""

import sys

from newsweave.cli import main

sys.exit(main(["serve", *sys.argv[1:]]))
