"""The sync client, the settings form and the QR template refuse and accept the same URLs."""

from __future__ import annotations

import pytest

from desktop.documents import qr
from desktop.models.urls import UrlError, check_url
from desktop.settings import SettingError
from desktop.settings import check_url as settings_check_url
from sync.client import check_server_url
from url_cases import CASES


@pytest.mark.parametrize(("url", "problem"), CASES)
def test_every_user_of_a_url_follows_the_one_policy(url: str, problem: object) -> None:
    def verdict(call, error) -> bool:
        try:
            call()
        except error:
            return False
        return True

    policy = verdict(lambda: check_url(url), UrlError)
    assert policy is (problem is None)
    assert verdict(lambda: check_server_url(url), ValueError) is policy
    assert verdict(lambda: settings_check_url("server_url", url, label_lv="Adrese"),
                   SettingError) is policy
    template = url.rstrip("/") + "/pieteikumi/{application_id}"
    assert verdict(lambda: qr.check_template(template), qr.QrTemplateError) is policy
