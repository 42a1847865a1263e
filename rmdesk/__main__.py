"""The `rmdesk` command: sub-commands from rmdesk.cli, the GUI when there is none."""

import sys

from rmdesk.cli import main as cli_main


def launch_gui(data_dir: str | None, lang: str | None, db_url: str | None = None) -> int:
    from rmdesk.gui.app import run  # Qt is loaded only when a window is wanted

    return run(data_dir, lang, db_url)


def main() -> int:
    return cli_main(gui=launch_gui)


if __name__ == "__main__":
    sys.exit(main())
