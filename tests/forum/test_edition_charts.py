"""Edition figures drawn as bar charts: participants by stakeholder type and by ITU region."""

import re

import pytest

from forum.enums import RegistrationStatus
from tests.factories.forum_programme import EditionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_edition_page_charts_participants_by_stakeholder_type_and_region(client):
    edition = EditionFactory()
    for country, kind in [("KE", "civil_society"), ("NG", "civil_society"), ("FR", "government")]:
        RegistrationFactory(
            edition=edition,
            country=country,
            stakeholder_type=kind,
            status=RegistrationStatus.CONFIRMED,
        )
    html = client.get(f"/forum/{edition.year}/").content.decode()
    assert html.count('role="img"') == 2
    descs = re.findall(r"<desc[^>]*>(.*?)</desc>", html)
    assert any("Civil Society: 2" in d and "Government: 1" in d for d in descs)
    assert any("Africa: 2" in d and "Europe: 1" in d for d in descs)
    assert "Participants by ITU region: Africa leads with 2" in html
    assert html.count('<details class="data-table">') == 2
