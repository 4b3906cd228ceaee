"""The one URL policy, and that the client, the settings and the QR code all follow it."""

from __future__ import annotations

import pytest

from desktop.models.urls import UrlError, UrlProblem, check_url, is_loopback
from url_cases import CASES


@pytest.mark.parametrize(("url", "problem"), CASES)
def test_policy(url: str, problem: UrlProblem | None) -> None:
    if problem is None:
        assert check_url(url).hostname
    else:
        with pytest.raises(UrlError) as refused:
            check_url(url)
        assert refused.value.problem is problem
        assert refused.value.message_lv and refused.value.message_en


def test_query_only_where_allowed() -> None:
    assert check_url("https://e.latvija.lv/p?id=1").query == "id=1"
    with pytest.raises(UrlError) as refused:
        check_url("https://e.latvija.lv/p?id=1", allow_query=False)
    assert refused.value.problem is UrlProblem.QUERY


def test_loopback_names() -> None:
    assert is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.1")
    assert not is_loopback("localhost.evil.lv") and not is_loopback("192.168.1.1")
