"""``python -m lawcode`` runs the command line."""

import sys

from lawcode.cli.main import main

sys.exit(main())
