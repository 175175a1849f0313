from tests.conftest import RAW, run_cli


def test_version_and_help():
    out = run_cli("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("hzcorpus ")
    out = run_cli("--help")
    assert out.returncode == 0
    assert "examples:" in out.stdout


def test_missing_file_is_one_line_error_without_traceback(tmp_path):
    out = run_cli("clean", str(tmp_path / "missing.txt"))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert "no such file" in out.stderr
    assert "Traceback" not in out.stderr


def test_verbose_shows_traceback(tmp_path):
    out = run_cli("clean", str(tmp_path / "missing.txt"), "--verbose")
    assert out.returncode == 2
    assert "Traceback" in out.stderr


def test_clean_out_dir_names(tmp_path):
    files = sorted(RAW.glob("*.txt"))[:2]
    out = run_cli("clean", *map(str, files), "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.stem + ".txt" for f in files)
