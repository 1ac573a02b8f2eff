"""Open data of the taxonomy: Action Lines, SDGs and matrix links."""

from rest_framework import generics, serializers

from ..models import SDG, ActionLine, MatrixLink


class ActionLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionLine
        fields = ["code", "number", "title"]


class SDGSerializer(serializers.ModelSerializer):
    class Meta:
        model = SDG
        fields = ["number", "title", "colour"]


class MatrixLinkSerializer(serializers.ModelSerializer):
    action_line = serializers.CharField(source="action_line.code")
    sdg = serializers.IntegerField(source="sdg.number")

    class Meta:
        model = MatrixLink
        fields = ["action_line", "sdg", "rationale", "source", "evidence"]


class ActionLineList(generics.ListAPIView):
    queryset = ActionLine.objects.all()
    serializer_class = ActionLineSerializer
    pagination_class = None


class SDGList(generics.ListAPIView):
    queryset = SDG.objects.all()
    serializer_class = SDGSerializer
    pagination_class = None


class MatrixLinkList(generics.ListAPIView):
    queryset = MatrixLink.objects.select_related("action_line", "sdg")
    serializer_class = MatrixLinkSerializer
