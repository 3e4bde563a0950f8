"""Kinerja benchmarks (`make bench`): prints figures and writes bench/results.json.

Targets (issue 2): the pegawai list ≥ 35% of a minimal logged-in view's throughput under gunicorn;
100,000 pegawai imported from CSV in < 60 s with peak memory < 500 MB; generate_synthetic of 100,000
pegawai in < 60 s on SQLite. Issue 5: the annual predikat recap of the 100,000-pegawai instansi in
< 10 s (bench/data_penilaian.py), and a unit's distribution page ≥ 25% of the minimal view. Issue 6:
IP ASN of the 100,000-pegawai instansi in < 15 s (bench/data_ip_asn.py). Everything
runs against a throw-away SQLite database in a temp folder.
"""

import csv
import http.client
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
N = int(os.getenv("BENCH_PEGAWAI", "100000"))
SECONDS = float(os.getenv("BENCH_SECONDS", "10"))
CONCURRENCY = int(os.getenv("BENCH_CONCURRENCY", "4"))
TARGETS = {
    "pegawai_list_ratio": (">=", 0.35),
    "import_csv_100k_s": ("<", 60),
    "import_csv_100k_peak_mb": ("<", 500),
    "generate_synthetic_100k_s": ("<", 60),
    "skp_detail_ratio": (">=", 0.25),
    "skp_inbox_ratio": (">=", 0.25),
    "skp_pdf_s": ("<", 1),
    "rekap_predikat_100k_s": ("<", 10),
    "distribusi_unit_ratio": (">=", 0.25),
    "ip_asn_100k_s": ("<", 15),
}


def env(db: Path, **extra) -> dict:
    return (
        os.environ
        | {
            "DATABASE_URL": f"sqlite:///{db}",
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONPATH": str(ROOT),
        }
        | extra
    )


def manage(e, *args) -> str:
    out = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=e, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
    return out.stdout


def measured(e, *args) -> dict:
    out = subprocess.run(
        [PY, "bench/_measure.py", PY, "manage.py", *args],
        cwd=ROOT,
        env=e,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    if result["returncode"]:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result['stdout']}\n{result['stderr']}")
    return result


# --- data ------------------------------------------------------------------------------------------


def write_import_files(folder: Path, n: int) -> tuple[Path, Path, Path]:
    """unit_kerja.csv, jabatan.csv and pegawai.csv (n rows) in the documented import layout."""
    rng = random.Random(11)
    units = [("ROOT", "Pemerintah Kabupaten Impor", "")] + [
        (f"U{i:04d}", f"Unit {i}", "ROOT") for i in range(500)
    ]
    jabatan = [("KA-ROOT", "Sekretaris Daerah", "jpt_pratama", "", "ROOT", "")]
    for code, _name, _parent in units[1:]:
        jabatan.append((f"KA-{code}", f"Kepala {code}", "administrator", "", code, "KA-ROOT"))
        jabatan.append((f"STAF-{code}", "Pengolah Data", "pelaksana", "", code, f"KA-{code}"))
    u_path, j_path, p_path = folder / "unit_kerja.csv", folder / "jabatan.csv", folder / "pegawai.csv"
    with u_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["kode", "nama", "kode_induk", "aktif"])
        w.writerows([*u, "Ya"] for u in units)
    with j_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["kode", "nama", "jenis", "jenjang", "kode_unit", "kode_atasan"])
        w.writerows(jabatan)
    seen = set()
    with p_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "nip",
                "nama",
                "gelar_depan",
                "gelar_belakang",
                "status",
                "golongan",
                "kode_jabatan",
                "kode_unit",
                "pendidikan_terakhir",
                "email",
                "aktif",
                "nip_penilai_khusus",
            ]
        )
        for i in range(n):
            while True:
                year = rng.randint(1966, 1999)
                nip = (
                    f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{year + rng.randint(19, 26)}"
                    f"{rng.randint(1, 12):02d}{rng.choice('12')}{rng.randint(1, 999):03d}"
                )
                if nip not in seen:
                    seen.add(nip)
                    break
            unit = units[1 + i % 500][0]
            kode_jabatan = f"KA-{unit}" if i < 500 else f"STAF-{unit}"
            w.writerow(
                [
                    nip,
                    f"Pegawai {i}",
                    "",
                    "S.E.",
                    "PNS",
                    "III/a",
                    kode_jabatan,
                    unit,
                    "S1_D4",
                    f"p{i}@impor.example",
                    "Ya",
                    "",
                ]
            )
    return u_path, j_path, p_path


# --- HTTP load ---------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def login(port: int, username: str, password: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/akun/masuk/")
    response = conn.getresponse()
    body = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    conn.request(
        "POST",
        "/akun/masuk/",
        urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Referer": f"http://127.0.0.1:{port}/akun/masuk/",
        },
    )
    response = conn.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie", ""))
    if response.status != 302 or not session:
        sys.exit(f"login failed for {username}: {response.status}")
    return f"sessionid={session.group(1)}; csrftoken={csrf_cookie}"


def throughput(port: int, path: str, cookie: str) -> float:
    counts, errors, stop = [], [], time.perf_counter() + SECONDS

    def client():
        conn, n = http.client.HTTPConnection("127.0.0.1", port, timeout=30), 0
        while time.perf_counter() < stop:
            conn.request("GET", path, headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
                break
            n += 1
        counts.append(n)

    threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit(f"GET {path} answered {errors[0]}")
    return sum(counts) / SECONDS


def warm(port: int, path: str, cookie: str) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        sys.exit(f"GET {path} answered {response.status}")


def serve(e, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=e,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


# --- main --------------------------------------------------------------------------------------------


def main() -> None:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as tmp:
        tmp = Path(tmp)
        e = env(tmp / "kinerja.sqlite3")
        manage(e, "migrate", "--noinput", "-v", "0")
        manage(e, "seed_demo")

        synthetic = measured(e, "generate_synthetic", "--pegawai", str(N), "--seed", "7")
        results["generate_synthetic_100k_s"] = synthetic["seconds"]
        print(f"generate_synthetic --pegawai {N}: {synthetic['seconds']} s, peak {synthetic['peak_mb']} MB")

        # An Analis SDM of the synthetic instansi sees all of its pegawai: the heaviest list.
        manage(
            e,
            "shell",
            "-c",
            (
                "from kinerja.core.models import PeranPengguna, User;"
                "from kinerja.organisasi.models import Instansi;"
                "u = User.objects.create_user('bench', password='bench-pass-123');"
                "PeranPengguna.objects.create(user=u, instansi=Instansi.objects.get(kode='sintetis-7'),"
                " peran='admin_instansi')"
            ),
        )
        skp_data = json.loads(manage(e, "shell", "-c", "import bench.data_skp").strip().splitlines()[-1])
        results["skp_pdf_s"] = skp_data["pdf_s"]
        print(f"SKP PDF (20 rencana hasil kerja × 3 indikator): {skp_data['pdf_s']} s")
        nilai = json.loads(manage(e, "shell", "-c", "import bench.data_penilaian").strip().splitlines()[-1])
        results["rekap_predikat_100k_s"] = nilai["rekap_predikat_100k_s"]
        print(
            f"{nilai['penilaian']} annual penilaian written in {nilai['tulis_s']} s; "
            f"rekap_predikat over {nilai['unit']} units: {nilai['rekap_predikat_100k_s']} s"
        )
        ipasn = json.loads(manage(e, "shell", "-c", "import bench.data_ip_asn").strip().splitlines()[-1])
        results["ip_asn_100k_s"] = ipasn["ip_asn_100k_s"]
        print(f"hitung_ip_asn for {ipasn['pegawai']} PNS/CPNS: {ipasn['ip_asn_100k_s']} s")
        distribusi = f"/penilaian/distribusi/?unit={nilai['distribusi_unit']}&tahun={nilai['tahun']}&nomor=0"
        port = free_port()
        server = serve(e, port)
        try:
            kabid = login(port, "198103021999121001", "bench-pass-123")
            for path in (f"/skp/{skp_data['skp']}/", "/skp/bawahan/"):
                warm(port, path, kabid)
            skp_detail = throughput(port, f"/skp/{skp_data['skp']}/", kabid)
            skp_inbox = throughput(port, "/skp/bawahan/", kabid)
            cookie = login(port, "bench", "bench-pass-123")
            for path in ("/bench/minimal/", "/organisasi/pegawai/", distribusi):
                warm(port, path, cookie)
            minimal = throughput(port, "/bench/minimal/", cookie)
            listing = throughput(port, "/organisasi/pegawai/", cookie)
            distribusi_rps = throughput(port, distribusi, cookie)
        finally:
            server.terminate()
            server.wait()
        results["minimal_view_rps"] = round(minimal, 1)
        results["pegawai_list_rps"] = round(listing, 1)
        results["pegawai_list_ratio"] = round(listing / minimal, 3)
        results["skp_detail_rps"] = round(skp_detail, 1)
        results["skp_inbox_rps"] = round(skp_inbox, 1)
        results["skp_detail_ratio"] = round(skp_detail / minimal, 3)
        results["skp_inbox_ratio"] = round(skp_inbox / minimal, 3)
        results["distribusi_unit_rps"] = round(distribusi_rps, 1)
        results["distribusi_unit_ratio"] = round(distribusi_rps / minimal, 3)
        print(
            f"distribusi page of a unit with {nilai['distribusi_unit_pegawai']} pegawai: "
            f"{distribusi_rps:.1f} req/s, ratio {distribusi_rps / minimal:.1%}"
        )
        print(
            f"SKP page (20×3): {skp_detail:.1f} req/s, ratio {skp_detail / minimal:.1%}; "
            f"penilai inbox (50): {skp_inbox:.1f} req/s, ratio {skp_inbox / minimal:.1%}"
        )
        print(
            f"minimal logged-in view: {minimal:.1f} req/s; "
            f"pegawai list (50 of {N} rows): {listing:.1f} req/s; "
            f"ratio {listing / minimal:.1%}"
        )

        manage(
            e,
            "shell",
            "-c",
            "from kinerja.organisasi.models import Instansi;"
            "Instansi.objects.create(kode='bench-impor', nama='Kabupaten Impor')",
        )
        u_path, j_path, p_path = write_import_files(tmp, N)
        for path in (u_path, j_path):
            manage(e, "import_pegawai", str(path), "--instansi", "bench-impor")
        imported = measured(e, "import_pegawai", str(p_path), "--instansi", "bench-impor")
        results["import_csv_100k_s"] = imported["seconds"]
        results["import_csv_100k_peak_mb"] = imported["peak_mb"]
        print(f"import_pegawai CSV {N} rows: {imported['seconds']} s, peak {imported['peak_mb']} MB")
        again = measured(e, "import_pegawai", str(p_path), "--instansi", "bench-impor")
        results["reimport_csv_100k_s"] = again["seconds"]
        print(
            f"re-import (all updates, no change) {N} rows: {again['seconds']} s, peak {again['peak_mb']} MB"
        )

    failed = []
    for name, (op, target) in TARGETS.items():
        value = results[name]
        ok = value >= target if op == ">=" else value < target
        print(f"  {'OK  ' if ok else 'MISS'} {name} = {value} (target {op} {target})")
        if not ok:
            failed.append(name)
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if failed:
        sys.exit(f"targets missed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
