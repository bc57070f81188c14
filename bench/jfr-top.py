#!/usr/bin/env python3
"""Prints the hottest methods of a JFR recording (top frames and inclusive), from `jfr print --json`.
Usage: bench/jfr-top.py recording.jfr [N]"""
import json, signal, subprocess, sys, collections
signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # allow `| head`
rec, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
top, incl = collections.Counter(), collections.Counter()
for e in events:
    frames = e["values"]["stackTrace"]["frames"]
    names = [f["method"]["type"]["name"].split(".")[-1] + "." + f["method"]["name"] for f in frames]
    if names:
        top[names[0]] += 1
    for name in set(names):
        incl[name] += 1
total = len(events) or 1
print(f"{len(events)} samples")
print("top frames (self time):")
for name, c in top.most_common(n):
    print(f"  {100 * c / total:5.1f}%  {name}")
print("inclusive:")
for name, c in incl.most_common(n):
    print(f"  {100 * c / total:5.1f}%  {name}")
