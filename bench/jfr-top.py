#!/usr/bin/env python3
"""Prints the hottest methods of a JFR recording (top frames and inclusive), from `jfr print --json`.
Usage: bench/jfr-top.py recording.jfr [N]          CPU: execution samples
       bench/jfr-top.py --alloc recording.jfr [N]  allocation: jdk.ObjectAllocationSample weights (bytes), by
                                                   allocated class, allocating frame and inclusive frame
       --callers METHOD (with either): also who calls METHOD (a suffix such as HashMap.getNode), by the
                                       calling frame and by the first frame outside the JDK and jackson-core"""
import json, signal, subprocess, sys, collections
signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # allow `| head`
args = sys.argv[1:]
alloc = "--alloc" in args
callee = args[args.index("--callers") + 1] if "--callers" in args else None
args = [a for i, a in enumerate(args) if a != "--alloc" and a != "--callers" and (i == 0 or args[i - 1] != "--callers")]
rec, n = args[0], int(args[1]) if len(args) > 1 else 25
event = "jdk.ObjectAllocationSample" if alloc else "jdk.ExecutionSample"
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", event, rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
top, incl, classes = collections.Counter(), collections.Counter(), collections.Counter()
callers, origins = collections.Counter(), collections.Counter()
callee_total = 0
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
    hit = next((i for i, name in enumerate(names) if callee and name.endswith(callee)), None)
    if hit is not None:
        callee_total += weight
        callers[names[hit + 1] if hit + 1 < len(names) else "(root)"] += weight
        frames_above = [f["method"]["type"]["name"].replace("/", ".") for f in frames[hit + 1:]]
        origin = next((names[hit + 1 + i] for i, t in enumerate(frames_above)
                       if not t.startswith(("java.", "jdk.", "sun.", "com.fasterxml.jackson.core."))), "(none)")
        origins[origin] += weight
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
if callee:
    print(f"callers of {callee} ({100 * callee_total / total:.1f}% of all):")
    for name, c in callers.most_common(n):
        print(f"  {100 * c / total:5.1f}%  {name}")
    print(f"first frame outside the JDK and jackson-core above {callee}:")
    for name, c in origins.most_common(n):
        print(f"  {100 * c / total:5.1f}%  {name}")
