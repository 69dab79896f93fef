"""Writing a file the user asked for (a PDF, a spreadsheet, an export) so that a failure
part way never leaves half a file under its name: a temp file beside the target, then a
rename. Shared by every layer that writes documents (reports/, services/, cli/, ui/)."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_via_temp(out: Path, write: Callable[[str], None]) -> None:
    """`write(temp_path)` fills a temp file beside `out`, which then replaces `out`."""
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    os.close(handle)
    try:
        write(temp)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp makes it private; this is a normal file
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_atomically(out: Path, payload: bytes) -> None:
    write_via_temp(out, lambda temp: Path(temp).write_bytes(payload))
