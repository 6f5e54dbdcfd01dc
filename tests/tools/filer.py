"""Child process for the kill -9 test: files reports in a loop and prints each code only after
file_report returned (i.e. after COMMIT). The parent kills it at random moments."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk import catalog  # noqa: E402
from kiosk.db import Store  # noqa: E402
from kiosk.photos import prepare_photo  # noqa: E402
from kiosk.reports import ReportDraft, file_report  # noqa: E402


def main(data_dir: str, photo_path: str) -> None:
    store = Store(Path(data_dir))
    catalog.seed(store.conn())
    photo = prepare_photo(Path(photo_path).read_bytes())
    i = 0
    while True:
        i += 1
        filed = file_report(store, ReportDraft(
            category_id="moi-truong", text=f"Rác thải tồn đọng lần {i}",
            photos=[photo] if i % 2 else [], hamlet_id="ap-binh-phu"))
        sys.stdout.write(f"SAVED {filed.code}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
