#!/usr/bin/env python3
"""Where the bytes of a .wasm go: section sizes, the largest functions, and the code per crate.

    python3 scripts/wasm-size.py target/wasm32-unknown-unknown/release/devcontainer_doctor.wasm [N]

Reads the file cargo or wasm-bindgen wrote (wasm-opt drops the name section, so its output
has no function names). Function names are the legacy Rust mangling, shortened here.
"""

import collections
import re
import sys


def leb(data, i):
    value, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(data):
    i = 8  # magic and version
    while i < len(data):
        kind = data[i]
        size, i = leb(data, i + 1)
        yield kind, data[i : i + size]
        i += size


def imported_functions(body):
    count, i = leb(body, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, i = leb(body, i)
            i += n
        kind = body[i]
        i += 1
        if kind == 0:  # function: type index
            _, i = leb(body, i)
            functions += 1
        elif kind == 1:  # table: elem type, limits
            i += 1
            flags, i = leb(body, i)
            _, i = leb(body, i)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 2:  # memory: limits
            flags, i = leb(body, i)
            _, i = leb(body, i)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 3:  # global: type, mutability
            i += 2
        else:  # tag
            i += 1
            _, i = leb(body, i)
    return functions


def body_sizes(body):
    count, i = leb(body, 0)
    sizes = []
    for _ in range(count):
        size, j = leb(body, i)
        sizes.append(j - i + size)
        i = j + size
    return sizes


def function_names(body):
    names, i = {}, 0
    name_len, i = leb(body, i)
    if body[i : i + name_len] != b"name":
        return names
    i += name_len
    while i < len(body):
        sub = body[i]
        size, i = leb(body, i + 1)
        end = i + size
        if sub == 1:
            count, j = leb(body, i)
            for _ in range(count):
                index, j = leb(body, j)
                n, j = leb(body, j)
                names[index] = body[j : j + n].decode("utf-8", "replace")
                j += n
        i = end
    return names


def demangle(name):
    match = re.match(r"_ZN(.*)E$", name)
    if not match:
        return name
    rest, parts = match.group(1), []
    while rest:
        m = re.match(r"(\d+)", rest)
        if not m:
            break
        n = int(m.group(1))
        parts.append(rest[len(m.group(1)) : len(m.group(1)) + n])
        rest = rest[len(m.group(1)) + n :]
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    text = "::".join(parts)
    for code, char in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$C$", ","),
                       ("$u7b$", "{"), ("$u7d$", "}"), ("$BP$", "*"), ("..", "::")):
        text = text.replace(code, char)
    return text


def crate_of(name):
    name = name.lstrip("<&*")
    head = re.split(r"::| as ", name, maxsplit=1)[0]
    return head or "?"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    data = open(path, "rb").read()
    imports, sizes, names, by_section = 0, [], {}, collections.Counter()
    for kind, body in sections(data):
        label = {0: "custom", 1: "type", 2: "import", 3: "function", 7: "export", 10: "code", 11: "data"}.get(kind, str(kind))
        if kind == 0:
            n, j = leb(body, 0)
            label = "custom:" + body[j : j + n].decode("utf-8", "replace")
        by_section[label] += len(body)
        if kind == 2:
            imports = imported_functions(body)
        elif kind == 10:
            sizes = body_sizes(body)
        elif kind == 0 and label == "custom:name":
            names = function_names(body)
    print(f"{path}: {len(data)} bytes")
    for label, size in by_section.most_common():
        print(f"  section {label:<24} {size:>8}")
    functions = [(size, demangle(names.get(imports + k, f"func{imports + k}"))) for k, size in enumerate(sizes)]
    crates = collections.Counter()
    for size, name in functions:
        crates[crate_of(name)] += size
    print("code by crate (first path segment):")
    for crate, size in crates.most_common(top):
        print(f"  {size:>8}  {crate}")
    print(f"largest {top} functions:")
    for size, name in sorted(functions, reverse=True)[:top]:
        print(f"  {size:>8}  {name[:150]}")


if __name__ == "__main__":
    main()
