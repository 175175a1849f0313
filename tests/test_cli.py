import json
import subprocess
import sys

import hzcorpus
from tests.conftest import RAW, run_cli, subprocess_env


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


def test_clean_out_that_is_a_file_is_one_line_error(tmp_path):
    target = tmp_path / "taken.txt"
    target.write_text("not a folder\n", encoding="utf-8")
    out = run_cli("clean", str(sorted(RAW.glob("*.txt"))[0]), "--out", str(target))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0
    assert "taken.txt" in out.stderr
    assert target.read_text(encoding="utf-8") == "not a folder\n"


def test_clean_out_never_overwrites_an_earlier_input(tmp_path):
    text = "A council approved the budget on Tuesday after a long debate about schools.\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "page.txt", tmp_path / "b" / "page.html"
    first.write_text(text, encoding="utf-8")
    second.write_text("<html><body><p>" + text.replace("council", "court") + "</p></body></html>")
    out = run_cli("clean", str(first), str(second), "--out", str(tmp_path / "out"))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "page.html" in out.stderr and "page.txt" in out.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["page.txt"]
    assert "council" in (tmp_path / "out" / "page.txt").read_text(encoding="utf-8")


def test_json_lines_file_is_refused_by_the_one_article_commands(tmp_path):
    lines = tmp_path / "items.jsonl"
    rows = [
        {"id": "a", "text": "The council approved the budget on Tuesday after a debate."},
        {
            "id": "b",
            "html": "<html><body><article><p>El ayuntamiento aprobó el presupuesto "
            "el martes.</p><p>La oposición criticó la deuda.</p><div>x</div></article></body>"
            "</html>",
        },
    ]
    lines.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    for command in ("clean", "detect", "flag"):
        out = run_cli(command, str(lines))
        assert out.returncode == 2, (command, out.stdout)
        assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1, command
        assert "JSON lines" in out.stderr and "hzcorpus build" in out.stderr, command


def test_clean_says_so_when_no_article_text_is_left(tmp_path):
    page = tmp_path / "menu.txt"
    page.write_text("Home\nNews\nSubscribe to our newsletter\n© 2024 Example Media\n", "utf-8")
    out = run_cli("clean", str(page))
    assert out.returncode == 2 and out.stdout == ""
    assert "no article text" in out.stderr and "--json" in out.stderr
    out = run_cli("clean", str(page), "--json")
    assert out.returncode == 0
    assert json.loads(out.stdout)["text"] == ""
    assert len(json.loads(out.stdout)["removed"]) == 4


def test_a_full_disk_is_one_line_error():
    out = run_cli("clean", str(sorted(RAW.glob("*.txt"))[0]), "--out", "/dev/full/x")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0


def test_output_to_a_full_device_is_one_line_error():
    env = subprocess_env()
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-m", "hzcorpus", "clean", str(sorted(RAW.glob("*.txt"))[0])],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "No space left" in out.stderr


def test_translate_refuses_json_lines(tmp_path):
    items = tmp_path / "items.jsonl"
    items.write_text('{"id": "1", "text": "Guten Morgen."}\n{"id": "2", "text": "Hallo."}\n')
    out = run_cli("translate", str(items), "--from", "de")
    assert out.returncode == 2
    assert "hzcorpus build" in out.stderr


def test_dir_lists_the_lazy_api():
    assert {"clean_document", "build", "load", "translate_documents"} <= set(dir(hzcorpus))
