"""Issue 14: the reference server refuses far-future dates (a 422 problem naming the field),
so no case can be given a status or deadline that keeps it out of retention forever."""

from __future__ import annotations

from devserver_support import SCHOOL, assert_problem, post_command

from sync.protocol import etag


def test_a_school_deadline_in_year_9999_is_a_422_naming_the_field(http, auth, server):
    url = f"/v1/institutions/{SCHOOL}/settings"
    version = server.state.find_institution(SCHOOL).version
    headers = {**auth["admin"], "If-Match": etag(version)}
    body = assert_problem(http.patch(url, json={"default_return_deadline": "9999-12-31"},
                                     headers=headers), 422)
    assert [e["loc"][-1] for e in body["errors"]] == ["default_return_deadline"]
    assert "too far ahead" in body["errors"][0]["msg"]
    name = server.state.find_institution(SCHOOL).name
    body = assert_problem(http.put(url, json={"name": name, "default_return_deadline":
                                              "9999-12-31"}, headers=headers), 422)
    assert [e["loc"][-1] for e in body["errors"]] == ["default_return_deadline"]
    assert server.state.find_institution(SCHOOL).version == version  # nothing changed


def test_a_revisit_day_in_year_9999_is_refused_and_nothing_changes(http, auth, world, server):
    app = world.application()
    response = post_command(http, auth["reviewer"], app.id, "defer",
                            {"reason": "Gaidām VIIS atbildi.", "revisit_on": "9999-12-31"},
                            app.version)
    assert response.status_code in (409, 422), response.text
    assert "revisit_on" in response.text
    assert server.application(app.id) == app
