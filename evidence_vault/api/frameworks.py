"""Assessment frameworks and their indicators through the API: what the vault assesses against."""

from __future__ import annotations

from pydantic import Field

from ..frameworks.model import Framework, Indicator
from ..frameworks.registry import all_frameworks, framework_by_code
from ..records.access import Permission
from .errors import ApiError
from .operations import operation
from .shapes import Answer

TAG = "Kerangka dan indikator"


class IndicatorOut(Answer):
    code: str
    name: str
    aspect: str
    weight: float = Field(description="Bobot dalam persen dari indeks.")
    type: str
    description: str
    kinds: list[str] = Field(description="Jenis dokumen yang cocok untuk indikator ini.")
    levels: list[int] = Field(description="Tingkat yang punya kriteria bukti.")
    external_index: str | None = Field(description="Indeks instansi lain yang menjadi sumber nilainya, bila ada.")

    @classmethod
    def of(cls, indicator: Indicator) -> IndicatorOut:
        return cls(code=indicator.code, name=indicator.name, aspect=indicator.aspect, weight=indicator.weight,
                   type=indicator.type, description=indicator.description, kinds=list(indicator.kinds),
                   levels=[criteria.level for criteria in indicator.criteria],
                   external_index=indicator.index.short if indicator.index else None)


class FrameworkOut(Answer):
    code: str
    name: str
    source: str
    provisional: bool
    fractional: bool
    first_year: int | None
    last_year: int | None
    levels: dict[str, str] = Field(description="Nama setiap tingkat, menurut nilainya.")
    indicators: list[IndicatorOut]

    @classmethod
    def of(cls, framework: Framework) -> FrameworkOut:
        return cls(code=framework.code, name=framework.name, source=framework.source,
                   provisional=framework.provisional, fractional=framework.fractional,
                   first_year=framework.first_year, last_year=framework.last_year,
                   levels={str(level.value): level.name for level in framework.levels},
                   indicators=[IndicatorOut.of(item) for item in framework.indicators])


class Frameworks(Answer):
    items: list[FrameworkOut]


@operation("GET", "/frameworks", summary="Kerangka penilaian yang tersedia, dengan indikatornya", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=Frameworks)
def list_frameworks() -> Frameworks:
    return Frameworks(items=[FrameworkOut.of(item) for item in all_frameworks()])


@operation("GET", "/frameworks/<code>", summary="Satu kerangka penilaian dengan indikatornya", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=FrameworkOut)
def get_framework(code: str) -> FrameworkOut:
    try:
        return FrameworkOut.of(framework_by_code(code))
    except KeyError:
        raise ApiError("not_found") from None
