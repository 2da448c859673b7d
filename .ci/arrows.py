#!/usr/bin/env python3
"""Which folders of Sources/KamerGraph use which: a folder uses another when its code (comments
and strings left out) names a type or top-level function declared there. Prints the uses, the
pairs that use each other, and uses that go up the layers
CLI -> Pipeline/Query/Output/Export -> Documents/References/Graph/Index -> Model/Bytes/XML/Platform."""
import os, re, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 else 'Sources/KamerGraph'
layer = {'Pipeline': 1, 'Query': 1, 'Output': 1, 'Export': 1,
         'Documents': 2, 'References': 2, 'Graph': 2, 'Index': 2,
         'Model': 3, 'Bytes': 3, 'XML': 3, 'Platform': 3}
decl = re.compile(r'^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate|final|indirect)\s+)*(?:struct|enum|class|protocol|actor|typealias|func)\s+([A-Za-z_]\w*)', re.M)
def strip(src):
    src = re.sub(r'"""[\s\S]*?"""', '""', src)
    src = re.sub(r'//[^\n]*', '', src)
    src = re.sub(r'/\*[\s\S]*?\*/', '', src)
    src = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', src)
    return src
files = collections.defaultdict(list)
for d, _, fs in os.walk(root):
    for f in fs:
        if f.endswith('.swift'):
            top = os.path.relpath(d, root).split(os.sep)[0]
            files[top].append(os.path.join(d, f))
owner = {}
text = {}
for top, fs in files.items():
    for f in fs:
        s = strip(open(f).read()); text[f] = (top, s)
        for m in decl.finditer(s):
            name = m.group(1)
            if name[0].isupper() or m.group(0).lstrip().startswith(('public func', 'func')) and not s[:m.start()].rstrip().endswith('{'):
                owner.setdefault(name, top)
# top-level funcs only: a `func` at column 0
for f, (top, s) in text.items():
    for m in re.finditer(r'^(?:public |package )?func ([a-z]\w*)', s, re.M):
        owner.setdefault(m.group(1), top)
uses = collections.defaultdict(lambda: collections.defaultdict(set))
for f, (top, s) in text.items():
    for w in set(re.findall(r'\b[A-Za-z_]\w*\b', s)):
        o = owner.get(w)
        if o and o != top:
            uses[top][o].add(w)
bad = 0
for a in sorted(uses):
    for b in sorted(uses[a]):
        names = sorted(uses[a][b])
        flag = ''
        if a in uses.get(b, {}):
            flag = '  <-> MUTUAL'
        elif layer.get(a, 0) > layer.get(b, 0):
            flag = '  ^ UP'
        if flag: bad += 1
        print(f'{a} -> {b}: {", ".join(names[:8])}{" ..." if len(names) > 8 else ""}{flag}')
print(f'{bad} arrows against the layers or mutual')
