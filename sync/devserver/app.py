"""The HTTP face of the reference service: FastAPI routes over ``DevState``.

Every error is ``application/problem+json`` (RFC 9457), FastAPI's own validation errors and
unknown routes included; the token endpoint alone answers RFC 6749 errors (``{"error": …}``,
``application/json``), as OAuth clients expect. Nothing here logs requests or personal data.
"""


from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.devserver import eservice
from sync.devserver.faults import ErrorShield, FaultMiddleware, FaultRule, Faults
from sync.devserver.problems import (
    INVALID,
    UNAUTHORIZED,
    Answer,
    ProblemError,
    problem_json,
)
from sync.devserver.state import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    DevState,
    InstitutionSettings,
    OAuthError,
    Principal,
)
from sync.protocol import (
    PROBLEM_JSON,
    ApplicantIncident,
    ApplicantSubmission,
    ApplicantWithdrawal,
    ApplicationWire,
    BatchRequest,
    BatchResponse,
    ChangesPage,
    CommandAccepted,
    CommandRequest,
    Contact,
    InstitutionWire,
    ItemStatusChange,
    ItemUpsert,
    ItemWire,
    OfferedKindPatch,
    OfferedKindWire,
    TokenResponse,
    etag,
    parse_etag,
)

JSON = "application/json"


def _model(model: BaseModel, status: int = 200, *, version: int | None = None,
           headers: dict[str, str] | None = None) -> Response:
    all_headers = dict(headers or {})
    if version is not None:
        all_headers["ETag"] = etag(version)
    return Response(model.model_dump_json(), status_code=status, headers=all_headers,
                    media_type=JSON)


def _answer(answer: Answer) -> Response:
    return Response(answer.body, status_code=answer.status, headers=answer.headers,
                    media_type=answer.media_type)


def _problem(status: int, detail: str | None = None, headers: dict[str, str] | None = None,
             **extensions: Any) -> Response:
    return Response(problem_json(status, detail, **extensions), status_code=status,
                    headers=headers, media_type=PROBLEM_JSON)


def create_app(state: DevState, faults: Faults) -> FastAPI:
    """The FastAPI application serving ``state``, with ``faults`` in front of it."""
    app = FastAPI(
        title="Resursi reference central service",
        version="1",
        description="The central register's API as the Resursi desktop app speaks it "
                    "(devserver: tests, benchmarks and --demo).",
    )
    app.add_middleware(ErrorShield)
    app.add_middleware(FaultMiddleware, faults=faults)

    # -- errors ---------------------------------------------------------------------------------
    @app.exception_handler(ProblemError)
    async def _on_problem(request: Request, exc: ProblemError) -> Response:
        return _answer(exc.answer())

    @app.exception_handler(RequestValidationError)
    async def _on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", ""))} for e in exc.errors()]
        return _problem(422, "the request is not valid", type_=INVALID, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else None
        return _problem(exc.status_code, detail, headers=dict(exc.headers or {}))

    # -- auth -----------------------------------------------------------------------------------
    def principal(authorization: Annotated[str | None, Header()] = None) -> Principal:
        if not authorization:
            raise ProblemError(401, "sign in first", type_=UNAUTHORIZED,
                               headers={"WWW-Authenticate": 'Bearer realm="resursi"'})
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ProblemError(401, "use a Bearer token", type_=UNAUTHORIZED,
                               headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return state.principal_for(token.strip())

    Staff = Annotated[Principal, Depends(principal)]

    @app.post("/v1/oauth/token", response_model=TokenResponse, tags=["auth"])
    async def token(request: Request) -> Response:
        """OAuth 2.0 token endpoint (form-encoded): password and refresh_token grants."""
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"),
                              keep_blank_values=True))
        no_store = {"Cache-Control": "no-store", "Pragma": "no-cache"}
        grant = form.get("grant_type")
        try:
            if grant == "password":
                if not form.get("username") or "password" not in form:
                    raise OAuthError("invalid_request", "username and password are required")
                answer = await run_in_threadpool(state.password_grant, form["username"],
                                                 form["password"])
            elif grant == "refresh_token":
                if not form.get("refresh_token"):
                    raise OAuthError("invalid_request", "refresh_token is required")
                answer = await run_in_threadpool(state.refresh_grant, form["refresh_token"])
            else:
                raise OAuthError("unsupported_grant_type",
                                 "use grant_type=password or grant_type=refresh_token")
        except OAuthError as exc:
            body = {"error": exc.error, "error_description": exc.description}
            return Response(OAuthErrorBody(**body).model_dump_json(), status_code=400,
                            headers=no_store, media_type=JSON)
        return _model(answer, headers=no_store)

    # -- the changes feed -----------------------------------------------------------------------
    @app.get("/v1/institutions/{institution_id}/changes", response_model=ChangesPage,
             tags=["sync"])
    def changes(institution_id: str, who: Staff, cursor: str | None = None,
                limit: Annotated[int, Query(ge=1)] = DEFAULT_LIMIT) -> Response:
        body = state.changes_page(who, institution_id, cursor, min(limit, MAX_LIMIT))
        return Response(body, media_type=JSON)

    # -- commands -------------------------------------------------------------------------------
    @app.post("/v1/applications/{application_id}/commands", response_model=CommandAccepted,
              tags=["commands"])
    def command(application_id: int, body: CommandRequest, who: Staff,
                idempotency_key: Annotated[str | None, Header()] = None,
                if_match: Annotated[str | None, Header()] = None) -> Response:
        if idempotency_key is None or idempotency_key.strip() != body.command_id:
            raise ProblemError(422, "the Idempotency-Key header must equal command_id",
                               type_=INVALID)
        if if_match is None:
            raise ProblemError(428, "send If-Match with the application's version",
                               type_="urn:resursi:problem:precondition-required")
        version = parse_etag(if_match)
        if version is None or version != body.base_version:
            raise ProblemError(422, "If-Match must be the ETag of base_version",
                               type_=INVALID)
        return _answer(state.command(who, application_id, body))

    @app.post("/v1/institutions/{institution_id}/commands:batch",
              response_model=BatchResponse, tags=["commands"])
    def batch(institution_id: str, body: BatchRequest, who: Staff) -> Response:
        text = state.batch(who, institution_id,
                           [(c.application_id, c.command) for c in body.commands])
        return Response(text, media_type=JSON)

    # -- catalogue and settings -----------------------------------------------------------------
    @app.get("/v1/institutions/{institution_id}/items/{item_id}", response_model=ItemWire,
             tags=["catalogue"])
    def get_item(institution_id: str, item_id: str, who: Staff) -> Response:
        item = state.get_item(who, institution_id, item_id)
        return _model(item, version=item.version)

    @app.put("/v1/institutions/{institution_id}/items/{item_id}", response_model=ItemWire,
             tags=["catalogue"])
    def put_item(institution_id: str, item_id: str, body: ItemUpsert, who: Staff,
                 if_match: Annotated[str | None, Header()] = None,
                 if_none_match: Annotated[str | None, Header()] = None) -> Response:
        status, item = state.put_item(who, institution_id, item_id, body, if_match=if_match,
                                      if_none_match=if_none_match)
        headers = {"Location": f"/v1/institutions/{institution_id}/items/{item_id}"}
        return _model(item, status, version=item.version,
                      headers=headers if status == 201 else None)

    @app.post("/v1/institutions/{institution_id}/items/{item_id}/status",
              response_model=ItemWire, tags=["catalogue"])
    def item_status(institution_id: str, item_id: str, body: ItemStatusChange, who: Staff,
                    if_match: Annotated[str | None, Header()] = None) -> Response:
        item = state.change_item_status(who, institution_id, item_id, body, if_match=if_match)
        return _model(item, version=item.version)

    @app.get("/v1/institutions/{institution_id}/offered-kinds/{offered_kind_id}",
             response_model=OfferedKindWire, tags=["catalogue"])
    def get_offered(institution_id: str, offered_kind_id: str, who: Staff) -> Response:
        offered = state.get_offered_kind(who, institution_id, offered_kind_id)
        return _model(offered, version=offered.version)

    @app.patch("/v1/institutions/{institution_id}/offered-kinds/{offered_kind_id}",
               response_model=OfferedKindWire, tags=["catalogue"])
    def patch_offered(institution_id: str, offered_kind_id: str, body: OfferedKindPatch,
                      who: Staff, if_match: Annotated[str | None, Header()] = None) -> Response:
        offered = state.patch_offered_kind(who, institution_id, offered_kind_id, body,
                                           if_match=if_match)
        return _model(offered, version=offered.version)

    @app.get("/v1/institutions/{institution_id}/settings", response_model=InstitutionWire,
             tags=["catalogue"])
    def get_settings(institution_id: str, who: Staff) -> Response:
        inst = state.get_settings(who, institution_id)
        return _model(inst, version=inst.version)

    @app.put("/v1/institutions/{institution_id}/settings", response_model=InstitutionWire,
             tags=["catalogue"])
    def put_settings(institution_id: str, body: InstitutionSettings, who: Staff,
                     if_match: Annotated[str | None, Header()] = None) -> Response:
        inst = state.put_settings(who, institution_id, body, if_match=if_match)
        return _model(inst, version=inst.version)

    # -- the applicant (the e-service, simulated; no staff token) -------------------------------
    @app.post("/v1/applicant/applications", response_model=ApplicationWire, status_code=201,
              tags=["applicant"])
    def applicant_submit(body: ApplicantSubmission) -> Response:
        application = state.applicant_submit(body)
        return _model(application, 201, version=application.version,
                      headers={"Location": f"/e-service/applications/{application.id}"})

    @app.post("/v1/applicant/applications/{application_id}/withdraw",
              response_model=ApplicationWire, tags=["applicant"])
    def applicant_withdraw(application_id: int, body: ApplicantWithdrawal) -> Response:
        application = state.applicant_withdraw(application_id, body)
        return _model(application, version=application.version)

    @app.put("/v1/applicant/applications/{application_id}/contact",
             response_model=ApplicationWire, tags=["applicant"])
    def applicant_contact(application_id: int, body: Contact) -> Response:
        application = state.applicant_contact(application_id, body)
        return _model(application, version=application.version)

    @app.post("/v1/applicant/applications/{application_id}/incident",
              response_model=ApplicationWire, tags=["applicant"])
    def applicant_incident(application_id: int, body: ApplicantIncident) -> Response:
        application = state.applicant_incident(application_id, body)
        return _model(application, version=application.version)

    def _kind_label(code: str) -> str:
        return next((k.label_lv for k in state.resource_kinds() if k.code == code), code)

    def _receipt_page(application_id: int) -> HTMLResponse:
        found = state.find_application(application_id)
        if found is None:
            return HTMLResponse(eservice.not_found_page(application_id), status_code=404)
        offered = state.offered_kind_for(found.institution_id, found.kind_code)
        prepared = next((h for h in found.handovers if h.status.value == "prepared"), None)
        item = state.find_item(prepared.item_id) if prepared and prepared.item_id else None
        return HTMLResponse(eservice.application_page(
            found, _kind_label(found.kind_code), list(offered.documents) if offered else [],
            item))

    @app.get("/e-service/applications/{application_id}", response_class=HTMLResponse,
             tags=["e-service"])
    def receipt_page(application_id: int) -> HTMLResponse:
        """The page the QR code opens on the applicant's phone."""
        return _receipt_page(application_id)

    @app.post("/e-service/applications/{application_id}/confirm-receipt",
              response_class=HTMLResponse, tags=["e-service"])
    async def confirm_receipt(application_id: int, request: Request) -> HTMLResponse:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"),
                              keep_blank_values=True))

        def run() -> HTMLResponse:
            found = state.find_application(application_id)
            if found is None:
                return HTMLResponse(eservice.not_found_page(application_id), status_code=404)
            label = _kind_label(found.kind_code)
            try:
                done = state.confirm_receipt(application_id, form.get("handover_id") or None)
            except ProblemError as exc:
                if exc.status != 409:
                    raise
                return HTMLResponse(eservice.refused_page(found, label), status_code=409)
            return HTMLResponse(eservice.confirmed_page(done, label))

        return await run_in_threadpool(run)

    # -- dev controls ---------------------------------------------------------------------------
    @app.get("/_dev/health", tags=["dev"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/_dev/faults", response_model=list[FaultRule], tags=["dev"])
    def list_faults() -> list[FaultRule]:
        return faults.rules()

    @app.post("/_dev/faults", response_model=list[FaultRule], status_code=201, tags=["dev"])
    def add_fault(rule: FaultRule) -> list[FaultRule]:
        faults.add_rule(rule)
        return faults.rules()

    @app.delete("/_dev/faults", status_code=204, tags=["dev"])
    def clear_faults() -> Response:
        faults.clear()
        return Response(status_code=204)

    @app.post("/_dev/expire-cursors", tags=["dev"])
    def expire_cursors() -> dict[str, int]:
        return {"floor": state.expire_cursors()}

    @app.post("/_dev/expire-tokens", status_code=204, tags=["dev"])
    def expire_tokens() -> Response:
        state.expire_tokens()
        return Response(status_code=204)

    @app.post("/_dev/retention/{application_id}", tags=["dev"])
    def retention(application_id: int) -> Response:
        return Response(state.delete_application(application_id), media_type=JSON)

    return app


class OAuthErrorBody(BaseModel):
    """RFC 6749 §5.2 error body of the token endpoint."""

    error: str
    error_description: str | None = None
