"""The Jinja2 environment of the pages: templates shipped in the package, every value
autoescaped (article text included), static files addressed with a version for caching."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from newsweave import __version__
from newsweave.number_words import counted
from newsweave.report.disputes import dispute_note
from newsweave.report.markdown import backs_only_note, quoted


def static_url(name: str) -> str:
    """The address of a file in static/, changing with the version so caches refresh."""
    return f"/static/{name}?v={__version__}"


plural = counted  # the templates' filter: "1 story", "20 stories"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsweave", "web/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["static_url"] = static_url
    env.globals["version"] = __version__
    env.filters["plural"] = plural
    env.filters["dispute_note"] = dispute_note
    env.filters["quoted"] = quoted
    env.filters["backs_only_note"] = backs_only_note
    return env


def render(template: str, **context: Any) -> str:
    """The page `template` rendered with `context`."""
    return environment().get_template(template).render(**context)
