#!/usr/bin/env python3
# Inclusive share of JFR execution samples per method: scripts/jfr-top.py FILE.jfr [REGEX] [N]
# (a method counts once per sample where it is on the stack; REGEX keeps only matching frames)
import sys, re, collections, subprocess
f = sys.argv[1]; pat = sys.argv[2] if len(sys.argv) > 2 else None; top = int(sys.argv[3]) if len(sys.argv) > 3 else 50
out = subprocess.run(["jfr", "print", "--stack-depth", "200", "--events", "jdk.ExecutionSample", f], capture_output=True, text=True).stdout
incl = collections.Counter(); n = 0
for ev in out.split("jdk.ExecutionSample")[1:]:
    m = re.search(r"stackTrace = \[(.*?)\n\s*\]", ev, re.S)
    if not m: continue
    n += 1
    frames = [re.sub(r"\s+line:.*", "", l.strip()) for l in m.group(1).strip().split("\n")]
    seen = set()
    for fr in frames:
        if fr == "...": continue
        if pat and not re.search(pat, fr): continue
        if fr not in seen:
            seen.add(fr); incl[fr] += 1
print("samples", n)
for k, v in incl.most_common(top):
    print(f"{100*v/n:5.1f}% {k}")
