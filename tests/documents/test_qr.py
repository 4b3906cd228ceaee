"""The desk's QR code: the URL template is checked, and the code decodes to the URL."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image

from desktop.documents import qr

TEMPLATE = "https://e.latvija.lv/resursi/pieteikumi/{application_id}/sanemsana"


def test_url_from_template() -> None:
    assert qr.receipt_url(TEMPLATE, 1042) == (
        "https://e.latvija.lv/resursi/pieteikumi/1042/sanemsana")


@pytest.mark.parametrize("template", [
    "http://127.0.0.1:8765/e-service/applications/{application_id}",
    "http://localhost/e/{application_id}",
    "http://[::1]:9000/{application_id}",
])
def test_http_only_on_loopback(template: str) -> None:
    assert qr.receipt_url(template, 7).endswith("/7")


@pytest.mark.parametrize(("template", "words"), [
    ("", "nav norādīta"),
    ("https://e.latvija.lv/resursi/", "{application_id}"),
    ("http://e.latvija.lv/{application_id}", "https://"),
    ("ftp://127.0.0.1/{application_id}", "https://"),
    ("https:///{application_id}", "serveris"),
    ("https://e.latvija.lv/{application_id}/{user}", "tikai vietturi"),
])
def test_bad_templates_say_why_in_latvian(template: str, words: str) -> None:
    with pytest.raises(qr.QrTemplateError) as caught:
        qr.receipt_url(template, 1)
    assert words in caught.value.message_lv


def test_the_receipt_token_is_added_as_a_query_or_where_the_template_says() -> None:
    """Issue 14: the QR URL carries the handover's unguessable token."""
    token = "a1B2-c3_" * 5 + "xyz"
    assert qr.receipt_url(TEMPLATE, 7, token) == (
        f"https://e.latvija.lv/resursi/pieteikumi/7/sanemsana?receipt={token}")
    assert qr.receipt_url(TEMPLATE + "?lang=lv", 7, token).endswith(
        f"/7/sanemsana?lang=lv&receipt={token}")
    placed = "https://e.latvija.lv/r/{application_id}/{receipt_token}"
    assert qr.receipt_url(placed, 7, token) == f"https://e.latvija.lv/r/7/{token}"
    assert qr.check_template(placed) == placed
    assert qr.receipt_url(TEMPLATE, 7) == "https://e.latvija.lv/resursi/pieteikumi/7/sanemsana"


def test_png_decodes_to_the_url() -> None:
    url = qr.receipt_url(TEMPLATE, 31337)
    image = Image.open(io.BytesIO(qr.png(url, scale=6)))
    found = zxingcpp.read_barcodes(image)
    assert [r.text for r in found] == [url]


def test_matrix_is_square_and_changes_with_the_url() -> None:
    a = qr.matrix(qr.receipt_url(TEMPLATE, 1))
    b = qr.matrix(qr.receipt_url(TEMPLATE, 2))
    assert len(a) == len(a[0]) >= 21 and a != b
    assert any(any(row) for row in a)
