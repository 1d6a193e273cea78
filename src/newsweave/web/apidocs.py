"""The API reference page, made from the app's own OpenAPI document on the server.

FastAPI's bundled docs pages load their script from a CDN, which this app's
Content-Security-Policy (and its promise of no outside requests) rules out; this page
lists the same operations, parameters and bodies as plain HTML, and /openapi.json serves
the full document for tools.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Field:
    name: str
    where: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    fields: list[Field]
    body_type: str | None
    responses: list[tuple[str, str]]


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if schema.get("format") == "binary" or "contentMediaType" in schema:
        return "file"
    return str(schema.get("type", "any"))


def _body_fields(body: dict[str, Any], components: dict[str, Any]) -> tuple[str, list[Field]]:
    content = body.get("content", {})
    media = next(iter(content), "")
    schema = content.get(media, {}).get("schema", {})
    if "$ref" in schema:
        schema = components.get(str(schema["$ref"]).rsplit("/", 1)[-1], {})
    required = set(schema.get("required", []))
    fields = [
        Field(name, "body", _type(prop), name in required, str(prop.get("description", "")))
        for name, prop in schema.get("properties", {}).items()
    ]
    return media, fields


def operations(openapi: dict[str, Any]) -> list[Operation]:
    """Every operation of the OpenAPI document, in path order."""
    components = openapi.get("components", {}).get("schemas", {})
    found = []
    for path, item in openapi.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            fields = [
                Field(
                    p["name"],
                    p.get("in", ""),
                    _type(p.get("schema", {})),
                    bool(p.get("required")),
                    str(p.get("description", "")),
                )
                for p in operation.get("parameters", [])
            ]
            body_type = None
            if "requestBody" in operation:
                body_type, body_fields = _body_fields(operation["requestBody"], components)
                fields += body_fields
            responses = [
                (code, str(r.get("description", "")))
                for code, r in operation.get("responses", {}).items()
            ]
            found.append(
                Operation(
                    method.upper(),
                    path,
                    str(operation.get("summary", "")),
                    str(operation.get("description", "")),
                    fields,
                    body_type,
                    responses,
                )
            )
    return found


def schemas(openapi: dict[str, Any]) -> list[tuple[str, list[Field]]]:
    """The request models: name and fields."""
    found = []
    for name, schema in openapi.get("components", {}).get("schemas", {}).items():
        required = set(schema.get("required", []))
        fields = [
            Field(key, "", _type(prop), key in required, str(prop.get("description", "")))
            for key, prop in schema.get("properties", {}).items()
        ]
        found.append((name, fields))
    return found
