"""Errors as problem details (RFC 9457, ``application/problem+json``), one schema for all.

The texts are English and fixed: an API client sends no language cookie, and a program
that reads ``detail`` should see the same words tomorrow. Every operation declares its
problem responses in the OpenAPI document (:func:`declare_problems`), so a client (and
schemathesis) can check them against the schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import DomainError

MEDIA_TYPE = "application/problem+json"

log = structlog.get_logger("dialoog.api")


class InvalidParam(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(description='Where: "query.per_page", "path.slug", ...')
    reason: str


class Problem(BaseModel):
    """What went wrong, as RFC 9457 describes it."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field("about:blank", description="Always about:blank: the status says it.")
    title: str = Field(description="The status's name.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong here, in English.")
    instance: str = Field(description="The path that was asked for.")
    invalid_params: list[InvalidParam] = Field(
        default_factory=list, description="For a 422: each parameter that is not valid."
    )


class ProblemResponse(JSONResponse):
    media_type = MEDIA_TYPE


def problem(
    request: Request,
    status: int,
    detail: str,
    *,
    invalid: list[InvalidParam] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    body = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        invalid_params=invalid or [],
    )
    return ProblemResponse(body.model_dump(), status_code=status, headers=dict(headers or {}))


DETAILS = {
    404: "Nothing is published at this address.",
    405: "This address only answers GET.",
}


async def domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)  # noqa: S101 - registered for DomainError only
    # The API raises its domain errors with English messages of its own (app.api.deps).
    return problem(request, exc.status_code, exc.message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)  # noqa: S101
    detail = DETAILS.get(exc.status_code, HTTPStatus(exc.status_code).phrase)
    return problem(request, exc.status_code, detail, headers=exc.headers)


def _where(location: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in location)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)  # noqa: S101
    invalid = [InvalidParam(name=_where(e["loc"]), reason=e["msg"]) for e in exc.errors()]
    return problem(request, 422, "A parameter is not valid.", invalid=invalid)


async def server_error(request: Request, exc: Exception) -> Response:
    log.error("api.unhandled_error", path=request.url.path, exc_info=exc)
    return problem(request, 500, "Something went wrong on our side.")


def install_problem_handlers(api: FastAPI) -> None:
    api.add_exception_handler(DomainError, domain_error)
    api.add_exception_handler(StarletteHTTPException, http_error)
    api.add_exception_handler(RequestValidationError, validation_error)
    api.add_exception_handler(Exception, server_error)


def _problem_content() -> dict[str, Any]:
    return {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}


PROBLEM_RESPONSES = {
    "404": "Not found: no such process or item, or it is not published (yet).",
    "422": "A parameter is not valid; ``invalid_params`` says which and why.",
}


def declare_problems(document: dict[str, Any]) -> dict[str, Any]:
    """Put the problem responses into an OpenAPI document FastAPI made: every operation
    answers 404 and 422 with a Problem, in place of FastAPI's own validation schema."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem_schema.pop("$defs", {}))
    schemas["Problem"] = problem_schema
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in PROBLEM_RESPONSES.items():
                responses[status] = {"description": description, "content": _problem_content()}
    return document
