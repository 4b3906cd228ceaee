"""The catalogue: items, the kinds a school offers, and the school's settings (ETag/If-Match)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import Response

from sync.devserver.routes.auth import Staff
from sync.devserver.routes.common import State, model_response
from sync.devserver.state import InstitutionSettings
from sync.protocol import (
    InstitutionWire,
    ItemStatusChange,
    ItemUpsert,
    ItemWire,
    OfferedKindPatch,
    OfferedKindWire,
    SchoolSettingsPatch,
)

router = APIRouter(tags=["catalogue"])


@router.get("/v1/institutions/{institution_id}/items/{item_id}", response_model=ItemWire)
def get_item(institution_id: str, item_id: str, who: Staff, state: State) -> Response:
    item = state.get_item(who, institution_id, item_id)
    return model_response(item, version=item.version)


@router.put("/v1/institutions/{institution_id}/items/{item_id}", response_model=ItemWire)
def put_item(institution_id: str, item_id: str, body: ItemUpsert, who: Staff, state: State,
             if_match: Annotated[str | None, Header()] = None,
             if_none_match: Annotated[str | None, Header()] = None) -> Response:
    status, item = state.put_item(who, institution_id, item_id, body, if_match=if_match,
                                  if_none_match=if_none_match)
    headers = {"Location": f"/v1/institutions/{institution_id}/items/{item_id}"}
    return model_response(item, status, version=item.version,
                          headers=headers if status == 201 else None)


@router.post("/v1/institutions/{institution_id}/items/{item_id}/status",
             response_model=ItemWire)
def item_status(institution_id: str, item_id: str, body: ItemStatusChange, who: Staff,
                state: State, if_match: Annotated[str | None, Header()] = None) -> Response:
    item = state.change_item_status(who, institution_id, item_id, body, if_match=if_match)
    return model_response(item, version=item.version)


@router.get("/v1/institutions/{institution_id}/offered-kinds/{offered_kind_id}",
            response_model=OfferedKindWire)
def get_offered(institution_id: str, offered_kind_id: str, who: Staff,
                state: State) -> Response:
    offered = state.get_offered_kind(who, institution_id, offered_kind_id)
    return model_response(offered, version=offered.version)


@router.patch("/v1/institutions/{institution_id}/offered-kinds/{offered_kind_id}",
              response_model=OfferedKindWire)
def patch_offered(institution_id: str, offered_kind_id: str, body: OfferedKindPatch,
                  who: Staff, state: State,
                  if_match: Annotated[str | None, Header()] = None) -> Response:
    offered = state.patch_offered_kind(who, institution_id, offered_kind_id, body,
                                       if_match=if_match)
    return model_response(offered, version=offered.version)


@router.get("/v1/institutions/{institution_id}/settings", response_model=InstitutionWire)
def get_settings(institution_id: str, who: Staff, state: State) -> Response:
    inst = state.get_settings(who, institution_id)
    return model_response(inst, version=inst.version)


@router.patch("/v1/institutions/{institution_id}/settings", response_model=InstitutionWire)
def patch_settings(institution_id: str, body: SchoolSettingsPatch, who: Staff, state: State,
                   if_match: Annotated[str | None, Header()] = None) -> Response:
    inst = state.patch_settings(who, institution_id, body, if_match=if_match)
    return model_response(inst, version=inst.version)


@router.put("/v1/institutions/{institution_id}/settings", response_model=InstitutionWire)
def put_settings(institution_id: str, body: InstitutionSettings, who: Staff, state: State,
                 if_match: Annotated[str | None, Header()] = None) -> Response:
    inst = state.put_settings(who, institution_id, body, if_match=if_match)
    return model_response(inst, version=inst.version)
