#!/usr/bin/env python3
"""Prints the hottest methods of a JFR recording (top frames and inclusive), from `jfr print --json`.
Usage: bench/jfr-top.py recording.jfr [N]          CPU: execution samples
       bench/jfr-top.py --alloc recording.jfr [N]  allocation: jdk.ObjectAllocationSample weights (bytes), by
                                                   allocated class, allocating frame and inclusive frame"""
import json, signal, subprocess, sys, collections
signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # allow `| head`
args = sys.argv[1:]
alloc = args[:1] == ["--alloc"]
if alloc:
    args = args[1:]
rec, n = args[0], int(args[1]) if len(args) > 1 else 25
event = "jdk.ObjectAllocationSample" if alloc else "jdk.ExecutionSample"
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", event, rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
top, incl, classes = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for e in events:
    weight = e["values"]["weight"] if alloc else 1
    total += weight
    if alloc:
        classes[e["values"]["objectClass"]["name"]] += weight
    frames = (e["values"]["stackTrace"] or {}).get("frames") or []
    names = [f["method"]["type"]["name"].split(".")[-1] + "." + f["method"]["name"] for f in frames]
    if names:
        top[names[0]] += weight
    for name in set(names):
        incl[name] += weight
total = total or 1
print(f"{len(events)} samples" + (f", {total / 1e6:.1f} MB sampled weight" if alloc else ""))
if alloc:
    print("allocated classes:")
    for name, c in classes.most_common(n):
        print(f"  {100 * c / total:5.1f}%  {name}")
print("top frames (self " + ("allocation" if alloc else "time") + "):")
for name, c in top.most_common(n):
    print(f"  {100 * c / total:5.1f}%  {name}")
print("inclusive:")
for name, c in incl.most_common(n):
    print(f"  {100 * c / total:5.1f}%  {name}")
