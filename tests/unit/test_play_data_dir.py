"""One `riftwalker play` at a time on a data folder: a second one is told where the first one's game is."""

from __future__ import annotations

import os

import pytest

from app.local_services import DataDirInUse, claim_data_dir


def test_a_second_play_on_the_same_folder_is_sent_to_the_first(tmp_path):
    first = claim_data_dir(tmp_path)
    first.note("http://192.168.1.20:8088/")
    with pytest.raises(DataDirInUse) as refused:
        claim_data_dir(tmp_path)
    message = str(refused.value)
    assert f"pid {os.getpid()}" in message and "join its game at http://192.168.1.20:8088/" in message
    assert "--data-dir" in message and "\n" not in message
    claim_data_dir(tmp_path / "another").release()  # another folder is free
    first.release()
    claim_data_dir(tmp_path).release()  # and this one once the first has left
