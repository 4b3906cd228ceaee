"""The OpenAPI document says every status and problem type the service answers.

FastAPI documents a route's success and its own 422; everything else the service can say
(401 without a token, 412 on a stale ETag, 410 for an expired cursor, the e-service's HTML
pages and redirects, the token endpoint's RFC 6749 errors) is added here from one table, so a
client generator or schemathesis sees the service as it is. The problem types are listed once,
as the ``Problem`` schema's ``type`` enum.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from sync.devserver import problems
from sync.devserver.routes.auth import OAuthErrorBody
from sync.devserver.workstations import MAX_RAW_NAME
from sync.protocol import (
    PROBLEM_JSON,
    WORKSTATION_HEADER,
    WORKSTATION_ID_PATTERN,
    WORKSTATION_NAME_HEADER,
    Problem,
)

PROBLEM_TYPES = sorted({value for name, value in vars(problems).items()
                        if name.isupper() and isinstance(value, str)
                        and value.startswith("urn:resursi:problem:")} | {"about:blank"})

_WHY = {
    303: "to the sign-in page, or back where the applicant came from",
    400: "a body that does not parse, or a malformed header, cursor or limit",
    401: "no valid sign-in",
    403: "signed in, but not allowed (role, school, origin or CSRF token), or the "
         "workstation has been revoked (workstation-revoked: erase the local copy)",
    404: "no such record here (or not the caller's)",
    405: "the path exists, the method does not (Allow lists the methods)",
    409: "not allowed in the record's current state, or a duplicate",
    410: "the cursor has expired: sync again from the beginning",
    412: "the If-Match version is not the current one",
    413: "the body is too large",
    415: "the file is not a PDF, PNG or JPEG",
    422: "the request is not valid (each field in error named)",
    428: "If-Match is required",
    500: "the service failed; nothing was changed",
}

# (method pattern, path pattern, statuses) beyond what every route of its area answers
_EXTRA: list[tuple[str, str, set[int]]] = [
    ("GET", r"/changes(/wait)?$", {400, 410}),
    ("POST", r"/commands(:batch)?$", {400, 409, 412, 413, 428}),
    ("PUT", r"/items/\{item_id\}$", {400, 409, 412, 428}),
    ("POST", r"/items/\{item_id\}/status$", {400, 409, 412, 428}),
    ("PATCH|PUT", r"/offered-kinds/\{offered_kind_id\}$", {400, 409, 412, 428}),
    ("PATCH|PUT", r"/settings$", {400, 412, 428}),
    ("PUT", r"/files/\{file_id\}$", {409, 413, 415}),
    ("POST", r"^/v1/applicant/applications$", {403, 409}),
    ("POST|PUT", r"^/v1/applicant/applications/\{application_id\}/", {404, 409}),
    ("POST", r"/check-duplicate$", {404}),
]


def _problem_response(status: int) -> dict[str, Any]:
    return {"description": _WHY.get(status, "a problem"),
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _html(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}


def _statuses(method: str, path: str, operation: dict[str, Any]) -> set[int]:
    found = {422, 500}
    if path.startswith("/v1/applicant/"):
        found.add(401)
    elif path.startswith(("/v1/", "/_dev/")) and not path.startswith("/v1/oauth/"):
        found |= {400, 401, 403}  # 400: a workstation header that is not a UUID
    if "{" in path:
        found.add(404)
    for methods, pattern, extra in _EXTRA:
        if re.fullmatch(methods, method.upper()) and re.search(pattern, path):
            found |= extra
    return found


def _document_token(operation: dict[str, Any]) -> None:
    """RFC 6749: a form body, and its errors as ``{"error": …}`` JSON, not problems."""
    operation["requestBody"] = {"required": True, "content": {
        "application/x-www-form-urlencoded": {"schema": {
            "type": "object", "required": ["grant_type"], "properties": {
                "grant_type": {"type": "string", "enum": ["password", "refresh_token"]},
                "username": {"type": "string", "maxLength": 200},
                "password": {"type": "string", "maxLength": 500},
                "refresh_token": {"type": "string", "maxLength": 500}}}}}}
    error = {"content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/OAuthErrorBody"}}}}
    operation["responses"]["400"] = {"description": "RFC 6749 §5.2: invalid_request, "
                                     "invalid_grant or unsupported_grant_type", **error}
    operation["responses"]["403"] = _problem_response(403)  # a revoked workstation
    operation["responses"]["413"] = _problem_response(413)
    operation["responses"]["500"] = _problem_response(500)


def _document_workstation_headers(operation: dict[str, Any]) -> None:
    """The workstation headers' shape, which the route leaves to the service's own check
    (a 400 problem, not FastAPI's 422)."""
    for parameter in operation.get("parameters", []):
        if parameter.get("in") != "header":
            continue
        if parameter["name"].lower() == WORKSTATION_HEADER.lower():
            parameter["schema"] = {"type": "string", "pattern": WORKSTATION_ID_PATTERN}
        elif parameter["name"].lower() == WORKSTATION_NAME_HEADER.lower():
            parameter["schema"] = {"type": "string", "maxLength": MAX_RAW_NAME}


def _document_page(path: str, method: str, operation: dict[str, Any]) -> None:
    """The e-service's HTML pages: their errors are pages too (the path's 422 excepted)."""
    responses = operation["responses"]
    responses["200"] = _html("the page")
    responses["303"] = {"description": _WHY[303],
                        "headers": {"Location": {"schema": {"type": "string"}}}}
    statuses = {404: "not found (or not the signed-in applicant's)"}
    if method == "post":
        statuses |= {401: "the session has ended", 403: _WHY[403], 409: _WHY[409],
                     422: "the personal code is not valid (the form again)"}
        fields = (["personal_code", "next"] if path.endswith("/sign-in")
                  else ["handover_id", "receipt", "csrf"])
        operation["requestBody"] = {"required": True, "content": {
            "application/x-www-form-urlencoded": {"schema": {
                "type": "object", "properties": {
                    name: {"type": "string", "maxLength": 400} for name in fields}}}}}
    for status, why in statuses.items():
        responses[str(status)] = _html(why)
    if method == "post":
        responses["413"] = _problem_response(413)  # a form past MAX_FORM, before any page
    # a path id or query value outside what the service takes is refused before any page
    responses["422"] = {"description": _WHY[422], "content": {
        "text/html": {"schema": {"type": "string"}},
        PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    responses["500"] = _problem_response(500)


def build(app: FastAPI) -> dict[str, Any]:
    schema = get_openapi(title=app.title, version=app.version,
                         description=app.description, routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in problem.pop("$defs", {}).items():
        components.setdefault(name, definition)
    problem["properties"]["type"] = {"type": "string", "enum": PROBLEM_TYPES,
                                     "default": "about:blank",
                                     "description": "the problem type (a stable URN)"}
    components["Problem"] = problem
    components["OAuthErrorBody"] = OAuthErrorBody.model_json_schema()
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if method not in {"get", "put", "post", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            _document_workstation_headers(operation)
            if path == "/v1/oauth/token":
                _document_token(operation)
                continue
            if path.startswith("/e-service/") and path != "/e-service/documents/{document_id}" \
                    or path == "/e-service/":
                _document_page(path, method, operation)
                continue
            if path.startswith("/e-service/documents/"):
                responses["404"] = _html("no such document")
                responses["422"] = _problem_response(422)
                responses["500"] = _problem_response(500)
                continue
            statuses = _statuses(method, path, operation)
            if "requestBody" in operation:
                statuses.add(400)  # a body that is not JSON at all
            for status in sorted(statuses):
                # a route's own word on a status (the batch's 413 and its header) is kept
                said = responses.get(str(status), {}) if status != 422 else {}
                responses[str(status)] = {**_problem_response(status),
                                          **{k: said[k] for k in ("description", "headers")
                                             if k in said}}
    return schema


def describe(app: FastAPI) -> None:
    """Serve ``build(app)`` as the app's OpenAPI document (built once, on first request)."""
    cache: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        if "schema" not in cache:
            cache["schema"] = build(app)
        return cache["schema"]

    app.openapi = openapi  # type: ignore[method-assign]
