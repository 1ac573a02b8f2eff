"""The base every app builds on: the WSIS taxonomy (Action Lines, SDGs, building blocks),
the Action Line-SDG matrix and the ITU regions. Its models (ActionLine, SDG, MatrixLink) are in
``forum.base.models``, imported by ``forum.models``."""
