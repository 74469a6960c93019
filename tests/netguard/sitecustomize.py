"""Loaded by every Python process the tests start (``tests/conftest.py`` puts this folder on
``PYTHONPATH``): the network guard, in subprocesses too."""

import os

if os.environ.get("ISECG_KG_NETGUARD_LOG"):
    import isecg_netguard

    isecg_netguard.install()
