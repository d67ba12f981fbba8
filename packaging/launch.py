"""Entry point of the bundled app: the same command line as the `studyapp` script."""

import multiprocessing
import sys

from studyapp.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a large import parses notes in worker processes
    sys.exit(main())
