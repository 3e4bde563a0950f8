from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class KinerjaBackend(ModelBackend):
    """ModelBackend that loads the user's pegawai record with the user: every page needs it (roles,
    navigation), so it comes in the same query rather than a second one."""

    def get_user(self, user_id):
        try:
            user = get_user_model()._default_manager.select_related("pegawai").get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
