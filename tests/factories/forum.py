import factory

from forum.models import SDG, ActionLine, MatrixLink


def action_line(code: str = "C1") -> ActionLine:
    return ActionLine.objects.get(code=code)


def sdg(number: int = 1) -> SDG:
    return SDG.objects.get(number=number)


class MatrixLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatrixLink
        django_get_or_create = ("action_line", "sdg")

    action_line = factory.LazyFunction(lambda: action_line("C2"))
    sdg = factory.LazyFunction(lambda: sdg(9))
    rationale = "Infrastructure enables innovation."
    source = "WSIS Action Lines Supporting Implementation of the SDGs (ITU, 2016)"
    evidence = "documented"
