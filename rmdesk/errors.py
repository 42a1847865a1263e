"""Typed errors raised by the core. Each carries a message key from the catalog
(resources/i18n/messages.toml) and its parameters, so the GUI and the CLI can show
it in the user's language; `field` names the input that was wrong, if any."""

from __future__ import annotations


class RmdeskError(Exception):
    """Base of every error meant to be shown to a user (never with a traceback)."""

    def __init__(self, key: str, field: str | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params

    def message(self, lang: str | None = None) -> str:
        from rmdesk.i18n import language, message

        text = message(self.key, lang, **self.params)
        if self.field:
            colon = "：" if (lang or language()) == "zh_CN" else ": "
            # A dotted field names its own label key (calc.last_sales); a bare one is under field.
            label_key = self.field if "." in self.field else f"field.{self.field}"
            return f"{message(label_key, lang)}{colon}{text}"
        # Catalogue texts are written to follow "Field: "; standing alone they are a sentence.
        return text[:1].upper() + text[1:]

    def __str__(self) -> str:
        return self.message("en")


class ValidationError(RmdeskError):
    """Input that breaks a rule; nothing was written."""


class NotFound(RmdeskError):
    """The record asked for does not exist (or is in the trash)."""


class RuleNotMet(RmdeskError):
    """A step move whose exit rule does not hold and that has no override reason."""

    def __init__(self, key: str, unmet: list[str], **params: object) -> None:
        super().__init__(key, None, **params)
        self.unmet = unmet


class StoreError(RmdeskError):
    """The store cannot be opened or used (locked, corrupt, newer schema, ...)."""


class PlaybookError(RmdeskError):
    """A playbook file is broken; names the file and the key."""
