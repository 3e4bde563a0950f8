"""IP ASN table versions: the structured form prefilled from the latest version; an inconsistent table
(weights not adding up to 100) is refused with the Indonesian message and nothing is saved."""

import pytest
from django.urls import reverse

from kinerja.ipasn.models import TabelIpAsn
from kinerja.ipasn.tabel import TabelForm, tabel_terakhir


def _data(**ubah):
    form = TabelForm(dasar=tabel_terakhir())
    data = {name: ("" if f.initial is None else f.initial) for name, f in form.fields.items()}
    data |= {"versi": "Versi uji", "berlaku_mulai": "2030-01-01"}
    return data | ubah


@pytest.mark.django_db
def test_list_shows_the_seeded_version(cast, client_as):
    r = client_as(cast["pegawai"]).get(reverse("ipasn:tabel-list"))
    assert "Sangat Tinggi" in r.content.decode() and "Diklat teknis" in r.content.decode()


@pytest.mark.django_db
def test_superadmin_creates_a_version(cast, client_as):
    n = TabelIpAsn.objects.count()
    r = client_as(cast["superadmin"]).post(reverse("ipasn:tabel-buat"), _data(kualifikasi__S1_D4=17))
    assert r.status_code == 302
    baru = TabelIpAsn.objects.get(berlaku_mulai="2030-01-01")
    assert TabelIpAsn.objects.count() == n + 1 and baru.kualifikasi["S1_D4"] == 17


@pytest.mark.django_db
def test_weights_not_100_refused_and_nothing_saved(cast, client_as):
    n = TabelIpAsn.objects.count()
    r = client_as(cast["superadmin"]).post(reverse("ipasn:tabel-buat"), _data(bobot__disiplin=10))
    assert r.status_code == 200
    assert "Jumlah bobot dimensi harus 100, bukan 105." in r.content.decode()
    assert TabelIpAsn.objects.count() == n


@pytest.mark.django_db
def test_max_points_unequal_to_weight_and_bad_categories_refused(cast, client_as):
    c = client_as(cast["superadmin"])
    r = c.post(reverse("ipasn:tabel-buat"), _data(kualifikasi__S3=24))
    assert "Nilai tertinggi dimensi kualifikasi (24) tidak sama dengan bobotnya (25)." in r.content.decode()
    r = c.post(reverse("ipasn:tabel-buat"), _data(kategori_batas__4=5))
    assert "Batas kategori harus menurun dan berakhir pada 0." in r.content.decode()
    assert not TabelIpAsn.objects.filter(berlaku_mulai="2030-01-01").exists()


@pytest.mark.django_db
def test_berlaku_mulai_unique(cast, client_as):
    tanggal = tabel_terakhir().berlaku_mulai.isoformat()
    r = client_as(cast["superadmin"]).post(reverse("ipasn:tabel-buat"), _data(berlaku_mulai=tanggal))
    assert "Sudah ada versi tabel yang berlaku mulai tanggal ini." in r.content.decode()


@pytest.mark.django_db
def test_analis_cannot_create(cast, client_as):
    r = client_as(cast["analis_sdm"]).post(reverse("ipasn:tabel-buat"), _data())
    assert r.status_code == 403
    assert not TabelIpAsn.objects.filter(berlaku_mulai="2030-01-01").exists()
