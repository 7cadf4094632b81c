"""What every content entry is built from: a strict frozen model, a text in every language, a range."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

LANGUAGES = ("en", "ru")


class ContentModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(ContentModel):
    en: str = Field(min_length=1)
    ru: str = Field(min_length=1)

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "ru": self.ru}


class Range(ContentModel):
    """An inclusive integer range, written `[low, high]` in the files."""

    low: int = Field(ge=0)
    high: int = Field(ge=0)

    @model_validator(mode="before")
    @classmethod
    def _from_pair(cls, value: object) -> object:
        if isinstance(value, list | tuple) and len(value) == 2:
            return {"low": value[0], "high": value[1]}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise ValueError("range low is above high")
        return self
