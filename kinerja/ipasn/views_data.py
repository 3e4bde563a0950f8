"""Pages of the IP ASN data: "Data IP ASN saya", the Analis SDM's per-pegawai pages and verification
queue, and the permission-checked download of a data dukung."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.access import akses_of
from kinerja.penilaian.workflow import WorkflowError

from . import data as layanan
from . import selectors_data as selectors
from .forms_data import FORMS, CariPegawaiForm, VerifikasiForm


def _jenis(kode: str):
    if kode not in layanan.JENIS_DATA:
        raise Http404
    return layanan.JENIS_DATA[kode]


def _pegawai_saya(request):
    pegawai = akses_of(request.user).pegawai
    if pegawai is None:
        raise Http404(_("Akun ini tidak terhubung dengan data pegawai."))
    return pegawai


def _pegawai_dikelola(request, pk: int):
    """404 outside the user's scope; 403 when he sees the pegawai but does not administer them."""
    from kinerja.organisasi.selectors import dapat_melihat

    pegawai = selectors.pegawai_admin(request.user, pk)
    if pegawai is not None:
        return pegawai
    from kinerja.organisasi.models import Pegawai

    lain = Pegawai.objects.filter(pk=pk).first()
    if lain is not None and dapat_melihat(request.user, lain):
        raise PermissionDenied(_("Hanya Analis SDM instansi pegawai ini yang dapat mengelola datanya."))
    raise Http404


def _kembali(request, obj_or_pegawai) -> str:
    pegawai_id = getattr(obj_or_pegawai, "pegawai_id", None) or obj_or_pegawai.pk
    akses = akses_of(request.user)
    if akses.pegawai and akses.pegawai.pk == pegawai_id:
        return reverse("ipasn:data-saya")
    return reverse("ipasn:data-pegawai", args=[pegawai_id])


def _halaman_data(request, pegawai, *, sendiri: bool):
    return render(
        request,
        "ipasn/data_pegawai.html",
        {
            "pegawai": pegawai,
            "sendiri": sendiri,
            "langsung": layanan.langsung(request.user, pegawai),
            "bagian": [(layanan.JENIS_DATA[k], rows) for k, rows in selectors.data_pegawai(pegawai).items()],
        },
    )


@login_required
def saya(request):
    return _halaman_data(request, _pegawai_saya(request), sendiri=True)


@login_required
def pegawai_list(request):
    if not akses_of(request.user).is_admin:
        raise PermissionDenied(_("Halaman ini untuk Analis SDM (admin instansi)."))
    form = CariPegawaiForm(request.GET)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    page = selectors.daftar_pegawai(request.user, q, request.GET.get("page", 1))
    return render(request, "ipasn/data_pegawai_list.html", {"page": page, "form": form, "q": q})


@login_required
def pegawai_detail(request, pk: int):
    return _halaman_data(request, _pegawai_dikelola(request, pk), sendiri=False)


def _form_page(request, *, kode, pegawai, obj=None):
    jenis = _jenis(kode)
    FormClass = FORMS[kode]
    langsung = layanan.langsung(request.user, pegawai)
    berkas_wajib = obj is None and not langsung
    form = FormClass(request.POST or None, request.FILES or None, instance=obj, berkas_wajib=berkas_wajib)
    if request.method == "POST" and form.is_valid():
        try:
            layanan.simpan_data(
                kode=kode,
                pegawai=pegawai,
                nilai=form.nilai(),
                by=request.user,
                berkas=form.cleaned_data.get("berkas"),
                obj=obj,
            )
        except WorkflowError as e:
            form.add_error(None, str(e))
        else:
            if langsung:
                messages.success(request, _("Data disimpan dan terverifikasi."))
            else:
                messages.success(request, _("Data diajukan; menunggu verifikasi Analis SDM."))
            return redirect(_kembali(request, pegawai))
    return render(
        request,
        "ipasn/data_form.html",
        {"form": form, "jenis": jenis, "pegawai": pegawai, "obj": obj, "langsung": langsung},
    )


@login_required
def tambah_saya(request, kode: str):
    return _form_page(request, kode=kode, pegawai=_pegawai_saya(request))


@login_required
def tambah_pegawai(request, pk: int, kode: str):
    return _form_page(request, kode=kode, pegawai=_pegawai_dikelola(request, pk))


def _data(request, kode: str, pk: int):
    _jenis(kode)
    obj = selectors.data_terlihat(request.user, kode, pk)
    if obj is None:
        raise Http404
    return obj


@login_required
def ubah(request, kode: str, pk: int):
    obj = _data(request, kode, pk)
    if not layanan.dapat_ubah(request.user, obj):
        raise PermissionDenied(_("Data ini tidak dapat Anda ubah."))
    return _form_page(request, kode=kode, pegawai=obj.pegawai, obj=obj)


@login_required
@require_POST
def hapus(request, kode: str, pk: int):
    obj = _data(request, kode, pk)
    kembali = _kembali(request, obj)
    try:
        layanan.hapus_data(obj=obj, by=request.user)
    except WorkflowError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Data dihapus."))
    return redirect(kembali)


@login_required
def berkas(request, kode: str, pk: int):
    obj = _data(request, kode, pk)
    if not obj.berkas:
        raise Http404(_("Data ini tidak memiliki data dukung."))
    try:
        isi = obj.berkas.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404(_("Berkas data dukung tidak ditemukan di penyimpanan.")) from None
    return FileResponse(
        isi,
        as_attachment=True,
        filename=obj.nama_berkas or obj.berkas.name.rsplit("/", 1)[-1],
        content_type=obj.jenis_berkas or "application/octet-stream",
    )


@login_required
def verifikasi(request):
    if not akses_of(request.user).is_admin:
        raise PermissionDenied(_("Halaman ini untuk Analis SDM (admin instansi)."))
    kode = request.GET.get("jenis", "pendidikan")
    if kode not in layanan.JENIS_DATA:
        kode = "pendidikan"
    jumlah = selectors.jumlah_antrean(request.user)
    return render(
        request,
        "ipasn/data_verifikasi.html",
        {
            "kode": kode,
            "jenis": layanan.JENIS_DATA[kode],
            "tab": [(j, jumlah[k]) for k, j in layanan.JENIS_DATA.items()],
            "page": selectors.antrean(request.user, kode, request.GET.get("page", 1)),
        },
    )


@login_required
@require_POST
def verifikasi_aksi(request, kode: str, pk: int):
    obj = _data(request, kode, pk)
    form = VerifikasiForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih terima atau tolak."))
    else:
        try:
            layanan.verifikasi_data(
                obj=obj,
                terima=form.cleaned_data["aksi"] == "terima",
                catatan=form.cleaned_data["catatan"],
                by=request.user,
            )
        except WorkflowError as e:
            messages.error(request, str(e))
        else:
            messages.success(request, _("Verifikasi disimpan."))
    return redirect(f"{reverse('ipasn:data-verifikasi')}?jenis={kode}")
