"""The base every app builds on: the WSIS taxonomy (Action Lines, SDGs, building blocks),
the Action Line-SDG matrix and the ITU regions. Its models are ``forum.models``' ActionLine,
SDG and MatrixLink."""
