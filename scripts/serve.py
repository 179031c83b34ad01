"""``reflex run`` for production: the same command, with two fixes for a worker that dies, one
for memory and one for many people at once. ``scripts/run.sh`` (one worker) and
``scripts/run-workers.sh`` (several) start it.

1. Reflex 0.10.1 starts Granian without ``respawn_failed_workers``, and Granian then stops the
   WHOLE server when one worker exits unexpectedly (a crash, the OOM killer, ``kill -9``): every
   other person's connection goes with it. Here Granian replaces the worker.
2. Reflex keeps, in Redis, which worker holds each tab's websocket (one hour). A worker that dies
   cannot remove its records, so when its tabs reconnect Reflex takes them for duplicated tabs and
   gives them a NEW, empty session: what the server kept for them is lost (the feedback answer
   being completed, the locator's last search…). Here a worker's id names its host and process,
   and a tab whose record belongs to a worker that is gone (a process of this host that no longer
   runs, or, on another host, a worker that stopped saying it is alive in Redis every few seconds)
   is given its own session back. A really duplicated tab (its first tab still connected to a
   live worker) still gets a new session, as Reflex intends.

3. ``reflex run --env prod`` compiles the app (every page of every language) in the very process
   that then supervises the workers: that process kept the compiler's heap, about 180 MiB, for
   nothing. Here the compile runs in a child process that exits when it is done, as Reflex does in
   development; the supervisor only imports the app (its workers are forked from it and share those
   pages) — docs/performance.md, « Server memory ».

4. Granian lets a worker hold ``backpressure`` connections at once — by default its listen backlog
   (1024) divided by the workers: 512 each with 2 workers, 1 024 for the whole server however many
   workers it has. A websocket holds its connection for as long as the page is open, and an idle
   keep-alive connection holds one too; the next connections are accepted by nobody and wait, with
   no error, until one closes (docs/performance.md, « 2 000 people »). Here each worker may hold
   ``PTI_CONNECTIONS_PER_WORKER`` (4 096), and the open-file limit is raised to fit them (up to the
   hard limit; below it, the connections are lowered to what fits).

5. Each worker runs its event loop on uvloop (libuv, in C) instead of asyncio's pure-Python loop:
   every websocket message, Redis round trip and page crosses the loop several times. One event
   at a time, the server's CPU per event went from 5.7 to 4.2 ms; under a saturating crowd the
   loop's cost is shared by many sockets per turn and the saving was within run-to-run spread
   (docs/performance.md, « uvloop »). Granian would pick it by itself when it is installed
   (``loop="auto"``); it is asked for by name so that a missing ``uvloop`` fails at start
   instead of going unnoticed.

``tests/reliability/test_faults.py`` kills a worker in the middle of journeys to check 1 and 2;
``tests/reliability/test_connections.py`` checks 4 and 5.

``--prebuilt`` (ours, taken out before Reflex reads the arguments) serves the frontend already built
in ``.web/build`` instead of compiling and building it again: a second server process on the same
build (``python -m loadtest.capacity --serve hosts`` starts several), or a restart in seconds.
Everything else is ``reflex run``'s:

    python scripts/serve.py --env prod --frontend-port 3000 --backend-port 3000
    python scripts/serve.py --env prod --backend-only --backend-port 8001

Workers: ``GRANIAN_WORKERS`` (Reflex's default with Redis is 2 × cores + 1). Sessions are shared
through ``REFLEX_REDIS_URL``; without it Reflex runs one worker (see docs/reliability.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import pickle
import resource
import socket
import sys
import uuid
from pathlib import Path

from granian.constants import Loops
from granian.server import common

#: A worker says it is alive this often, and is taken for dead when it has not for this long.
HEARTBEAT_SECONDS = 3
ALIVE_FOR_SECONDS = 10


#: The workers' event loop (5. above).
EVENT_LOOP = Loops.uvloop

#: Files a worker opens besides its connections (Redis, the database, logs, modules, pipes).
SPARE_FILES = 256


def _raise_open_file_limit(wanted: int) -> int:
    """Raise this process's soft limit of open files to ``wanted`` if it is lower (up to the hard
    limit; the workers inherit it); the soft limit now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return soft
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = target
    return soft


def connections_per_worker() -> int:
    """``PTI_CONNECTIONS_PER_WORKER``, lowered to what the open-file limit lets a worker hold."""
    from pti_citizen.settings import get_settings

    wanted = get_settings().connections_per_worker
    limit = _raise_open_file_limit(wanted + SPARE_FILES)
    if limit == resource.RLIM_INFINITY or limit - SPARE_FILES >= wanted:
        return wanted
    allowed = max(64, limit - SPARE_FILES)
    print(
        f"serve.py: {wanted} connections per worker need {wanted + SPARE_FILES} open files, the limit "
        f"is {limit} (ulimit -n): {allowed} per worker",
        file=sys.stderr,
    )
    return allowed


def _granian_defaults() -> None:
    init = common.AbstractServer.__init__
    backpressure = connections_per_worker()

    def patched(self, *args, **kwargs):
        kwargs.setdefault("respawn_failed_workers", True)
        kwargs.setdefault("loop", EVENT_LOOP)
        if not kwargs.get("backpressure"):
            kwargs["backpressure"] = backpressure
        init(self, *args, **kwargs)

    common.AbstractServer.__init__ = patched  # type: ignore[method-assign]


def _alive_key(instance_id: str) -> str:
    return f"pti_worker_alive_{instance_id}"


HOST = socket.gethostname()


def _worker_id() -> str:
    return f"{HOST}:{os.getpid()}:{uuid.uuid4().hex}"


def _process_gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:  # noqa: PTH123
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")  # a zombie is dead
    except FileNotFoundError:
        return True
    except OSError:
        return False


async def _worker_gone(manager, owner: str) -> bool:
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host == HOST and pid.isdigit():
        return _process_gone(int(pid))
    return not await manager.redis.exists(_alive_key(owner))


async def _say_alive(manager) -> None:
    await manager.redis.set(_alive_key(manager.instance_id), b"1", ex=ALIVE_FOR_SECONDS)


async def _keep_saying_alive(manager) -> None:
    while True:
        await asyncio.sleep(HEARTBEAT_SECONDS)
        with contextlib.suppress(Exception):  # Redis down: Reflex reports it on the events
            await _say_alive(manager)


def _give_tabs_of_dead_workers_their_session_back() -> None:
    from reflex.utils import token_manager

    manager_cls = token_manager.RedisTokenManager
    if not all(
        hasattr(manager_cls, name) for name in ("link_token_to_sid", "_get_redis_key", "_reset_instance_id")
    ):
        print(
            "serve.py: this Reflex has no RedisTokenManager as 0.10.1 has; fix 2 not applied", file=sys.stderr
        )
        return
    link = manager_cls.link_token_to_sid

    async def link_token_to_sid(self, token: str, sid: str):
        with contextlib.suppress(Exception):  # Redis down: Reflex's own path handles and logs it
            task = getattr(self, "_pti_alive_task", None)
            if task is None or task.done():
                await _say_alive(self)
                self._pti_alive_task = asyncio.get_running_loop().create_task(_keep_saying_alive(self))
            key = self._get_redis_key(token)
            raw = await self.redis.get(key)
            if raw is not None:
                record = pickle.loads(raw)  # written by Reflex itself, in this Redis
                owner = getattr(record, "instance_id", None)
                if isinstance(owner, str) and owner != self.instance_id and await _worker_gone(self, owner):
                    await self.redis.delete(key)  # its worker is gone: this tab is coming back
        return await link(self, token, sid)

    def reset_instance_id(self) -> None:
        self.instance_id = _worker_id()

    manager_cls._reset_instance_id = reset_instance_id
    manager_cls.link_token_to_sid = link_token_to_sid


def _compile_in_a_child_process() -> None:
    reflex_cli = importlib.import_module("reflex.reflex")
    compile_app = getattr(reflex_cli, "_compile_app", None)
    if compile_app is None:
        print("serve.py: this Reflex has no reflex.reflex._compile_app; fix 3 not applied", file=sys.stderr)
        return

    def compile_in_child(*, avoid_dirty_check: bool = True) -> None:
        # Reflex's own child-process compile (a one-process pool that exits), even in production.
        compile_app(avoid_dirty_check=True)

    reflex_cli._compile_app = compile_in_child


def _serve_the_existing_build() -> None:
    from reflex.utils import build

    if not (Path.cwd() / ".web" / "build" / "client").is_dir():
        print("serve.py: no build in .web/build yet: building it", file=sys.stderr)
        return
    reflex_cli = importlib.import_module("reflex.reflex")
    reflex_cli._compile_app = lambda **_kwargs: None
    build.setup_frontend_prod = lambda _root: None


def main() -> None:
    _granian_defaults()
    _give_tabs_of_dead_workers_their_session_back()
    _compile_in_a_child_process()
    if "--prebuilt" in sys.argv:
        sys.argv.remove("--prebuilt")
        _serve_the_existing_build()
    from reflex.reflex import cli

    sys.argv = ["reflex", "run", *sys.argv[1:]]
    cli()


if __name__ == "__main__":
    sys.path.insert(0, str(Path.cwd()))
    main()
