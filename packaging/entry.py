"""Entry point of the bundled app: the same as `lokomotiv` / `python -m lokomotiv_desktop`."""
import sys

from lokomotiv_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
