"""Seed 001 as data: SOP 68.SOP/OT.03/SDL.4/2023 "Penyusunan Laporan Capaian Indeks Profesionalitas
ASN" (Sekretariat Ditjen Ketenagalistrikan, efektif 1 Oktober 2023), loaded into ``kinerja.sop``.

The SOP's step 1 has two actors (the Sekretaris disposes to the Kepala Bagian Umum, who disposes to
the Analis SDM): two rows numbered "1" sharing the step's 1 working day. ``aksi`` names the system
action a step runs (``kinerja/ipasn/sop_aksi.py``): compute the IP ASN data, mark it as the initial
or validated data, produce the report. Roles are the SOP's pelaksana columns.
"""

from datetime import date

KODE = "sop-001-laporan-ip-asn"

SOP = {
    "kode": KODE,
    "nomor": "68.SOP/OT.03/SDL.4/2023",
    "nama": "Penyusunan Laporan Capaian Indeks Profesionalitas ASN",
    "tanggal_efektif": date(2023, 10, 1),
    "disahkan_oleh": "Sekretaris Direktorat Jenderal Ketenagalistrikan",
    "dasar_hukum": (
        "UU 5/2014; PP 11/2017 jo. PP 17/2020; PermenPANRB 35/2012; PermenPANRB 38/2018 tentang "
        "Pengukuran Indeks Profesionalitas ASN; Peraturan BKN 8/2019 tentang Pedoman Tata Cara "
        "Pelaksanaan Pengukuran Indeks Profesionalitas ASN"
    ),
    "keterangan": (
        "Penyusunan laporan capaian IP ASN dilakukan setahun sekali pada akhir tahun / triwulan IV "
        "tahun berjalan."
    ),
    "peran": [
        ["sekretaris", "Sekretaris (pimpinan)"],
        ["kepala_bagian_umum", "Kepala Bagian Umum"],
        ["analis_sdm", "Analis SDM Aparatur"],
        ["tata_usaha", "Tata Usaha"],
    ],
}

# (urutan, nomor, pelaksana, jenis, aktivitas, kelengkapan, keluaran, waktu HK, kembali_ke urutan,
#  menugaskan, aksi, keterangan)
LANGKAH = [
    (
        1,
        "1",
        "sekretaris",
        "tindakan",
        "Menerima surat Kepala Biro SDM perihal rekonsiliasi data IP ASN, kemudian menugaskan Kepala "
        "Bagian Umum untuk menyiapkan data capaian IP ASN pada tahun berjalan.",
        ["Surat Kepala Biro SDM hal Rekonsiliasi Data IP ASN"],
        ["Disposisi kepada Kepala Bagian Umum"],
        1,
        None,
        ["kepala_bagian_umum"],
        "",
        "Penyusunan laporan capaian IP ASN dilakukan setahun sekali pada akhir tahun / triwulan IV.",
    ),
    (
        2,
        "1",
        "kepala_bagian_umum",
        "tindakan",
        "Menugaskan Analis SDM Aparatur untuk memutakhirkan dan menyiapkan data capaian IP ASN.",
        ["Disposisi kepada Kepala Bagian Umum"],
        ["Disposisi kepada Analis SDM Aparatur"],
        0,
        None,
        ["analis_sdm", "tata_usaha"],
        "",
        "",
    ),
    (
        3,
        "2",
        "analis_sdm",
        "tindakan",
        "Melakukan telaahan dan reviu data capaian IP ASN pada aplikasi kepegawaian, kemudian menyiapkan "
        "konsep undangan rapat internal rekonsiliasi data capaian IP ASN.",
        ["Disposisi kepada Analis SDM Aparatur"],
        ["Data capaian IP ASN", "Konsep Undangan Rapat"],
        3,
        None,
        [],
        "hitung_ip_asn",
        "",
    ),
    (
        4,
        "3",
        "kepala_bagian_umum",
        "tindakan",
        "Menelaah data capaian IP ASN, kemudian menugaskan Analis SDM Aparatur untuk menyiapkan rapat "
        "pembahasan internal dengan unit kerja terkait.",
        ["Data capaian IP ASN", "Konsep Undangan Rapat"],
        ["Undangan Rapat"],
        1,
        None,
        [],
        "",
        "",
    ),
    (
        5,
        "4",
        "kepala_bagian_umum",
        "tindakan",
        "Bersama tim kepegawaian dan unit kerja terkait melakukan rapat koordinasi dalam rangka "
        "rekonsiliasi dan klarifikasi data capaian IP ASN.",
        ["Undangan Rapat", "Data capaian IP ASN"],
        ["Notula Rapat hasil rekonsiliasi data capaian IP ASN"],
        1,
        None,
        [],
        "",
        "",
    ),
    (
        6,
        "5",
        "analis_sdm",
        "tindakan",
        "Menindaklanjuti rapat internal dengan memutakhirkan data capaian IP ASN sesuai data dukung yang "
        "diunggah masing-masing ASN, kemudian menyiapkan konsep nota dinas laporan rapat internal "
        "rekonsiliasi data capaian IP ASN.",
        ["Notula Rapat hasil rekonsiliasi data capaian IP ASN"],
        [
            "Konsep nota dinas laporan rapat internal rekonsiliasi data capaian IP ASN",
            "Data awal capaian IP ASN",
        ],
        3,
        None,
        [],
        "data_awal_ip_asn",
        "",
    ),
    (
        7,
        "6",
        "kepala_bagian_umum",
        "persetujuan",
        "Memeriksa konsep laporan rekonsiliasi data capaian IP ASN; apabila setuju menyampaikan laporan "
        "kepada Sekretaris, apabila terdapat koreksi mengembalikan kepada Analis SDM Aparatur untuk "
        "direvisi.",
        [
            "Konsep nota dinas laporan rapat internal rekonsiliasi data capaian IP ASN",
            "Data awal capaian IP ASN",
        ],
        ["Nota dinas laporan rapat internal rekonsiliasi data capaian IP ASN"],
        1,
        6,
        [],
        "",
        "SOP Penanganan Naskah Dinas Keluar",
    ),
    (
        8,
        "7",
        "sekretaris",
        "persetujuan",
        "Memeriksa laporan rekonsiliasi data capaian IP ASN; apabila setuju menugaskan Kepala Bagian "
        "Umum untuk melakukan rekonsiliasi data dengan Biro SDM, apabila terdapat koreksi mengembalikan "
        "kepada Kepala Bagian Umum untuk direvisi.",
        ["Nota dinas laporan rapat internal rekonsiliasi data capaian IP ASN"],
        ["Disposisi rekonsiliasi dengan Biro SDM"],
        1,
        7,
        [],
        "",
        "",
    ),
    (
        9,
        "8",
        "kepala_bagian_umum",
        "tindakan",
        "Bersama tim kepegawaian dan Biro SDM melakukan rapat validasi atas capaian IP ASN pegawai.",
        ["Data awal capaian IP ASN"],
        ["Notula Rapat validasi", "Data capaian IP ASN hasil validasi dengan Biro SDM"],
        1,
        None,
        [],
        "validasi_ip_asn",
        "Biro SDM mengundang unit untuk melakukan validasi data capaian IP ASN.",
    ),
    (
        10,
        "9",
        "analis_sdm",
        "tindakan",
        "Melaksanakan tindak lanjut hasil validasi dan menyusun laporan capaian IP ASN pegawai pada "
        "tahun berjalan.",
        ["Notula Rapat validasi", "Data capaian IP ASN hasil validasi dengan Biro SDM"],
        ["Konsep Nota Dinas Laporan Capaian IP ASN"],
        3,
        None,
        [],
        "laporan_ip_asn",
        "",
    ),
    (
        11,
        "10",
        "kepala_bagian_umum",
        "persetujuan",
        "Memeriksa konsep Nota Dinas Laporan Capaian IP ASN; apabila setuju menyampaikan kepada "
        "Sekretaris, apabila terdapat koreksi mengembalikan kepada Analis SDM Aparatur untuk direvisi.",
        ["Konsep Nota Dinas Laporan Capaian IP ASN"],
        ["Nota Dinas Laporan Capaian IP ASN"],
        1,
        10,
        [],
        "",
        "SOP Penanganan Naskah Dinas Keluar",
    ),
    (
        12,
        "11",
        "sekretaris",
        "tindakan",
        "Membaca Nota Dinas Laporan Capaian IP ASN, kemudian memberikan arahan lebih lanjut untuk "
        "peningkatan capaian IP ASN. Capaian IP ASN pada tahun berjalan menjadi salah satu capaian IKU.",
        ["Nota Dinas Laporan Capaian IP ASN"],
        ["Arahan/disposisi"],
        1,
        None,
        [],
        "",
        "SOP Pengukuran Kinerja",
    ),
    (
        13,
        "12",
        "tata_usaha",
        "tindakan",
        "Melakukan pendokumentasian Laporan Capaian IP ASN.",
        ["Nota Dinas Laporan Capaian IP ASN"],
        ["Arsip"],
        1,
        None,
        [],
        "",
        "SOP Pemberkasan Arsip di Unit Kerja/Unit Pengolah",
    ),
]


def muat(Sop, LangkahSop) -> None:
    """Creates or refreshes the SOP and its steps (models passed in so data migrations can use it)."""
    sop, _ = Sop.objects.update_or_create(kode=KODE, defaults={k: v for k, v in SOP.items() if k != "kode"})
    for (
        urutan,
        nomor,
        pelaksana,
        jenis,
        aktivitas,
        masuk,
        keluar,
        waktu,
        kembali,
        tugas,
        aksi,
        ket,
    ) in LANGKAH:
        LangkahSop.objects.update_or_create(
            sop=sop,
            urutan=urutan,
            defaults={
                "nomor": nomor,
                "pelaksana": pelaksana,
                "jenis": jenis,
                "aktivitas": aktivitas,
                "kelengkapan": masuk,
                "keluaran": keluar,
                "waktu_hari_kerja": waktu,
                "kembali_ke": kembali,
                "menugaskan": tugas,
                "aksi": aksi,
                "keterangan": ket,
            },
        )
