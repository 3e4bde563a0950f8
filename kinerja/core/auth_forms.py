from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NipAuthenticationForm(AuthenticationForm):
    """Login with the NIP (spaces allowed, as it is often written) and a password."""

    username = forms.CharField(
        label=_("NIP"),
        max_length=40,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "inputmode": "numeric"}),
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("NIP atau kata sandi salah. Periksa kembali lalu coba lagi."),
        "inactive": _("Akun ini tidak aktif. Hubungi admin kepegawaian."),
    }

    def clean_username(self):
        return "".join(self.cleaned_data["username"].split())


class NipPasswordResetForm(PasswordResetForm):
    """Reset by NIP or e-mail; the link goes to the account's e-mail address (synced from Pegawai)."""

    email = forms.CharField(label=_("NIP atau email"), max_length=254)

    def get_users(self, email):
        value = email.strip()
        nip = "".join(value.split())
        users = (
            get_user_model()
            ._default_manager.filter(Q(username=nip) | Q(email__iexact=value), is_active=True)
            .exclude(email="")
        )
        return (u for u in users if u.has_usable_password())


def axes_username(request, credentials) -> str:
    """The NIP that django-axes counts failures against: spaces removed, as the login form does."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return "".join(str(raw).split())
