"""The exceptions newsweave raises. Every message is one line a user can act on."""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class of every error newsweave raises on purpose."""


class InputError(NewsweaveError):
    """An input cannot be read as an article (missing, empty, binary, too large, ...)."""


class NoArticlesError(InputError):
    """Nothing usable was found in any of the inputs."""


class TooMuchText(InputError):
    """More sentences than one digest compares (`newsweave.pipeline.MAX_DIGEST_SENTENCES`)."""


class ConfigError(NewsweaveError):
    """An option has a value newsweave cannot use."""


class MissingDependency(NewsweaveError):
    """An optional package is needed; the message names the pip command that installs it."""
