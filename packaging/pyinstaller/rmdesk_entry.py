"""The bundle's entry script: both executables (rmdesk-gui windowed, rmdesk with a console)
run the `rmdesk` command, the GUI without a sub-command."""

import sys

from rmdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
