"""The applicant's side (the e-service, simulated; no staff token): the JSON actions, and the
HTML receipt page the QR code opens with its confirmation form."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from desktop.models.validation import (
    ValidationError,
    validate_email,
    validate_personal_code,
    validate_phone,
)
from sync.devserver import eservice
from sync.devserver.problems import INVALID, ProblemError
from sync.devserver.routes.common import ApplicationId, State, model_response
from sync.devserver.state import DevState, now_utc
from sync.protocol import (
    ApplicantIncident,
    ApplicantSubmission,
    ApplicantWithdrawal,
    ApplicationWire,
    Contact,
    DuplicateCheck,
    DuplicateFound,
)

router = APIRouter()


def _checked(body: ApplicantSubmission) -> ApplicantSubmission:
    """The submission as the e-service would pass it on: personal codes by their check digit,
    the phone and e-mail by the field's rules, normalised (+371…, lower-case domain).

    Every field in error is named with the reason in both languages; no input is echoed (a
    personal code is personal data).
    """
    errors: list[dict[str, object]] = []
    contact = body.contact.model_dump()
    checks = [(("submitter", "personal_code"), body.submitter.personal_code,
               validate_personal_code),
              (("learner", "personal_code"), body.learner.personal_code,
               validate_personal_code)]
    for field, check in (("phone", validate_phone), ("email", validate_email)):
        if contact[field] is not None:
            checks.append((("contact", field), contact[field], check))
    for loc, value, check in checks:
        try:
            normal = check(value)
        except ValidationError as exc:
            errors.append({"loc": list(loc), "msg": exc.message_en, "msg_lv": exc.message_lv,
                           "type": "value_error"})
            continue
        if loc[0] == "contact":
            contact[loc[1]] = normal
    if errors:
        raise ProblemError(422, "the submission has fields in error", type_=INVALID,
                           errors=errors)
    return body.model_copy(update={"contact": type(body.contact)(**contact)})


@router.post("/v1/applicant/applications", response_model=ApplicationWire, status_code=201,
             tags=["applicant"])
def applicant_submit(body: ApplicantSubmission, state: State) -> Response:
    application = state.applicant_submit(_checked(body))
    return model_response(application, 201, version=application.version,
                          headers={"Location": f"/e-service/applications/{application.id}"})


@router.post("/v1/applicant/applications/check-duplicate", response_model=DuplicateFound,
             tags=["applicant"])
def check_duplicate(body: DuplicateCheck, state: State) -> Response:
    """The register's checkDuplicate: 200 with the school of the learner's open application
    for the kind, 404 when there is none."""
    return model_response(state.check_duplicate(body))


@router.post("/v1/applicant/applications/{application_id}/withdraw",
             response_model=ApplicationWire, tags=["applicant"])
def applicant_withdraw(application_id: ApplicationId, body: ApplicantWithdrawal,
                       state: State) -> Response:
    application = state.applicant_withdraw(application_id, body)
    return model_response(application, version=application.version)


@router.put("/v1/applicant/applications/{application_id}/contact",
            response_model=ApplicationWire, tags=["applicant"])
def applicant_contact(application_id: ApplicationId, body: Contact, state: State) -> Response:
    application = state.applicant_contact(application_id, body)
    return model_response(application, version=application.version)


@router.post("/v1/applicant/applications/{application_id}/incident",
             response_model=ApplicationWire, tags=["applicant"])
def applicant_incident(application_id: ApplicationId, body: ApplicantIncident,
                       state: State) -> Response:
    application = state.applicant_incident(application_id, body)
    return model_response(application, version=application.version)


def _kind_label(state: DevState, code: str) -> str:
    return next((k.label_lv for k in state.resource_kinds() if k.code == code), code)


def _receipt_page(state: DevState, application_id: ApplicationId) -> HTMLResponse:
    found = state.find_application(application_id)
    if found is None:
        return HTMLResponse(eservice.not_found_page(application_id), status_code=404)
    offered = state.offered_kind_for(found.institution_id, found.kind_code)
    prepared = next((h for h in found.handovers if h.status.value == "prepared"), None)
    item = state.find_item(prepared.item_id) if prepared and prepared.item_id else None
    return HTMLResponse(eservice.application_page(
        found, _kind_label(state, found.kind_code),
        eservice.to_acknowledge(offered.documents if offered else [], now_utc().date()), item))


@router.get("/e-service/documents/{document_id}", response_class=HTMLResponse,
            tags=["e-service"])
def document_page(document_id: Annotated[str, Path(min_length=36, max_length=36)],
                  state: State) -> HTMLResponse:
    """A document a school wrote (its usage rules), as the applicant reads it."""
    for offered in state.offered_kinds():
        for doc in offered.documents:
            if doc.id == document_id and doc.body and doc.doc_type.value != "pna":
                return HTMLResponse(eservice.document_page(doc))
    return HTMLResponse(eservice.not_found_document_page(), status_code=404)


@router.get("/e-service/applications/{application_id}", response_class=HTMLResponse,
            tags=["e-service"])
def receipt_page(application_id: ApplicationId, state: State) -> HTMLResponse:
    """The page the QR code opens on the applicant's phone."""
    return _receipt_page(state, application_id)


@router.post("/e-service/applications/{application_id}/confirm-receipt",
             response_class=HTMLResponse, tags=["e-service"])
async def confirm_receipt(application_id: ApplicationId, request: Request,
                          state: State) -> HTMLResponse:
    form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"),
                          keep_blank_values=True))

    def run() -> HTMLResponse:
        found = state.find_application(application_id)
        if found is None:
            return HTMLResponse(eservice.not_found_page(application_id), status_code=404)
        label = _kind_label(state, found.kind_code)
        try:
            done = state.confirm_receipt(application_id, form.get("handover_id") or None)
        except ProblemError as exc:
            if exc.status != 409:
                raise
            return HTMLResponse(eservice.refused_page(found, label), status_code=409)
        return HTMLResponse(eservice.confirmed_page(done, label))

    return await run_in_threadpool(run)
