"""Notifications: a row per recipient in the app, and an e-mail sent by a background task."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task

from .models import Notifikasi


@task
def kirim_email(alamat: str, judul: str, pesan: str) -> None:
    send_mail(f"[Kinerja] {judul}", pesan, settings.DEFAULT_FROM_EMAIL, [alamat])


def beri_tahu(users, judul: str, pesan: str = "", url: str = "") -> list[Notifikasi]:
    """Notifies each user in the app, and by e-mail after the surrounding transaction commits."""
    users = [u for u in users if u is not None]
    rows = Notifikasi.objects.bulk_create(
        Notifikasi(user=u, judul=judul, pesan=pesan, url=url) for u in users
    )
    for user in users:
        if user.email:
            body = f"{pesan}\n\n{url}" if url else pesan
            transaction.on_commit(lambda a=user.email, b=body: kirim_email.enqueue(a, judul, b))
    return rows
