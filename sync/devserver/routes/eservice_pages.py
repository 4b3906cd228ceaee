"""The e-service's pages on the applicant's phone: sign-in, the application the desk's QR code
opens, and its receipt confirmation.

What keeps a stranger out: a page shows an application only to the person who submitted it
(signed in with the simulated latvija.lv sign-in; anyone else gets the same "not found" as for a
missing one); the confirm form appears only with the receipt token from the desk's QR code for
the prepared handover; the confirmation is a POST that must come from this site (Origin, or
Referer when a browser sends no Origin) and carry the session's CSRF token. The session cookie
is HttpOnly and SameSite=Lax.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl, quote, urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from desktop.models.validation import ValidationError, validate_personal_code
from sync.devserver import eservice
from sync.devserver.applicants import COOKIE, ApplicantSession
from sync.devserver.problems import ProblemError
from sync.devserver.routes.common import ApplicationId, State
from sync.devserver.state import DevState, now_utc, prepared_handover

router = APIRouter(tags=["e-service"])
MAX_FORM = 4096  # bytes: the forms here hold a few short fields
MAX_FIELD = 400  # characters of one field (as the OpenAPI document says)


def _session(request: Request, state: DevState) -> ApplicantSession | None:
    return state.applicant_sessions.find(request.cookies.get(COOKIE))


def same_origin(request: Request) -> bool:
    """Whether a form was posted from this site: its Origin (or, without one, its Referer)
    names this very scheme, host and port. A request naming neither is refused too."""
    own = (request.url.scheme, request.headers.get("host", "").lower())
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed or claimed == "null":
        return False
    parts = urlsplit(claimed)
    return (parts.scheme, parts.netloc.lower()) == own


def safe_next(target: str | None) -> str:
    """Where to go after sign-in: only a page of this e-service (no open redirect)."""
    if target and target.startswith("/e-service/") and not any(
            c in target for c in ("\\", "\r", "\n", "//")):
        return target
    return "/e-service/"


async def _form(request: Request) -> dict[str, str] | None:
    """The posted form's fields; None when one is longer than a field may be."""
    body = await request.body()
    if len(body) > MAX_FORM:
        raise ProblemError(413, "the form is too large")
    form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    return None if any(len(v) > MAX_FIELD for v in form.values()) else form


def _to_sign_in(request: Request) -> RedirectResponse:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/e-service/sign-in?next={quote(here, safe='')}", status_code=303)


@router.get("/e-service/", response_class=HTMLResponse)
def home(request: Request, state: State) -> Response:
    """Where a sign-in without a destination lands: whose session this is."""
    session = _session(request, state)
    if session is None:
        return _to_sign_in(request)
    return HTMLResponse(eservice.my_applications_page(
        state.applications_submitted_by(session.personal_code)))


@router.get("/e-service/sign-in", response_class=HTMLResponse)
def sign_in_page(next_: Annotated[str | None, Query(alias="next", max_length=400)] = None
                 ) -> HTMLResponse:
    return HTMLResponse(eservice.sign_in_page(safe_next(next_)))


@router.post("/e-service/sign-in", response_class=HTMLResponse)
async def sign_in(request: Request, state: State) -> Response:
    form = await _form(request)
    if form is None:
        return HTMLResponse(eservice.sign_in_page("/e-service/", eservice.INVALID_FORM_LV),
                            status_code=422)
    target = safe_next(form.get("next"))
    if not same_origin(request):
        return HTMLResponse(eservice.forbidden_page(), status_code=403)
    try:
        code = validate_personal_code(form.get("personal_code", ""))
    except ValidationError as exc:
        return HTMLResponse(eservice.sign_in_page(target, exc.message_lv), status_code=422)
    token, _ = state.applicant_sessions.sign_in(code)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token, max_age=state.applicant_sessions.ttl, path="/e-service",
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return response


def _kind_label(state: DevState, code: str) -> str:
    return next((k.label_lv for k in state.resource_kinds() if k.code == code), code)


@router.get("/e-service/applications/{application_id}", response_class=HTMLResponse)
def receipt_page(application_id: ApplicationId, request: Request, state: State,
                 receipt: Annotated[str | None, Query(max_length=100)] = None) -> Response:
    """The page the QR code opens on the applicant's phone (after signing in)."""
    session = _session(request, state)
    if session is None:
        return _to_sign_in(request)
    try:
        found = state.submitted_by(application_id, session.personal_code)
    except ProblemError:
        return HTMLResponse(eservice.not_found_page(application_id), status_code=404)
    offered = state.offered_kind_for(found.institution_id, found.kind_code)
    prepared = prepared_handover(found)
    item = state.find_item(prepared.item_id) if prepared and prepared.item_id else None
    return HTMLResponse(eservice.application_page(
        found, _kind_label(state, found.kind_code),
        eservice.to_acknowledge(offered.documents if offered else [], now_utc().date()), item,
        receipt=receipt, csrf=session.csrf))


@router.get("/e-service/documents/{document_id}", response_class=HTMLResponse)
def document_page(document_id: Annotated[str, Path(min_length=36, max_length=36)],
                  state: State) -> HTMLResponse:
    """A document a school wrote (its usage rules), as the applicant reads it: public."""
    for offered in state.offered_kinds():
        for doc in offered.documents:
            if doc.id == document_id and doc.body and doc.doc_type.value != "pna":
                return HTMLResponse(eservice.document_page(doc))
    return HTMLResponse(eservice.not_found_document_page(), status_code=404)


@router.post("/e-service/applications/{application_id}/confirm-receipt",
             response_class=HTMLResponse)
async def confirm_receipt(application_id: ApplicationId, request: Request,
                          state: State) -> HTMLResponse:
    form = await _form(request)
    if form is None:
        return HTMLResponse(eservice.forbidden_page(eservice.INVALID_FORM_LV), status_code=422)
    session = _session(request, state)
    if session is None:
        return HTMLResponse(eservice.signed_out_page(application_id), status_code=401)
    if not same_origin(request) or not session.csrf_matches(form.get("csrf")):
        return HTMLResponse(eservice.forbidden_page(), status_code=403)

    def run() -> HTMLResponse:
        try:
            found = state.submitted_by(application_id, session.personal_code)
        except ProblemError:
            return HTMLResponse(eservice.not_found_page(application_id), status_code=404)
        label = _kind_label(state, found.kind_code)
        try:
            done = state.confirm_receipt(application_id, form.get("handover_id", ""),
                                         form.get("receipt", ""), session.personal_code)
        except ProblemError as exc:
            if exc.status != 409:
                raise
            return HTMLResponse(eservice.refused_page(found, label, exc.problem.detail_lv),
                                status_code=409)
        return HTMLResponse(eservice.confirmed_page(done, label))

    return await run_in_threadpool(run)
