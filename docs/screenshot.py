"""Re-take the README's screenshots: the seed pair's HTML report in headless Chromium, on a desk and a phone.

Usage: python docs/screenshot.py   (needs Debian's chromium; run from the repository root)

Writes docs/seed-report.png (a 1400 px wide window) and docs/seed-report-phone.png
(420 px: the compact summary, then what differs).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import compare_articles, read_source  # noqa: E402  (after the path insert above)
from compare.render import render_html  # noqa: E402

#: file name -> window size (width,height in CSS pixels)
SHOTS = {"seed-report.png": "1400,1150", "seed-report-phone.png": "420,900"}


def main() -> None:
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if chromium is None:
        sys.exit("no chromium found (apt-get install chromium)")
    left, right = (read_source(p.relative_to(ROOT)) for p in sorted((ROOT / "seeds").glob("*.txt")))
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(render_html(compare_articles(left, right)), encoding="utf-8")
        for name, window in SHOTS.items():
            target = ROOT / "docs" / name
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", "--hide-scrollbars", f"--user-data-dir={folder}/profile",
                            f"--window-size={window}", f"--screenshot={target}", page.as_uri()],
                           check=True, capture_output=True)
            sys.stdout.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()
