"""Template context shared by every page: the user's roles for the navigation."""

from .access import akses_of


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"akses": akses_of(user)}
