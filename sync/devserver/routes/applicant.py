"""The applicant's side of the e-service (simulated), as JSON: sign-in, then submit, withdraw,
change the contact, report an incident, only on applications the signed-in person submitted.

Staff tokens do not work here and applicant tokens do not work on the staff API: they are kept
in separate stores. The HTML pages the QR code opens are in ``routes.eservice_pages``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header
from fastapi.responses import Response

from desktop.models.validation import (
    ValidationError,
    validate_email,
    validate_personal_code,
    validate_phone,
)
from sync.devserver.applicants import ApplicantSession
from sync.devserver.problems import INVALID, UNAUTHORIZED, ProblemError
from sync.devserver.routes.common import ApplicationId, State, model_response
from sync.devserver.state import without_receipt_tokens
from sync.protocol import (
    ApplicantIncident,
    ApplicantSignIn,
    ApplicantSubmission,
    ApplicantToken,
    ApplicantWithdrawal,
    ApplicationWire,
    Contact,
    DuplicateCheck,
    DuplicateFound,
)

router = APIRouter()


def applicant(state: State,
              authorization: Annotated[str | None, Header()] = None) -> ApplicantSession:
    """The signed-in applicant of a request (``Authorization: Bearer``), or 401."""
    scheme, _, token = (authorization or "").partition(" ")
    session = (state.applicant_sessions.find(token.strip())
               if scheme.lower() == "bearer" else None)
    if session is None:
        raise ProblemError(401, "sign in to the e-service first", type_=UNAUTHORIZED,
                           headers={"WWW-Authenticate": 'Bearer realm="e-service"'})
    return session


#: A parameter of this type makes a route the signed-in applicant's (401 without).
Applicant = Annotated[ApplicantSession, Depends(applicant)]


def signed_in_code(value: str) -> str:
    """A personal code as sign-in takes it (its check digit checked), or 422 naming it."""
    try:
        return validate_personal_code(value)
    except ValidationError as exc:
        raise ProblemError(422, "the personal code is not valid", type_=INVALID, errors=[
            {"loc": ["personal_code"], "msg": exc.message_en, "msg_lv": exc.message_lv,
             "type": "value_error"}]) from exc


@router.post("/v1/applicant/sign-in", response_model=ApplicantToken, tags=["applicant"])
def applicant_sign_in(body: ApplicantSignIn, state: State) -> Response:
    """The simulated latvija.lv sign-in: a bearer token for this person's applications."""
    token, _ = state.applicant_sessions.sign_in(signed_in_code(body.personal_code))
    return model_response(ApplicantToken(access_token=token,
                                         expires_in=state.applicant_sessions.ttl))


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
def applicant_submit(body: ApplicantSubmission, state: State, who: Applicant) -> Response:
    application = state.applicant_submit(_checked(body), who.personal_code)
    return model_response(application, 201, version=application.version,
                          headers={"Location": f"/e-service/applications/{application.id}"})


@router.post("/v1/applicant/applications/check-duplicate", response_model=DuplicateFound,
             tags=["applicant"])
def check_duplicate(body: DuplicateCheck, state: State, _who: Applicant) -> Response:
    """The register's checkDuplicate: 200 with the school of the learner's open application
    for the kind, 404 when there is none."""
    return model_response(state.check_duplicate(body))


@router.post("/v1/applicant/applications/{application_id}/withdraw",
             response_model=ApplicationWire, tags=["applicant"])
def applicant_withdraw(application_id: ApplicationId, body: ApplicantWithdrawal,
                       state: State, who: Applicant) -> Response:
    application = state.applicant_withdraw(application_id, body, who.personal_code)
    return model_response(without_receipt_tokens(application), version=application.version)


@router.put("/v1/applicant/applications/{application_id}/contact",
            response_model=ApplicationWire, tags=["applicant"])
def applicant_contact(application_id: ApplicationId, body: Contact, state: State,
                      who: Applicant) -> Response:
    application = state.applicant_contact(application_id, body, who.personal_code)
    return model_response(without_receipt_tokens(application), version=application.version)


@router.post("/v1/applicant/applications/{application_id}/incident",
             response_model=ApplicationWire, tags=["applicant"])
def applicant_incident(application_id: ApplicationId, body: ApplicantIncident,
                       state: State, who: Applicant) -> Response:
    application = state.applicant_incident(application_id, body, who.personal_code)
    return model_response(without_receipt_tokens(application), version=application.version)
