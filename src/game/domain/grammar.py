"""Russian that reads as Russian: a name's grammatical gender and its case forms.

A sentence that names a monster, a place or an item needs the name declined ("сражаешься с Гигантской
крысой", "окрестности Эшфорда") and its gender for the words that agree with it ("Старый Клык повержен",
"Гигантская крыса повержена"). Every named entry carries them; the nominative is the name itself.
Forms keep the name's capitals: a text starting a sentence with one needs no special case. Inside a
sentence a common noun ("ржавый меч", "гигантская крыса") is written in lower case by whoever puts it
there; a name marked `proper` (a named blade, a king) keeps its capital everywhere.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from game.domain.content_base import ContentModel

Gender = Literal["m", "f", "n", "pl"]  # masculine, feminine, neuter, or a plural-only name
CASES = ("gen", "dat", "acc", "ins", "pre")
PREPOSITIONS = ("в ", "во ", "на ")


class RuForms(ContentModel):
    gender: Gender
    proper: bool = False  # a proper name ("Вдоводел", "Полый король"): its capital stays mid-sentence
    gen: str = Field(min_length=1)  # родительный: нет кого? чего?
    dat: str = Field(min_length=1)  # дательный: кому? чему?
    acc: str = Field(min_length=1)  # винительный: кого? что?
    ins: str = Field(min_length=1)  # творительный: кем? чем?
    pre: str = Field(min_length=1)  # предложный, without its preposition: о ком? о чём?

    def as_dict(self) -> dict[str, str]:
        return self.model_dump()


class RuPlace(RuForms):
    """A place also says where and whither, since the preposition depends on the place: "в Эшфорде" but
    "на Шепчущих лугах"."""

    at: str = Field(min_length=3)  # где? — "в Эшфорде", "на Шепчущих лугах"
    to: str = Field(min_length=3)  # куда? — "в Эшфорд", "на Шепчущие луга"

    @model_validator(mode="after")
    def _with_preposition(self) -> RuPlace:
        for name in ("at", "to"):
            if not getattr(self, name).startswith(PREPOSITIONS):
                raise ValueError(f"ru.{name} starts with its preposition (в, во or на)")
        return self


def forms_of(forms: RuForms) -> dict[str, str]:
    """Every declined form (not the gender, not whether it is a proper name), by case name."""
    return {name: value for name, value in forms.model_dump().items() if name not in ("gender", "proper")}
