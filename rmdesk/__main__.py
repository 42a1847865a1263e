import sys

from rmdesk.cli import main

sys.exit(main())
