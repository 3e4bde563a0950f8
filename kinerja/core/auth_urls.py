from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .auth_forms import NipAuthenticationForm, NipPasswordResetForm

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            authentication_form=NipAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("kata-sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("kata-sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "lupa-kata-sandi/",
        auth_views.PasswordResetView.as_view(form_class=NipPasswordResetForm),
        name="password_reset",
    ),
    path("lupa-kata-sandi/terkirim/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "atur-ulang/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("password_reset_complete")),
        name="password_reset_confirm",
    ),
    path(
        "atur-ulang/selesai/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
]
