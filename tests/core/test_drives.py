"""Projects on a shared drive: network file systems found, no WAL there, a local copy merged back."""

from __future__ import annotations

import hashlib
import os
import pathlib
import sqlite3

import pytest

from factcheck import cli, paths
from factcheck.core import drives, merge, store
from factcheck.core.errors import KnownError, ProjectLocked
from factcheck.core.project import Project

from ..conftest import imported

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."

# As the kernel writes them: /proc/self/mountinfo, with a space escaped, optional tags, and
# a local folder bind-mounted inside the NFS share.
MOUNTINFO = r"""22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
101 27 0:50 / /mnt/nfs rw,relatime shared:60 - nfs4 fileserver:/export rw,vers=4.2,rsize=1048576,hard,proto=tcp
102 27 0:51 / /mnt/team\040share rw,nosuid,nodev,relatime - cifs //fileserver/team\040share rw,vers=3.1.1,sec=ntlmssp
103 27 0:52 / /home/ana/remote rw,nosuid,nodev,relatime - fuse.sshfs ana@host:/srv rw,user_id=1000,group_id=1000
104 101 254:0 /scratch /mnt/nfs/local rw,relatime master:1 - ext4 /dev/vda rw
105 27 0:53 / /mnt/gvfs rw,nosuid,nodev,relatime - fuse.gvfsd-fuse gvfsd-fuse rw,user_id=1000
this line is garbage
106 27 0:54 / /mnt/broken rw - 
107 27 0:55 / /mnt/stacked rw,relatime - ext4 /dev/vdb rw
108 27 0:56 / /mnt/stacked rw,relatime - smb3 //nas/stacked rw

"""

PROC_MOUNTS = r"""/dev/vda / ext4 rw,relatime 0 0
fileserver:/export /mnt/nfs nfs rw,relatime,vers=3 0 0
//fileserver/team /mnt/team\040share cifs rw,relatime 0 0
not a mount line
"""

MACOS_MOUNT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//ana@fileserver/Team%20Share on /Volumes/Team Share (smbfs, nodev, nosuid, mounted by ana)
fileserver:/export on /Volumes/export (nfs, asynchronous)
"""


@pytest.fixture(autouse=True)
def _no_switch(monkeypatch):
    monkeypatch.delenv(drives.ENV, raising=False)


@pytest.mark.parametrize(("path", "expected"), [
    ("/mnt/nfs/desk/p.factcheck", "nfs4"),
    ("/mnt/nfs/p.factcheck", "nfs4"),
    ("/mnt/nfs2/p.factcheck", None),  # a longer name is not inside /mnt/nfs
    ("/mnt/nfs/local/p.factcheck", None),  # a local folder mounted inside the share
    ("/mnt/team share/desk/p.factcheck", "cifs"),
    ("/mnt/team/p.factcheck", None),
    ("/home/ana/remote/p.factcheck", "fuse.sshfs"),
    ("/mnt/gvfs/smb-share:server=nas,share=desk/p.factcheck", "fuse.gvfsd-fuse"),
    ("/mnt/stacked/p.factcheck", "smb3"),  # the later mount on one point is the one on top
    ("/home/ana/p.factcheck", None),
])
def test_the_mount_table_tells_network_file_systems(path, expected):
    assert drives.network_filesystem(path, mounts_text=MOUNTINFO, platform="linux") == expected


def test_the_mount_table_parses_mountinfo_proc_mounts_and_macos_mount():
    assert ("/mnt/team share", "cifs") in drives.parse_mounts(MOUNTINFO)
    assert not any("garbage" in point for point, _ in drives.parse_mounts(MOUNTINFO))
    assert drives.filesystem_type("/mnt/team share/x", PROC_MOUNTS) == "cifs"
    assert drives.filesystem_type("/mnt/nfs/x", PROC_MOUNTS) == "nfs"
    assert drives.filesystem_type("/etc", PROC_MOUNTS) == "ext4"
    assert drives.network_filesystem("/Volumes/Team Share/p.factcheck", mounts_text=MACOS_MOUNT,
                                     platform="darwin") == "smbfs"
    assert drives.network_filesystem("/Volumes/export/p.factcheck", mounts_text=MACOS_MOUNT, platform="darwin") == "nfs"
    assert drives.network_filesystem("/Users/ana/p.factcheck", mounts_text=MACOS_MOUNT, platform="darwin") is None
    assert drives.filesystem_type("/x", "") is None


def test_windows_unc_paths_are_network_drives():
    assert drives.network_filesystem(r"\\fileserver\team\p.factcheck", platform="win32") == "smb"
    assert drives.network_filesystem(r"\\?\UNC\fileserver\team\p.factcheck", platform="win32") == "smb"


def test_odd_input_and_an_unreadable_mount_table_count_as_local(monkeypatch, tmp_path):
    monkeypatch.setattr(drives, "MOUNTINFO", str(tmp_path / "no-mountinfo"))
    monkeypatch.setattr(drives, "PROC_MOUNTS", str(tmp_path / "no-mounts"))
    assert drives.network_filesystem(tmp_path / "p.factcheck") is None
    assert drives.network_filesystem("\0odd") is None
    assert drives.network_filesystem("", mounts_text="\x00\xff garbage") is None


def test_the_mount_table_can_be_read_from_a_file(monkeypatch, tmp_path):
    table = tmp_path / "mountinfo"
    table.write_text(MOUNTINFO.replace("/mnt/nfs ", f"{tmp_path} ", 1), encoding="utf-8")
    monkeypatch.setattr(drives, "MOUNTINFO", str(table))
    assert drives.network_filesystem(tmp_path / "p.factcheck") == "nfs4"


def test_this_machines_own_folders_are_local(tmp_path):
    """The real mount table of the machine running the tests: its temporary folder is no share."""
    assert drives.network_filesystem(tmp_path / "p.factcheck") is None
    assert drives.network_filesystem("/proc/self/status") is None


def test_the_environment_switch_forces_either_way(monkeypatch, tmp_path):
    monkeypatch.setenv(drives.ENV, "1")
    assert drives.network_filesystem(tmp_path / "p.factcheck") == "network"
    monkeypatch.setenv(drives.ENV, "cifs")
    assert drives.network_filesystem(tmp_path / "p.factcheck") == "cifs"
    # factcheck's own data folder (where local copies live) keeps its real answer
    assert drives.network_filesystem(paths.home()[1] / "local-copies" / "x" / "p.factcheck") is None
    monkeypatch.setenv(drives.ENV, "0")
    assert drives.network_filesystem("/mnt/nfs/p.factcheck", mounts_text=MOUNTINFO, platform="linux") is None


# --- the journal on a network drive ------------------------------------------------------


def journal_mode(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_a_project_on_a_network_drive_uses_the_rollback_journal(monkeypatch, tmp_path):
    monkeypatch.setenv(drives.ENV, "cifs")
    path = tmp_path / "shared.factcheck"
    with Project.create(path, user="ana") as p:
        assert p.network_drive == "cifs" and p.store.network_drive == "cifs"
        assert p.store.read_one("PRAGMA journal_mode")[0] == "delete"
        assert p.store.read_one("PRAGMA synchronous")[0] == 2  # FULL
        article_id = p.import_article(imported(TEXT)).created
        p.create_claim(p.current_version(article_id).id, 4, 30)
        assert not pathlib.Path(str(path) + "-wal").exists()
    with Project.open(path, user="ben") as p:
        p.create_source(title="Statistics office")
        assert not pathlib.Path(str(path) + "-wal").exists() and not pathlib.Path(str(path) + "-shm").exists()
        assert p.verify().ok
    with Project.open(path, read_only=True) as p:
        assert p.network_drive == "cifs" and len(p.claims()) == 1


def test_a_wal_file_is_switched_to_the_rollback_journal_when_opened_on_a_network_drive(monkeypatch, tmp_path):
    path = tmp_path / "p.factcheck"
    Project.create(path, user="ana").close()
    assert journal_mode(path) == "wal"
    monkeypatch.setenv(drives.ENV, "1")
    with Project.open(path, read_only=True) as p:  # a read-only open changes nothing
        assert p.network_drive == "network"
    assert journal_mode(path) == "wal"
    with Project.open(path, user="ana") as p:
        assert p.store.read_one("PRAGMA journal_mode")[0] == "delete"
    assert journal_mode(path) == "delete"
    assert path.read_bytes()[18:20] == b"\x01\x01"  # the file's header says: rollback journal


def test_a_wal_file_open_elsewhere_is_refused_with_a_sentence(monkeypatch, tmp_path):
    path = tmp_path / "p.factcheck"
    Project.create(path, user="ana").close()
    monkeypatch.setattr("factcheck.core.project.BUSY_TIMEOUT_MS", 50)
    with Project.open(path, user="ana"):  # another program, on its local disk, in WAL mode
        monkeypatch.setenv(drives.ENV, "1")
        with pytest.raises(ProjectLocked, match="open elsewhere in a mode a network drive cannot share safely"):
            Project.open(path, user="ben")
    assert journal_mode(path) == "wal"


def test_an_input_output_error_on_a_network_drive_names_the_drive(tmp_path):
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = store.SQLITE_IOERR
    described = store.describe_error(error, tmp_path / "p.factcheck", network="nfs4")
    assert isinstance(described, KnownError) and "network drive (nfs4)" in str(described)


def test_info_says_the_project_is_on_a_network_drive(monkeypatch, tmp_path):
    from click.testing import CliRunner

    path = tmp_path / "p.factcheck"
    Project.create(path, user="ana").close()
    assert "write-ahead log" in CliRunner().invoke(cli.cli, ["info", str(path)]).output
    monkeypatch.setenv(drives.ENV, "cifs")
    result = CliRunner().invoke(cli.cli, ["info", str(path)])
    assert result.exit_code == 0 and "on a network drive (cifs): rollback journal" in result.output


# --- the local copy and merging it back ---------------------------------------------------


@pytest.fixture
def shared(monkeypatch, tmp_path):
    """(path of a project on a "network drive", ids): an article, a claim and a source."""
    monkeypatch.setenv(drives.ENV, "cifs")
    path = tmp_path / "share" / "desk.factcheck"
    path.parent.mkdir()
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(TEXT)).created
        version = p.current_version(article_id)
        claim_id = p.create_claim(version.id, 4, 30, claimant="The minister").created
        source_id = p.create_source(title="Statistics office").created
    return path, {"article": article_id, "version": version.id, "claim": claim_id, "source": source_id}


def digest(path) -> str:
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def test_a_local_copy_lives_in_the_data_folder_and_knows_its_origin(shared):
    path, ids = shared
    local = drives.local_copy(path, user="ana")
    assert local.name == path.name and local.parent.parent == paths.home()[1] / "local-copies"
    assert drives.origin_of(local) == path.resolve() and drives.existing_copy(path) == local
    assert drives.origin_of(path) is None
    with Project.open(local, user="ana") as p:
        assert p.network_drive is None and p.store.read_one("PRAGMA journal_mode")[0] == "wal"
        assert p.claim(ids["claim"]).claimant == "The minister"
    assert drives.unsent(local, path) == 0
    # Made again: the same copy, with what others added to the shared file since.
    with Project.open(path, user="ben") as p:
        p.update_claim(ids["claim"], rating="false")
    assert drives.local_copy(path, user="ana") == local
    with Project.open(local, user="ana") as p:
        assert p.claim(ids["claim"]).rating == "false"


def test_changes_on_both_sides_end_up_in_both_files(shared):
    path, ids = shared
    local = drives.local_copy(path, user="ana")
    with Project.open(path, user="ben") as p:  # a colleague, on the drive, meanwhile
        p.update_source(ids["source"], publisher="INE")
    with Project.open(local, user="ana") as p:
        p.update_claim(ids["claim"], statement="Unemployment fell by 4%.")
        assert drives.unsent(local, path) == 1
        result = drives.merge_back(p, path)
        assert result.conflicts is None and result.sent == 1 and result.received == 1
        assert result.changes is not None and ids["source"] in result.changes.sources
        assert p.source(ids["source"]).publisher == "INE"
        assert p.verify().ok
        again = drives.merge_back(p, path)  # nothing left to send or take
        assert (again.sent, again.received, again.conflicts) == (0, 0, None)
    for file in (path, local):
        with Project.open(file, read_only=True) as p:
            assert p.claim(ids["claim"]).statement == "Unemployment fell by 4%."
            assert p.source(ids["source"]).publisher == "INE"
            assert p.verify().ok
    with Project.open(path, read_only=True) as a, Project.open(local, read_only=True) as b:
        assert {e.id for e in a.events()} == {e.id for e in b.events()}  # one history in both
    assert not pathlib.Path(str(path) + "-wal").exists() and journal_mode(path) == "delete"


def test_a_conflict_returns_the_plan_and_writes_nothing_until_settled(shared):
    path, ids = shared
    local = drives.local_copy(path, user="ana")
    with Project.open(path, user="ben") as p:
        p.update_claim(ids["claim"], rating="false")
    before = digest(path)
    with Project.open(local, user="ana") as p:
        p.update_claim(ids["claim"], rating="true")
        mine = [e.id for e in p.events()]
        result = drives.merge_back(p, path)
        assert result.sent == 0 and result.changes is None
        plan = result.conflicts
        assert isinstance(plan, merge.MergePlan) and [c.field for c in plan.conflicts] == ["rating"]
        conflict = plan.conflicts[0]
        assert (conflict.ours, conflict.theirs) == ("true", "false")  # ours: the local copy
        assert digest(path) == before and [e.id for e in p.events()] == mine
        settled = drives.merge_back(p, path, {conflict.key: merge.OURS})
        assert settled.conflicts is None and settled.sent == 1 and settled.received == 1  # ben's edit
        assert p.claim(ids["claim"]).rating == "true" and p.verify().ok
    with Project.open(path, read_only=True) as p:
        assert p.claim(ids["claim"]).rating == "true" and p.verify().ok


def test_an_unreachable_shared_file_leaves_the_local_copy_as_it_is(shared):
    path, ids = shared
    local = drives.local_copy(path, user="ana")
    with Project.open(local, user="ana") as p:
        p.update_claim(ids["claim"], notes="Call the office.")
    path.parent.rename(path.parent.with_name("unplugged"))  # the drive went away
    kept = digest(local)
    with Project.open(local, user="ana") as p:
        with pytest.raises(drives.SharedFileUnreachable, match="cannot be reached"):
            drives.merge_back(p, path)
        with pytest.raises(KnownError):
            drives.local_copy(path)
    assert digest(local) == kept and drives.existing_copy(path) == local
    with Project.open(local, read_only=True) as p:
        assert p.claim(ids["claim"]).notes == "Call the office." and p.verify().ok


def test_a_shared_file_locked_by_another_writer_is_not_merged_into(shared, monkeypatch):
    path, ids = shared
    local = drives.local_copy(path, user="ana")
    monkeypatch.setattr("factcheck.core.project.BUSY_TIMEOUT_MS", 50)
    with Project.open(local, user="ana") as p:
        p.update_claim(ids["claim"], notes="Call the office.")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # someone saving on the drive right now
        try:
            with pytest.raises(drives.SharedFileUnreachable, match="locked"):
                drives.merge_back(p, path)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert drives.unsent(local, path) == 1
        assert drives.merge_back(p, path).sent == 1


def test_a_shared_file_replaced_by_another_project_gets_a_new_copy_and_the_old_one_is_kept(shared, tmp_path):
    path, ids = shared
    local = drives.local_copy(path, user="ana")
    with Project.open(local, user="ana") as p:
        p.update_claim(ids["claim"], notes="Unsent work.")
    path.unlink()
    Project.create(path, user="ben").close()  # another project under the same name
    assert drives.local_copy(path, user="ana") == local
    with Project.open(local, read_only=True) as p:
        assert p.claims() == []
    (kept,) = [f for f in local.parent.glob("*.factcheck") if f != local]
    with Project.open(kept, read_only=True) as p:
        assert p.claim(ids["claim"]).notes == "Unsent work."
