"""The README's PDF upload benchmark runs and prints its figures (not a timed test: it checks
that the documented command works and that what it reports holds)."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_pdf_upload_runs_and_refuses_the_hostile_files():
    out = subprocess.run(
        [sys.executable, "bench/pdf_upload.py", "--repeat", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    assert re.search(r"bomb \(unpacks to 300 MB\) .* ms", out)
    assert '{"refused": "unpacked"}' in out
    assert '{"refused": "pages", "pages": 20000}' in out
    peaks = [float(mb) for mb in re.findall(r"(\d+) MB  ", out)]
    assert len(peaks) == 3 and max(peaks) < 512  # under PDF_MEMORY_LIMIT_MB
    assert re.search(r"worker: 3 queued uploads in [\d.]+ s; 1 kept .*, 2 refused", out)
