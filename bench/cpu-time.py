#!/usr/bin/env python3
"""Runs a command and prints the CPU time of its whole process tree to stderr
(`@@cpu <user s> <system s>`), then exits as the command did.

GNU time counts only the descendants a process waited for: the search
indexer that `charter build` starts and stops (Pagefind's service) may still
be exiting when charter exits, and its CPU time would be lost. As a child
subreaper (Linux), this script inherits such orphans and waits for them too.
"""
import ctypes
import os
import resource
import sys

PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
child = os.fork()
if child == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
status = 0
while True:
    try:
        pid, waited = os.wait()
    except ChildProcessError:
        break
    if pid == child:
        status = waited
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(f"\n@@cpu {usage.ru_utime:.3f} {usage.ru_stime:.3f}\n")
sys.exit(os.waitstatus_to_exitcode(status))
