import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Documents of the runs go to a temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path
