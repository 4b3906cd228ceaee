"""The applicant's e-service page (what the QR code opens) with a pickup arrangement, as a PNG.

The reference server's HTML is drawn by Qt's rich-text engine at a phone's width: not a
browser, but it shows what the page says. Run: ``python -m tools.screenshots_eservice``.
"""

from __future__ import annotations

import os
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTextBrowser

from desktop.models.codes import ItemStatus
from desktop.models.command_names import CommandName
from sync.devserver.server import DevServer
from sync.protocol import CommandRequest, ItemUpsert

SCHOOL = "4313900123"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "eservice-arrangement.png"


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with DevServer(seed=40) as server:
        state = server.state
        item_id = str(uuid.uuid4())
        state.put_item(None, SCHOOL, item_id, ItemUpsert(
            kind_code="windows_laptop", inventory_no="RAVG-2026-000777", manufacturer="HP",
            model="ProBook 450 G10", status=ItemStatus.AVAILABLE), if_none_match="*")
        app_id = server.applicant_submit({
            "institution_id": SCHOOL, "kind_code": "windows_laptop",
            "submitter": {"role": "parent_guardian", "name": "Līga Šķēle",
                          "personal_code": "120385-12342"},
            "learner": {"name": "Žanis Ģērķis", "personal_code": "325794-61232",
                        "class_name": "7.b"},
            "contact": {"phone": "+37129123456", "email": "liga.skele@example.lv"},
        }).id
        hid = str(uuid.uuid4())
        version = state.application(app_id).version
        for command, payload in (
            (CommandName.GRANT, {"handover_id": hid, "item_id": item_id,
                       "return_deadline": "2027-05-31"}),
            (CommandName.PREPARE_HANDOVER, {
                "handover_id": hid, "item_id": item_id,
                "act_number": f"{state.application(app_id).number}-A1",
                "notify": True,
                "arrangement": {
                    "place": "Skolas bibliotēka, 2. stāvs, 214. kabinets",
                    "starts_at": datetime(2026, 12, 9, 8, 30, tzinfo=UTC).isoformat(),
                    "ends_at": datetime(2026, 12, 9, 14, tzinfo=UTC).isoformat(),
                    "contact_person": "Inese Kļaviņa", "contact_phone": "+37126123456"}}),
        ):
            answer = state.command(None, app_id, CommandRequest(
                command_id=str(uuid.uuid4()), command=command, base_version=version,
                payload=payload))
            assert answer.status == 200, answer.body
            version += 1
        html = server.eservice_page(app_id)
    view = QTextBrowser()
    view.setHtml(html)
    view.resize(420, 900)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    view.grab().save(str(OUT))
    print(OUT)
    del app


if __name__ == "__main__":
    main()
