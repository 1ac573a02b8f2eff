import factory

from forum.enums import FacilitatorRole
from forum.models import SDG, ActionLine, ActionLineFacilitator, FacilitationSource, MatrixLink


def action_line(code: str = "C1") -> ActionLine:
    return ActionLine.objects.get(code=code)


def sdg(number: int = 1) -> SDG:
    return SDG.objects.get(number=number)


def sourced_role(
    code: str,
    agency: str,
    role: str = FacilitatorRole.LEAD,
    *,
    source_title: str = "Test facilitation report",
    locator: str = "Annex, table 1",
) -> ActionLineFacilitator:
    """A facilitation role of ``agency`` (the acronym as a source prints it) in ``code``."""
    source, _ = FacilitationSource.objects.get_or_create(
        title=source_title, defaults={"publisher": "ITU", "symbol": "TEST/1"}
    )
    return ActionLineFacilitator.objects.create(
        action_line=action_line(code),
        agency=agency,
        agency_name=f"The {agency} agency",
        role=role,
        source=source,
        locator=locator,
    )


class MatrixLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatrixLink
        django_get_or_create = ("action_line", "sdg")

    action_line = factory.LazyFunction(lambda: action_line("C2"))
    sdg = factory.LazyFunction(lambda: sdg(9))
    rationale = "Infrastructure enables innovation."
    source = "WSIS Action Lines Supporting Implementation of the SDGs (ITU, 2016)"
    evidence = "documented"
