"""Entry point of the bundled app: the same command line as the `studyapp` script."""

import sys

from studyapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
